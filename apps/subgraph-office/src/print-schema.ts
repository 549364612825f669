import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printFederatedSchema } from '@dr/subgraph-kit';
import { buildOfficeSchema } from './schema';

/** Writes the committed `schema.graphql` that the supergraph is composed from. */
buildOfficeSchema().then((schema) => writeFileSync(join(__dirname, '..', 'schema.graphql'), printFederatedSchema(schema)));
