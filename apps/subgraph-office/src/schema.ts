import type { DataSource } from 'typeorm';
import { buildAuditTrailResolvers, buildFederatedSchema, officeOnly, requirePrincipal } from '@dr/subgraph-kit';
import { AuthResolver } from './auth/auth.resolver';
import type { AuthService } from './auth/auth.service';
import type { SessionService } from './auth/session.service';
import type { AccountService } from './auth/account.service';
import { AccountResolver } from './auth/account.resolver';
import type { ImportService } from './directory-import/import.service';
import { ImportResolver } from './directory-import/import.resolver';
import { InspectionResolver } from './inspection/inspection.resolver';
import { InspectorResolver } from './inspector/inspector.resolver';
import { PlanResolver } from './plan/plan.resolver';
import { VenueResolver } from './venue/venue.resolver';
import { DrawResolver } from './draw/draw.resolver';
import type { OfficeContext } from './loaders';
import { VisitResolver } from './visit/visit.resolver';
import type { VisitService } from './visit/visit.service';
import { CalendarResolver } from './calendar/calendar.resolver';
import { PublicResultResolver } from './public-results/public-result.resolver';
import { PlanProgressResolver } from './progress/plan-progress.resolver';
import { ReportResolver } from './reports/report.resolver';
import type { FileStore } from '@dr/subgraph-kit';

const RESOLVERS = [AuthResolver, AccountResolver, PlanResolver, InspectionResolver, VenueResolver, InspectorResolver, DrawResolver, ImportResolver, VisitResolver, CalendarResolver, PublicResultResolver, PlanProgressResolver, ReportResolver] as const;

/** Services with state or secrets, made once by `main` and handed to the resolvers that need them. */
export interface OfficeServices {
  auth: AuthService;
  imports: ImportService;
  visits: VisitService;
  sessions: SessionService;
  accounts: AccountService;
  /** The office's file store (uploaded reports). */
  files?: FileStore;
}

/**
 * The office subgraph's schema. Resolvers get the data source and the services from a small
 * container; printing the schema needs neither, so both may be absent then.
 */
export function buildOfficeSchema(dataSource?: DataSource, services?: OfficeServices) {
  const instances = new Map<Function, unknown>();
  // The account resolvers name their services; the others take the positional list below.
  const factories = new Map<Function, () => unknown>([
    [AuthResolver, () => new AuthResolver(dataSource!, services?.auth as AuthService, services?.sessions as SessionService)],
    [AccountResolver, () => new AccountResolver(dataSource!, services?.accounts as AccountService)],
  ]);
  const byId = (loader: keyof OfficeContext['loaders']) => ({
    // Like every query, an entity sent straight to the office needs a signed-in caller.
    __resolveReference: (reference: { id: string }, context: OfficeContext) => (requirePrincipal(context), context.loaders[loader].load(reference.id)),
  });
  return buildFederatedSchema(
    {
      resolvers: [...RESOLVERS, ...buildAuditTrailResolvers({ source: 'office', typePrefix: 'Office', ownerName: '联席办', authorize: officeOnly, dataSource })],
      // Signing in, refreshing a session (the refresh token is the credential), and asking who is signed in (null when nobody), need no token.
      publicFields: ['Mutation.login', 'Mutation.refreshSession', 'Query.me', 'Query.publicResults', 'Query.publicVenueResults', 'Query.publicResultPlans'],
      container: {
        get: (someClass: new (...args: unknown[]) => unknown) => {
          if (!instances.has(someClass)) instances.set(someClass, factories.get(someClass)?.() ?? new someClass(dataSource, services?.auth, services?.imports, services?.visits, services?.files));
          return instances.get(someClass);
        },
      },
    },
    {
      Plan: byId('plan'),
      Inspection: byId('inspection'),
      Venue: byId('venue'),
      Inspector: byId('inspector'),
      // Without its own resolver a reference resolves to itself, and `errors` would list any job's rows:
      // `_entities` must apply the same check as the `importJob` query.
      ImportJob: {
        __resolveReference: (reference: { id: string }, context: OfficeContext) => services?.imports.find(reference.id, requirePrincipal(context)) ?? null,
      },
    },
  );
}
