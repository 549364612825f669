import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import gql from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type MiddlewareFn } from 'type-graphql';
import { requirePrincipal, type RequestContext } from './context';
import { AppError } from './errors';

/**
 * What an account that must change its password (R-ACC-4) may still do: see who it is, change the
 * password, log out. Everything else is refused on every subgraph, from the token's `pwc` claim.
 */
export const PASSWORD_CHANGE_FIELDS = ['Query.me', 'Mutation.changePassword', 'Mutation.logout', 'Mutation.refreshSession'];

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

/** `__resolveReference` functions by entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * Every query and mutation needs a signed-in caller unless it is listed as public (`"Mutation.login"`).
 * A global middleware runs before type-graphql validates the arguments, so an anonymous caller with
 * bad input learns "请先登录", not which field is wrong. Resolvers still check roles themselves.
 */
export function authenticateFirst(publicFields: readonly string[]): MiddlewareFn<RequestContext<unknown>> {
  const open = new Set(publicFields);
  const whilePasswordChange = new Set(PASSWORD_CHANGE_FIELDS);
  return ({ info, context }, next) => {
    const root = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    const field = `${info.parentType.name}.${info.fieldName}`;
    if (root && !open.has(field)) requirePrincipal(context);
    if (root && context.principal?.mustChangePassword && !whilePasswordChange.has(field)) {
      throw new AppError('FORBIDDEN', '首次登录或密码被重置后，须先修改密码', { reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    return next();
  };
}

export interface FederatedSchemaOptions extends Omit<BuildSchemaOptions, 'skipCheck' | 'validate'> {
  /** Root fields anyone may call, as `Type.field` (e.g. `Mutation.login`); all others need a token. */
  publicFields?: readonly string[];
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql builds the schema
 * (without its own checks, since a subgraph may have no Query), the SDL is printed with its
 * directives and handed to `buildSubgraphSchema` with the resolvers plus the reference resolvers.
 */
export async function buildFederatedSchema(
  { publicFields = [], ...options }: FederatedSchemaOptions,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    globalMiddlewares: [authenticateFirst(publicFields), ...(options.globalMiddlewares ?? [])],
    skipCheck: true,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: resolvers as never,
  });
}

/** The SDL a subgraph commits as `schema.graphql` and the supergraph is composed from. */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
