import { readFileSync } from 'node:fs';
import { composeSupergraph, CompositionError, subgraphSchemaPath } from './compose';

describe('supergraph composition', () => {
  it('composes the committed subgraph schemas into one API with each department section on Inspection', () => {
    const { apiSchemaSdl } = composeSupergraph();
    for (const field of ['cultureSection: CultureSection', 'marketSection: MarketSection', 'fireSection: FireSection', 'team: Team!']) {
      expect(apiSchemaSdl).toContain(field);
    }
  });

  it('fails with the reason when two subgraphs disagree', () => {
    // The market subgraph declares a Department enum that lacks FIRE while using it in an input.
    const broken = (name: string) => {
      const sdl = readFileSync(subgraphSchemaPath(name as 'office'), 'utf8');
      return name === 'market' ? sdl.replace(/\n\s+"""消防救援大队"""\n\s+FIRE/, '') + '\ninput Broken { department: Department }\n' : sdl;
    };
    expect(() => composeSupergraph(broken)).toThrow(CompositionError);
  });
});
