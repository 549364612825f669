import 'reflect-metadata';
import { CHECK_ITEMS_2022, PLAN_2022, type Department } from '@dr/domain';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileStore, printFederatedSchema, runMain, startSubgraph } from '@dr/subgraph-kit';
import { buildDepartmentSchema } from './department-schema';
import { createDepartmentLoaders } from './loaders';
import { DEPARTMENT_ENTITIES, DEPARTMENT_MIGRATIONS } from './tables';
import { seedCheckItems } from './seed';
import { evidenceRoutes } from './evidence.routes';

/** Starts a department's subgraph: its own database, its items of the 2022 plan, its schema. */
export function runDepartmentSubgraph(department: Department, defaultPort: number): void {
  runMain(department, () =>
    startSubgraph({
      name: department,
      defaultPort,
      entities: DEPARTMENT_ENTITIES,
      migrations: DEPARTMENT_MIGRATIONS,
      createLoaders: createDepartmentLoaders,
      buildSchema: (dataSource) => buildDepartmentSchema(department, dataSource),
      seed: (dataSource, logger) => seedCheckItems(dataSource, department, PLAN_2022.id, CHECK_ITEMS_2022, logger),
      routes: (dataSource, publicKey, logger, config) => evidenceRoutes(department, dataSource, createFileStore(join(config.FILES_DIR, department)), publicKey, logger),
    }),
  );
}

/** Writes the department's committed `schema.graphql` (in the app folder above `distDir`). */
export function printDepartmentSchema(department: Department, distDir: string): void {
  buildDepartmentSchema(department).then((schema) => writeFileSync(join(distDir, '..', 'schema.graphql'), printFederatedSchema(schema)));
}
