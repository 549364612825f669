import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isLeafType, Kind, parse, type GraphQLField, type GraphQLSchema } from 'graphql';

/** The four subgraphs, each serving its own part of the graph. */
export const SUBGRAPHS = ['office', 'culture', 'market', 'fire'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The composed API schema (what clients of the gateway see), as `packages/supergraph` builds it. */
export function apiSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(ROOT, 'packages', 'supergraph', 'generated', 'api-schema.graphql'), 'utf8'));
}

/** The Mutation fields a subgraph's committed schema declares (its own `schema.graphql`). */
function subgraphMutations(name: Subgraph): Set<string> {
  const document = parse(readFileSync(join(ROOT, 'apps', `subgraph-${name}`, 'schema.graphql'), 'utf8'));
  const fields = new Set<string>();
  for (const definition of document.definitions) {
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Mutation') {
      for (const field of definition.fields ?? []) fields.add(field.name.value);
    }
  }
  return fields;
}

export interface MutationSpec {
  name: string;
  /** The subgraph that resolves it (mutations are never shared between subgraphs here). */
  owner: Subgraph;
  field: GraphQLField<unknown, unknown>;
}

/** Every Mutation field of the supergraph with the subgraph that owns it. */
export function supergraphMutations(schema: GraphQLSchema = apiSchema()): MutationSpec[] {
  const owners = Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphMutations(name)])) as Record<Subgraph, Set<string>>;
  return Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => {
    const owner = SUBGRAPHS.find((name) => owners[name].has(field.name));
    if (!owner) throw new Error(`no subgraph schema declares Mutation.${field.name}`);
    return { name: field.name, owner, field };
  });
}

/**
 * `mutation Fuzz($a0_input: T!, …) { a0: field(input: $a0_input) { __typename } … }`: one aliased call
 * per input, each with its own variables, so a batch of inputs costs one HTTP request.
 */
export function aliasedDocument(mutation: MutationSpec, count: number): string {
  const definitions: string[] = [];
  const calls: string[] = [];
  const selection = isLeafType(getNamedType(mutation.field.type)) ? '' : ' { __typename }';
  for (let index = 0; index < count; index++) {
    const args = mutation.field.args.map((arg) => {
      definitions.push(`$a${index}_${arg.name}: ${String(arg.type)}`);
      return `${arg.name}: $a${index}_${arg.name}`;
    });
    calls.push(`a${index}: ${mutation.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`);
  }
  return `mutation Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} { ${calls.join(' ')} }`;
}
