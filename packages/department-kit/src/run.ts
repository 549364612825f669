import 'reflect-metadata';
import { CHECK_ITEMS_2022, PLAN_2022, type Department, type EventPayloads } from '@dr/domain';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileStore, loadConfig, printFederatedSchema, runMain, startSubgraph, z } from '@dr/subgraph-kit';
import { buildDepartmentSchema } from './department-schema';
import { createDepartmentLoaders } from './loaders';
import { DEPARTMENT_ENTITIES, DEPARTMENT_MIGRATIONS } from './tables';
import { seedCheckItems } from './seed';
import { evidenceRoutes } from './evidence.routes';
import { GraphVisitAccess } from './visit-access';
import { ResultService } from './results/result.service';
import { resultExportRoutes } from './results/result-export.routes';
import { ReferralService } from './referrals/referral.service';
import { FollowUpService } from './follow-ups/follow-up.service';
import { receiveYearLoaded, reloadDepartmentCalendar } from './calendar/department-calendar';

/** Starts a department's subgraph: its own database, its items of the 2022 plan, its schema. */
export function runDepartmentSubgraph(department: Department, defaultPort: number): void {
  runMain(department, () => {
    // The gateway, through which the department asks the office whether a writer is on the visit's team.
    const { GATEWAY_URL } = loadConfig(z.object({ GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql') }));
    const access = new GraphVisitAccess(GATEWAY_URL);
    return startSubgraph({
      name: department,
      defaultPort,
      entities: DEPARTMENT_ENTITIES,
      migrations: DEPARTMENT_MIGRATIONS,
      createLoaders: createDepartmentLoaders,
      buildSchema: async (dataSource) => {
        // Deadlines count with the years the office loaded, from the first request on (R-CAL-2).
        await reloadDepartmentCalendar(dataSource.manager);
        return buildDepartmentSchema(department, dataSource, access);
      },
      seed: (dataSource, logger) => seedCheckItems(dataSource, department, PLAN_2022.id, CHECK_ITEMS_2022, logger),
      routes: (dataSource, publicKey, logger, config) => [
        ...evidenceRoutes(department, dataSource, createFileStore(join(config.FILES_DIR, department)), access, publicKey, logger),
        ...resultExportRoutes(department, dataSource, publicKey),
      ],
      // The visit is signed: the department's result is formed and waits for entry, and each order to
      // rectify becomes a follow-up task (ADR 0013, R-PUB-3). Referrals come and are answered (R-RES-3).
      eventHandlers: (dataSource) => ({
        'inspection.signed': async (manager, event) => {
          const payload = event.payload as EventPayloads['inspection.signed'];
          await new ResultService(dataSource, department).receiveSigned(manager, payload);
          await new FollowUpService(dataSource, department).receiveSigned(manager, payload);
        },
        'referral.sent': (manager, event) => new ReferralService(dataSource, department).receiveSent(manager, event.payload as EventPayloads['referral.sent']),
        'referral.answered': (manager, event) => new ReferralService(dataSource, department).receiveAnswer(manager, event.payload as EventPayloads['referral.answered']),
        'calendar.year-loaded': (manager, event) => receiveYearLoaded(manager, event.payload as EventPayloads['calendar.year-loaded']),
      }),
    });
  });
}

/** Writes the department's committed `schema.graphql` (in the app folder above `distDir`). */
export function printDepartmentSchema(department: Department, distDir: string): void {
  buildDepartmentSchema(department).then((schema) => writeFileSync(join(distDir, '..', 'schema.graphql'), printFederatedSchema(schema)));
}
