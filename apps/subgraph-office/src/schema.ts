import type { DataSource } from 'typeorm';
import { buildFederatedSchema } from '@dr/subgraph-kit';
import { AuthResolver } from './auth/auth.resolver';
import type { AuthService } from './auth/auth.service';
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
import { PublicResultResolver } from './public-results/public-result.resolver';

const RESOLVERS = [AuthResolver, PlanResolver, InspectionResolver, VenueResolver, InspectorResolver, DrawResolver, ImportResolver, VisitResolver, PublicResultResolver] as const;

/** Services with state or secrets, made once by `main` and handed to the resolvers that need them. */
export interface OfficeServices {
  auth: AuthService;
  imports: ImportService;
  visits: VisitService;
}

/**
 * The office subgraph's schema. Resolvers get the data source and the services from a small
 * container; printing the schema needs neither, so both may be absent then.
 */
export function buildOfficeSchema(dataSource?: DataSource, services?: OfficeServices) {
  const instances = new Map<Function, unknown>();
  const byId = (loader: keyof OfficeContext['loaders']) => ({
    __resolveReference: (reference: { id: string }, context: OfficeContext) => context.loaders[loader].load(reference.id),
  });
  return buildFederatedSchema(
    {
      resolvers: [...RESOLVERS],
      container: {
        get: (someClass: new (...args: unknown[]) => unknown) => {
          if (!instances.has(someClass)) instances.set(someClass, new someClass(dataSource, services?.auth, services?.imports, services?.visits));
          return instances.get(someClass);
        },
      },
    },
    { Plan: byId('plan'), Inspection: byId('inspection'), Venue: byId('venue'), Inspector: byId('inspector') },
  );
}
