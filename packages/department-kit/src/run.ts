import 'reflect-metadata';
import { DEPARTMENT_NAMES, type Department, type EventPayloads } from '@dr/domain';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditExportRoute, createFileStore, loadConfig, officeOrDepartmentAdmin, printFederatedSchema, runMain, startSubgraph, z, type EventHandlers } from '@dr/subgraph-kit';
import { buildDepartmentSchema } from './department-schema';
import { createDepartmentLoaders } from './loaders';
import { departmentDataSourceSpec } from './tables';
import { CheckItemService } from './check-items/check-item.service';
import { evidenceRoutes } from './evidence.routes';
import { GraphVisitAccess } from './visit-access';
import { ResultService } from './results/result.service';
import { resultExportRoutes } from './results/result-export.routes';
import { progressExportRoutes } from './progress/progress-export.routes';
import { reportRoutes } from './reports/report.routes';
import { ReferralService } from './referrals/referral.service';
import { FollowUpService } from './follow-ups/follow-up.service';
import { receiveYearLoaded, reloadDepartmentCalendar } from './calendar/department-calendar';
import type { DepartmentExtension } from './extension/department-extension';
import { DUE_ON_RECTIFICATION_DEADLINE } from './follow-ups/follow-up-due';

/**
 * Starts a department's subgraph: its own database, its items of the 2022 plan, its schema, and what the
 * department adds through `extension` (ADR 0014; `NO_EXTENSION` for the kit's generic behaviour).
 */
export function runDepartmentSubgraph(department: Department, defaultPort: number, extension: DepartmentExtension): void {
  runMain(department, () => {
    // The gateway, through which the department asks the office whether a writer is on the visit's team.
    const { GATEWAY_URL } = loadConfig(z.object({ GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql') }));
    const access = new GraphVisitAccess(GATEWAY_URL);
    return startSubgraph({
      ...departmentDataSourceSpec(department, extension),
      defaultPort,
      createLoaders: createDepartmentLoaders,
      buildSchema: async (dataSource) => {
        // Deadlines count with the years the office loaded, from the first request on (R-CAL-2).
        await reloadDepartmentCalendar(dataSource.manager);
        return buildDepartmentSchema(department, extension, { dataSource, access });
      },
      // The 2022 plan's items are reference data, loaded by a migration (checkItems2022Migration); no demo seed.
      routes: (dataSource, publicKey, logger, config) => [
        ...evidenceRoutes(department, dataSource, createFileStore(join(config.FILES_DIR, department)), access, publicKey, logger),
        ...resultExportRoutes(department, dataSource, publicKey),
        auditExportRoute({ path: `/files/${department}/audit.csv`, fileName: `${DEPARTMENT_NAMES[department].full}审计日志.csv`, dataSource, publicKey, authorize: officeOrDepartmentAdmin(department, DEPARTMENT_NAMES[department].full) }),
        ...progressExportRoutes(department, dataSource, publicKey),
        ...reportRoutes(department, dataSource, publicKey, GATEWAY_URL),
        ...(extension.routes?.({ department, dataSource, access, publicKey, logger, config }) ?? []),
      ],
      // The visit is signed: the department's result is formed and waits for entry, and each order to
      // rectify becomes a follow-up task (ADR 0013, R-PUB-3). Referrals come and are answered (R-RES-3).
      eventHandlers: (dataSource, logger) => withOwnHandlers(extension.eventHandlers?.({ department, dataSource, access }, logger) ?? {}, {
        'inspection.signed': async (manager, event) => {
          const payload = event.payload as EventPayloads['inspection.signed'];
          await new ResultService(dataSource, department, extension).receiveSigned(manager, payload);
          await new FollowUpService(dataSource, department, extension.followUpRule ?? DUE_ON_RECTIFICATION_DEADLINE).receiveSigned(manager, payload);
          if (payload.departments.includes(department)) await extension.onSigned?.(manager, payload);
        },
        'referral.sent': (manager, event) => new ReferralService(dataSource, department).receiveSent(manager, event.payload as EventPayloads['referral.sent']),
        'referral.answered': (manager, event) => new ReferralService(dataSource, department).receiveAnswer(manager, event.payload as EventPayloads['referral.answered']),
        'calendar.year-loaded': (manager, event) => receiveYearLoaded(manager, event.payload as EventPayloads['calendar.year-loaded']),
        // A plan set up (a copy starts from the copied plan's items) and a plan drawn (its items freeze), R-ITEM-4.
        'plan.created': (manager, event) => new CheckItemService(dataSource, department).receivePlanCreated(manager, event.payload as EventPayloads['plan.created']),
        'plan.frozen': (manager, event) => new CheckItemService(dataSource, department).receivePlanFrozen(manager, event.payload as EventPayloads['plan.frozen']),
      }),
    });
  });
}

/** The kit's handlers and the department's; a department may add topics, never replace the kit's. */
function withOwnHandlers(own: EventHandlers, kit: EventHandlers): EventHandlers {
  const taken = Object.keys(own).filter((topic) => topic in kit);
  if (taken.length) throw new Error(`the department extension handles events the kit handles already: ${taken.join(', ')}; use onSigned or onResultPublished`);
  return { ...own, ...kit };
}

/** Writes the department's committed `schema.graphql` (in the app folder above `distDir`), with its extension's types. */
export function printDepartmentSchema(department: Department, distDir: string, extension: DepartmentExtension): void {
  buildDepartmentSchema(department, extension).then((schema) => writeFileSync(join(distDir, '..', 'schema.graphql'), printFederatedSchema(schema)));
}
