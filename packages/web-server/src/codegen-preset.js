/**
 * The composed API schema every web app types its operations against; `DR_API_SCHEMA` points
 * elsewhere, e.g. at a schema file under review.
 */
const API_SCHEMA = process.env.DR_API_SCHEMA ?? '../../packages/supergraph/generated/api-schema.graphql';

/**
 * graphql-codegen's client preset for one app: reads the app's `src/**\/*.graphql` operations and writes
 * typed documents to `src/generated/` (gitignored, rebuilt by every build).
 * @returns {import('@graphql-codegen/cli').CodegenConfig}
 */
export function createCodegenConfig() {
  return {
    schema: API_SCHEMA,
    documents: ['src/**/*.graphql'],
    ignoreNoDocuments: false,
    generates: {
      './src/generated/': {
        preset: 'client',
        presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          skipTypename: false,
          scalars: { DateTimeISO: 'string', Date: 'string' },
          defaultScalarType: 'unknown',
        },
      },
    },
    silent: true,
  };
}
