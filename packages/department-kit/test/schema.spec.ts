import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPARTMENTS } from '@dr/domain';
import { printFederatedSchema } from '@dr/subgraph-kit';
import { buildDepartmentSchema } from '../src/department-schema';
import { NO_EXTENSION } from '../src/extension/department-extension';

describe.each(DEPARTMENTS)('%s subgraph schema', (department) => {
  // The committed file also carries the department's own types (ADR 0014); the kit's part must be in it unchanged.
  it('every definition of the kit is in the committed apps/subgraph-*/schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'apps', `subgraph-${department}`, 'schema.graphql'), 'utf8');
    const kit = printFederatedSchema(await buildDepartmentSchema(department, NO_EXTENSION));
    const definitions = (sdl: string) => sdl.split(/\n(?=\S)/).map((block) => block.trim()).filter(Boolean);
    const committedDefinitions = new Set(definitions(committed));
    expect(definitions(kit).filter((definition) => !committedDefinitions.has(definition) && !/^type (Query|Mutation) /.test(definition))).toEqual([]);
  });
});
