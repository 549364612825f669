import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import { QueryTooComplex } from './query-limits';

const scope = new AsyncLocalStorage<AbortSignal>();

/**
 * The signal of the request being served: aborted when its client disconnects before the answer
 * is written, or when the request's time budget runs out. Code that cannot get the request context
 * (the gateway's subgraph fetcher) reads it here.
 */
export function currentRequestSignal(): AbortSignal | undefined {
  return scope.getStore();
}

/** Runs `work` with `signal` as the current request's signal. */
export function withRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return scope.run(signal, work);
}

/**
 * A signal for one HTTP request: aborted when the response is closed before it was finished (the
 * caller gave up) or after `budgetMs`.
 */
export function requestSignal(response: import('node:http').ServerResponse, budgetMs: number): AbortSignal {
  // One controller and a plain timer: on Node 20, signals made by AbortSignal.any/timeout can be
  // collected (and so never fire) while nothing but the request holds them.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('time budget spent', 'TimeoutError')), budgetMs);
  response.once('close', () => {
    clearTimeout(timer);
    if (!response.writableFinished) controller.abort(new Error('client closed the request'));
  });
  return controller.signal;
}

/** The error a resolver throws once its request is aborted. */
export function abortedError(signal: AbortSignal): GraphQLError {
  const reason = signal.reason as { name?: string } | undefined;
  if (reason?.name === 'TimeoutError') return new QueryTooComplex('查询用时超过上限，已停止，请缩小查询范围后重试');
  return new GraphQLError('请求已取消', { extensions: { code: 'REQUEST_ABORTED' } });
}

const YIELD_EVERY = 200;
const resolverCalls = new WeakMap<AbortSignal, number>();

/**
 * Makes every resolver of `schema` that does work (has its own `resolve`, including `_entities`)
 * first check `context.signal` and throw once it is aborted, so a query its caller gave up on, or
 * that ran out of time, stops instead of walking the rest of its tree. Changes `schema` in place.
 */
export function stopResolversOnAbort(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || resolve === defaultFieldResolver) continue;
      field.resolve = (source, args, context: { signal?: AbortSignal } | undefined, info) => {
        const signal = context?.signal;
        if (!signal) return resolve(source, args, context, info);
        if (signal.aborted) throw abortedError(signal);
        // Resolvers fed from DataLoader caches chain on microtasks and never let the event loop see the
        // client's 'close' or the budget's timer (nor /health); every YIELD_EVERY calls, let it run.
        const calls = (resolverCalls.get(signal) ?? 0) + 1;
        resolverCalls.set(signal, calls);
        if (calls % YIELD_EVERY !== 0) return resolve(source, args, context, info);
        return new Promise<void>((resume) => setImmediate(resume)).then(() => {
          if (signal.aborted) throw abortedError(signal);
          return resolve(source, args, context, info);
        });
      };
    }
  }
  return schema;
}
