import { mkdirSync, writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, composeSupergraph, GENERATED_DIR, SUPERGRAPH_PATH } from './compose';

/** Build step: writes the supergraph and API schema, or exits 1 on a composition error. */
try {
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph();
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  writeFileSync(API_SCHEMA_PATH, apiSchemaSdl);
  console.log(`supergraph composed: ${SUPERGRAPH_PATH}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
