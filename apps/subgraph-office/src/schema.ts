import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildFederatedSchema } from '@dr/subgraph-kit';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { InspectionResolver } from './inspection/inspection.resolver';
import { InspectorResolver } from './inspector/inspector.resolver';
import { PlanResolver } from './plan/plan.resolver';
import { VenueResolver } from './venue/venue.resolver';
import { DrawResolver } from './draw/draw.resolver';
import type { OfficeContext } from './loaders';

const RESOLVERS = [AuthResolver, PlanResolver, InspectionResolver, VenueResolver, InspectorResolver, DrawResolver] as const;

/**
 * The office subgraph's schema. Resolvers get the data source (and the login service) from a
 * small container; printing the schema needs neither, so both may be absent then.
 */
export function buildOfficeSchema(dataSource?: DataSource, signingKey: KeyObject | null = null) {
  const instances = new Map<Function, unknown>();
  const auth = dataSource ? new AuthService(dataSource, signingKey) : null;
  const byId = (loader: keyof OfficeContext['loaders']) => ({
    __resolveReference: (reference: { id: string }, context: OfficeContext) => context.loaders[loader].load(reference.id),
  });
  return buildFederatedSchema(
    {
      resolvers: [...RESOLVERS],
      container: {
        get: (someClass: new (...args: unknown[]) => unknown) => {
          if (!instances.has(someClass)) instances.set(someClass, new someClass(dataSource, auth));
          return instances.get(someClass);
        },
      },
    },
    { Plan: byId('plan'), Inspection: byId('inspection'), Venue: byId('venue'), Inspector: byId('inspector') },
  );
}
