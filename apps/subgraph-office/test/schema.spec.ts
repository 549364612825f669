import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printFederatedSchema } from '@dr/subgraph-kit';
import { buildOfficeSchema } from '../src/schema';

describe('office schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printFederatedSchema(await buildOfficeSchema())).toBe(committed);
  });
});
