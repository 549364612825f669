import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

/** The subgraphs of the platform, their committed schema files and their default local URLs. */
export const SUBGRAPHS = [
  { name: 'office', port: 4001 },
  { name: 'culture', port: 4002 },
  { name: 'market', port: 4003 },
  { name: 'fire', port: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

const REPO_ROOT = join(__dirname, '..', '..', '..');

export function subgraphSchemaPath(name: SubgraphName): string {
  return join(REPO_ROOT, 'apps', `subgraph-${name}`, 'schema.graphql');
}

export const GENERATED_DIR = join(__dirname, '..', 'generated');
export const SUPERGRAPH_PATH = join(GENERATED_DIR, 'supergraph.graphql');
export const API_SCHEMA_PATH = join(GENERATED_DIR, 'api-schema.graphql');

export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

/**
 * Composes the committed subgraph schemas (Federation 2). Throws with every composition error:
 * a supergraph that does not compose never reaches the gateway.
 */
export function composeSupergraph(readSchema: (name: SubgraphName) => string = (name) => readFileSync(subgraphSchemaPath(name), 'utf8')) {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({ name, url: `http://127.0.0.1:${port}/graphql`, typeDefs: parse(readSchema(name)) })),
  );
  if (result.errors) {
    throw new CompositionError(`supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSchemaSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`, hints: result.hints.map((h) => h.toString()) };
}
