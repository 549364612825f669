import { ApolloServer } from '@apollo/server';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createHttpApp, type HttpApp } from './http';
import { createLogger } from './logger';
import { stopResolversOnAbort } from './request-signal';

/**
 * A schema that does I/O the way a nested page does: each `next` waits 100 ms (a database round trip)
 * before the level below can start. `calls` counts how many levels ran.
 */
function slowChainSchema(counter: { calls: number }): GraphQLSchema {
  const step: GraphQLObjectType = new GraphQLObjectType({
    name: 'Step',
    fields: () => ({
      n: { type: GraphQLInt, resolve: (value: number) => value },
      next: {
        type: step,
        resolve: async (value: number) => {
          counter.calls++;
          await new Promise((resolve) => setTimeout(resolve, 100));
          return value + 1;
        },
      },
    }),
  });
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { first: { type: step, resolve: () => 0 } } }) });
}

// 30 levels of 100 ms each: 3 s of work if nothing stops it.
const DEEP = `{ first { ${'next { '.repeat(30)}n${' }'.repeat(30)} } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a server stops a request its caller gave up on, or that ran out of time', () => {
  const counter = { calls: 0 };
  let app: HttpApp;
  let base: string;

  beforeAll(async () => {
    const logger = createLogger('signal-test', 'silent');
    const apollo = new ApolloServer({ schema: stopResolversOnAbort(slowChainSchema(counter)), logger });
    await apollo.start();
    app = createHttpApp({
      service: 'signal-test',
      logger,
      apollo,
      timeBudgetMs: 1_500,
      metricsAccess: { token: undefined, production: false },
      context: async (_request, _requestId, signal) => ({ signal }),
      health: async () => ({}),
    });
    base = `http://127.0.0.1:${(await app.listen(0, '127.0.0.1')).port}`;
  });
  afterAll(() => app.close());

  const post = (signal?: AbortSignal) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DEEP }), signal });

  it('stops resolving soon after the client disconnects', async () => {
    counter.calls = 0;
    await expect(post(AbortSignal.timeout(350))).rejects.toThrow();
    await sleep(300);
    const afterAbort = counter.calls;
    await sleep(1_000);
    // Nothing more runs for the abandoned request (without the signal, ten more levels would have run).
    expect(counter.calls).toBe(afterAbort);
    expect(afterAbort).toBeLessThan(10);
  }, 20_000);

  it('ends a request that exceeds its time budget with a Chinese error instead of running on', async () => {
    counter.calls = 0;
    const started = Date.now();
    const response = await post();
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(Date.now() - started).toBeLessThan(2_900);
    expect(counter.calls).toBeLessThan(25);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/查询用时超过上限/);
  }, 20_000);
});
