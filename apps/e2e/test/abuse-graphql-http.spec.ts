import { serverAudits, type AuditResult } from 'graphql-http';
import { startPlatform, type Platform } from '@dr/platform-runner';

// Issue "Trust": the GraphQL-over-HTTP spec's audit (graphql-http's `serverAudits`) against the
// gateway and every subgraph. Every MUST passes; the SHOULDs that do not are listed in the test output
// (docs/operations.md says which and why). The servers run in development mode: two MUST audits
// (BF61, 28B9) query `__type`, which production refuses on purpose (no introspection); the HTTP
// handling they check is the same in both modes.

const TARGETS = ['gateway', 'office', 'culture', 'market', 'fire'] as const;

describe('abuse: GraphQL over HTTP audit (graphql-http) (development mode: introspection on)', () => {
  let platform: Platform;
  const shoulds: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite' });
  });
  afterAll(async () => {
    await platform?.close();
    if (shoulds.length) console.log(`graphql-http SHOULD/MAY audits not passed:\n${shoulds.join('\n')}`);
  });

  it.each(TARGETS)('%s passes every MUST of the GraphQL-over-HTTP audit', async (target) => {
    const url = target === 'gateway' ? platform.urls.gateway : platform.urls.graphql[target];
    const failedMusts: string[] = [];
    for (const audit of serverAudits({ url })) {
      const result: AuditResult = await audit.fn();
      if (result.status === 'ok') continue;
      const line = `${target} ${audit.id} ${audit.name}: ${result.reason}`;
      if (audit.name.startsWith('MUST')) failedMusts.push(line);
      else shoulds.push(line);
    }
    expect(failedMusts).toEqual([]);
  });
});
