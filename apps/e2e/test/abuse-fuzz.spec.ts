import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { argumentsFor, wellShaped } from './abuse/arbitraries';
import { DatabaseWatch } from './abuse/database-watch';
import { expectedOutcome, MUTATION_POLICY } from './abuse/mutation-policy';
import { callerName, ROLE_LIST, SEATS, TokenMint, type Caller } from './abuse/principals';
import { post, responseProblems, type WireResponse } from './abuse/responses';
import { aliasedDocument, supergraphMutations, type MutationSpec } from './abuse/schema';

// Issue "Trust", the abuse suite: every mutation of the supergraph gets up to FUZZ_INPUTS (default 10,000)
// inputs derived from its schema within the FUZZ_SECONDS budget (the public ones, open without a login,
// always get all of them), sent to the real subgraph that owns it (one batch in 50 through the
// real gateway) on real SQLite, in production mode. For every input: no 5xx, no stack or SQL, every
// error with a code and a Chinese message, and after every refusal the databases are unchanged.
// Replay a failure with FUZZ_SEED=<seed printed> (and FUZZ_ONLY=<mutation>).

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
/**
 * Wall-clock budget for all mutations together (the suite's target is 4 minutes with the matrix and the
 * audit on this 2-core machine). A mutation stops early when its share is spent and the summary says how
 * many inputs it got; FUZZ_SECONDS=0 removes the budget, so every mutation gets all FUZZ_INPUTS.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20_220_726);
const ONLY = process.env.FUZZ_ONLY ? process.env.FUZZ_ONLY.split(',') : null;
/** Inputs per fast-check run: the wrong-shaped ones among them share one request (each variable is refused by name). */
const BATCH = 10;
/** Well-shaped inputs in flight at once (the four subgraphs are separate processes). */
const CONCURRENCY = 4;

const mutations = supergraphMutations().filter((mutation) => !ONLY || ONLY.includes(mutation.name));
const callers: Caller[] = ['anonymous', ...ROLE_LIST.flatMap((role) => SEATS.map((seat) => ({ role, seat })))];

interface Tally {
  inputs: number;
  wrongShape: number;
  accepted: number;
  requests: number;
  ms: number;
}
const tallies = new Map<string, Tally>();

function variablesFor(mutation: MutationSpec, inputs: Record<string, unknown>[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  inputs.forEach((input, index) => {
    for (const arg of mutation.field.args) variables[`a${index}_${arg.name}`] = input[arg.name];
  });
  return variables;
}

describe('abuse: schema-derived fuzzing of every mutation on SQLite (production mode)', () => {
  const mint = new TokenMint();
  let platform: Platform;
  let watch: DatabaseWatch;
  const started = Date.now();

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dr-fuzz-'));
    platform = await startPlatform({ db: 'sqlite', dataDir, env: { ...mint.env, NODE_ENV: 'production', METRICS_TOKEN: 'metrics-token-for-the-fuzz-0123456789' } });
    watch = new DatabaseWatch(dataDir);
  });
  afterAll(async () => {
    watch?.close();
    await platform?.close();
    const rows = [...tallies].map(([name, t]) => `${name.padEnd(32)} ${String(t.inputs).padStart(6)} inputs ${String(t.wrongShape).padStart(5)} wrong-shaped ${String(t.accepted).padStart(4)} accepted ${String(t.requests).padStart(5)} requests ${String(t.ms).padStart(6)} ms`);
    const total = [...tallies.values()].reduce((sum, t) => sum + t.inputs, 0);
    console.log(`abuse fuzz, seed ${SEED}: ${total} inputs over ${tallies.size} mutations in ${((Date.now() - started) / 1000).toFixed(1)} s (platform start included)\n${rows.join('\n')}`);
  });

  it('covers every mutation of the supergraph with a policy row, so each fuzzed call has a caller who may make it', () => {
    expect(mutations.filter((mutation) => !MUTATION_POLICY[mutation.name]).map((mutation) => mutation.name)).toEqual([]);
  });

  it.each(mutations.map((mutation) => [mutation.name, mutation] as const))('%s: hostile and wrong-shaped inputs are refused cleanly and write nothing', async (name, mutation) => {
    const rule = MUTATION_POLICY[name];
    if (!rule) throw new Error(`${name} has no row in test/abuse/mutation-policy.ts: declare who may call it`);
    const allowed = callers.filter((caller) => expectedOutcome(rule, caller) === 'ALLOWED');
    const others = callers.filter((caller) => expectedOutcome(rule, caller) !== 'ALLOWED');
    const tally: Tally = { inputs: 0, wrongShape: 0, accepted: 0, requests: 0, ms: 0 };
    tallies.set(name, tally);
    const begun = Date.now();

    /** Sends inputs as one request; returns each input's outcome (true: accepted) or throws with what was wrong. */
    const send = async (url: string, inputs: Record<string, unknown>[], caller: Caller): Promise<{ response: WireResponse; accepted: boolean[] }> => {
      const response = await post(url, aliasedDocument(mutation, inputs.length), variablesFor(mutation, inputs), await mint.token(caller));
      tally.requests++;
      const problems = responseProblems(response, inputs);
      if (problems.length) throw new Error(`${callerName(caller)} at ${url}: ${problems.join('; ')}\ninputs: ${JSON.stringify(inputs).slice(0, 2000)}`);
      const data = response.body?.data;
      return { response, accepted: inputs.map((_, index) => data?.[`a${index}`] != null) };
    };

    const expectUnchanged = (what: string, inputs: unknown) => {
      const changed = watch.changedSinceBaseline();
      if (changed.length) throw new Error(`a refused ${what} changed ${changed.join(', ')}\ninputs: ${JSON.stringify(inputs).slice(0, 2000)}`);
    };

    /** One input alone: a refusal writes nothing; an acceptance by a caller who may not is a failure. */
    const single = async (url: string, input: Record<string, unknown>, caller: Caller) => {
      const { accepted } = await send(url, [input], caller);
      if (accepted[0]) {
        if (!allowed.includes(caller)) throw new Error(`${callerName(caller)} may not call ${name} but it was accepted: ${JSON.stringify(input).slice(0, 2000)}`);
        tally.accepted++;
        await watch.rebaseline();
      } else expectUnchanged(`${name} call`, input);
    };

    // A mutation nobody's token alone may pass (a refresh token is its own credential) is fuzzed by everyone.
    const caller = !allowed.length
      ? fc.constantFrom(...others)
      : others.length
        ? fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 8 }, { arbitrary: fc.constantFrom(...others), weight: 2 })
        : fc.constantFrom(...allowed);
    // This mutation's share of the budget; the runs after it return at once (a run is never cut short).
    // The mutations open to anyone without a login (login, refreshSession) always get all FUZZ_INPUTS.
    const open = expectedOutcome(rule, 'anonymous') !== 'UNAUTHENTICATED' || rule === 'REFRESH_TOKEN';
    const deadline = SECONDS > 0 && !open ? begun + (SECONDS * 1000) / mutations.length : Infinity;
    const property = fc.asyncProperty(caller, fc.array(argumentsFor(mutation.field.args), { minLength: BATCH, maxLength: BATCH }), fc.nat(49), async (who, inputs, route) => {
      if (tally.inputs > 0 && Date.now() > deadline) return;
      const url = route === 0 ? platform.urls.gateway : platform.urls.graphql[mutation.owner];
      tally.inputs += inputs.length;
      const shaped = inputs.filter((input) => wellShaped(mutation.field.args, input));
      const wrong = inputs.filter((input) => !shaped.includes(input));
      tally.wrongShape += wrong.length;

      if (wrong.length) {
        // Wrong-shaped variables stop the whole request before any resolver runs: each is named.
        const { response, accepted } = await send(url, wrong, who);
        if (accepted.some(Boolean) || !response.body?.errors?.length) throw new Error(`wrong-shaped inputs were not refused: ${JSON.stringify(wrong).slice(0, 2000)}`);
        expectUnchanged(`wrong-shaped ${name} batch`, wrong);
      }
      if (!shaped.length) return;
      // Mutation fields are non-null, so one refused alias ends a whole aliased request: the well-shaped
      // inputs go one per request, CONCURRENCY at a time, and the databases are checked after each group.
      for (let start = 0; start < shaped.length; start += CONCURRENCY) {
        const group = shaped.slice(start, start + CONCURRENCY);
        const accepted = (await Promise.all(group.map((input) => send(url, [input], who)))).map((result) => result.accepted[0]);
        if (!accepted.some(Boolean)) {
          expectUnchanged(`${name} call`, group);
          continue;
        }
        if (!allowed.includes(who)) throw new Error(`${callerName(who)} may not call ${name} but a call was accepted: ${JSON.stringify(group.filter((_, i) => accepted[i])).slice(0, 2000)}`);
        // Something was accepted: take its writes as the new state, then check each refused input of the group alone.
        tally.accepted += accepted.filter(Boolean).length;
        await watch.rebaseline();
        for (const [index, input] of group.entries()) if (!accepted[index]) await single(url, input, who);
      }
    });

    try {
      await fc.assert(property, { seed: SEED, numRuns: Math.ceil(INPUTS / BATCH), endOnFailure: true, includeErrorInReport: true });
    } catch (error) {
      throw new Error(`fuzzing ${name} failed; replay with FUZZ_SEED=${SEED} FUZZ_ONLY=${name}\n${(error as Error).message}`);
    } finally {
      tally.ms = Date.now() - begun;
      // A long run (FUZZ_SECONDS=0) shows its progress as it goes; jest prints the summary only at the end.
      if (process.env.FUZZ_PROGRESS) process.stderr.write(`${name}: ${tally.inputs} inputs, ${tally.accepted} accepted, ${tally.ms} ms\n`);
    }
  }, 600_000);
});
