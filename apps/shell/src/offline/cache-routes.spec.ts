import { describe, expect, it } from '@jest/globals';
import { cacheRoute } from './cache-routes';

const SHELL = 'http://localhost:3000';
const get = (url: string, mode = 'cors') => cacheRoute({ method: 'GET', url, mode }, SHELL);

describe('cacheRoute', () => {
  it('never touches GraphQL or files, whatever the method or origin', () => {
    expect(cacheRoute({ method: 'POST', url: 'http://localhost:4000/graphql', mode: 'cors' }, SHELL)).toBe('network');
    expect(get('http://localhost:4000/graphql?query=x')).toBe('network');
    expect(get('http://localhost:3000/graphql')).toBe('network');
    expect(get('http://localhost:4000/files/inspections/1/notice.pdf')).toBe('network');
    expect(get('http://localhost:4000/files/culture/abc.png')).toBe('network');
    expect(get('http://localhost:3000/files/exports/venues.xlsx', 'navigate')).toBe('network');
    expect(get('http://localhost:4000/files')).toBe('network');
  });

  it('leaves other writes alone', () => {
    expect(cacheRoute({ method: 'POST', url: `${SHELL}/config.json` }, SHELL)).toBe('network');
    expect(cacheRoute({ method: 'PUT', url: `${SHELL}/main.1234abcd.js` }, SHELL)).toBe('network');
  });

  it('answers page loads from the network, falling back to the cached page', () => {
    expect(get(`${SHELL}/inspections/abc?tab=culture`, 'navigate')).toBe('navigation');
    expect(get(`${SHELL}/`, 'navigate')).toBe('navigation');
  });

  it('takes the runtime configuration and the remotes’ manifests and entries from the network first', () => {
    expect(get(`${SHELL}/config.json`)).toBe('network-first');
    expect(get('http://localhost:3001/mf-manifest.json')).toBe('network-first');
    expect(get('http://localhost:3003/remoteEntry.js')).toBe('network-first');
  });

  it('keeps content-hashed files of the shell and the remotes once fetched', () => {
    expect(get(`${SHELL}/main.1fb96c2a.js`)).toBe('cache-first');
    expect(get(`${SHELL}/1111.1fb96c2a.css`)).toBe('cache-first');
    expect(get('http://localhost:3002/__federation_expose_InspectionTab.0a1b2c3d.js')).toBe('cache-first');
    expect(get(`${SHELL}/font.0a1b2c3d.woff2`)).toBe('cache-first');
  });

  it('ignores the worker itself, health checks, source maps and unknown requests', () => {
    expect(get(`${SHELL}/sw.js`)).toBe('network');
    expect(get(`${SHELL}/health`)).toBe('network');
    expect(get(`${SHELL}/main.1fb96c2a.js.map`)).toBe('network');
    expect(get('http://localhost:4000/health')).toBe('network');
    expect(get('chrome-extension://abc/x.js')).toBe('network');
    expect(get('not a url')).toBe('network');
  });
});

