import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPARTMENTS } from '@dr/domain';
import { printFederatedSchema } from '@dr/subgraph-kit';
import { buildDepartmentSchema } from '../src/department-schema';

describe.each(DEPARTMENTS)('%s subgraph schema', (department) => {
  it('matches the committed apps/subgraph-*/schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'apps', `subgraph-${department}`, 'schema.graphql'), 'utf8');
    expect(printFederatedSchema(await buildDepartmentSchema(department))).toBe(committed);
  });
});
