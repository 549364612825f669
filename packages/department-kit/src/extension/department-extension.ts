import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Department, EventPayloads, Principal } from '@dr/domain';
import type { DatabaseConfig, EventHandlers, HttpRoute } from '@dr/subgraph-kit';
import type { FollowUpDueRule } from '../follow-ups/follow-up-due';
import type { VisitAccessCheck } from '../visit-access';

/**
 * What a department's own resolvers, routes and handlers are built with. Every member is present: a
 * department's code never meets an `undefined` service and skips a check because of it.
 */
export interface DepartmentDependencies {
  department: Department;
  dataSource: DataSource;
  /** Whether a caller is on a visit's team, asked through the graph. */
  access: VisitAccessCheck;
}

/** What the HTTP routes of an extension get besides the dependencies. */
export interface DepartmentRouteDependencies extends DepartmentDependencies {
  publicKey: KeyObject;
  logger: Logger;
  config: DatabaseConfig;
}

/** A result at the moment it is published or corrected, as a department's hook sees it (R-PUB-1). */
export interface PublishedResultFacts {
  inspectionId: string;
  planId: string;
  venue: { id: string; name: string; uscc: string; street: string };
  inspectedOn: string;
  /** The published codes (R-RES-2), sorted. */
  resultCodes: number[];
  /** 检查结果说明. */
  summary: string | null;
  /** 1 at publication, one more at each correction. */
  revision: number;
  publishedOn: string;
  /** The department admin who published or corrected it. */
  by: Principal;
}

/**
 * A department's own part of its subgraph (ADR 0014): types, resolvers, tables, routes, event handlers and
 * hooks into the kit's lifecycle. The kit's generic behaviour is the default; an empty extension (`{}`)
 * is a department that adds nothing. Type names must carry the department's prefix (`FireOrderNotice`),
 * like the kit's own, so they never clash in the supergraph.
 */
export interface DepartmentExtension {
  /**
   * type-graphql resolver classes. The kit instantiates each once with `new Resolver(dependencies)`;
   * when only the schema is printed no resolver is ever instantiated.
   */
  resolvers?: Function[];
  /** Object types no resolver returns but the schema should still carry. */
  orphanedTypes?: Function[];
  /** The department's own tables (TypeORM entities), beside the kit's. */
  entities?: Function[];
  /** The department's own migrations: run after the kit's, in this order; use timestamps above 1800000000000. */
  migrations?: Function[];
  /** HTTP routes beside `/graphql`, below `/files/<department>/` (the gateway forwards only that). They check the token themselves. */
  routes?: (dependencies: DepartmentRouteDependencies) => HttpRoute[];
  /** More events the department consumes (ADR 0013); a topic the kit handles already is refused at start. */
  eventHandlers?: (dependencies: DepartmentDependencies, logger: Logger) => EventHandlers;
  /** When a re-inspection (复查) falls due (R-PUB-3); default: on the rectification deadline. */
  followUpRule?: FollowUpDueRule;
  /**
   * Called in the transaction that publishes (or corrects) a result, after the kit's own checks: what
   * the hook writes commits or rolls back with the publication. Throwing an AppError refuses it.
   */
  onResultPublished?: (manager: EntityManager, result: PublishedResultFacts) => Promise<void>;
  /**
   * Called in the transaction that applies `inspection.signed`, after the kit has opened the result and
   * the follow-ups; only for visits the department took part in.
   */
  onSigned?: (manager: EntityManager, payload: EventPayloads['inspection.signed']) => Promise<void>;
}

/** The hooks the kit's services call; a department without an extension gets the generic behaviour. */
export type ResultHooks = Pick<DepartmentExtension, 'onResultPublished'>;

/** A department that adds nothing: the kit's generic behaviour. */
export const NO_EXTENSION: DepartmentExtension = Object.freeze({});
