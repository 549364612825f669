import { describe, expect, it } from '@jest/globals';
import { parseRuntimeConfig } from './runtime-config';

const valid = {
  gatewayUrl: 'http://localhost:4000/graphql',
  remotes: {
    culture: 'http://localhost:3001/mf-manifest.json',
    market: 'http://localhost:3002/mf-manifest.json',
    fire: 'http://localhost:3003/mf-manifest.json',
  },
};

describe('parseRuntimeConfig', () => {
  it('accepts what the shell server sends', () => {
    expect(parseRuntimeConfig(valid)).toEqual(valid);
  });

  it('names the remote whose URL is missing', () => {
    expect(() => parseRuntimeConfig({ ...valid, remotes: { ...valid.remotes, market: '' } })).toThrow('"market"');
  });

  it('rejects a body without a gateway', () => {
    expect(() => parseRuntimeConfig({ remotes: valid.remotes })).toThrow('gatewayUrl');
  });
});
