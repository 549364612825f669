import { randomUUID } from 'node:crypto';
import { getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { DEMO_PASSWORD, demoId, demoInspections, demoVenues } from '@dr/demo-data';
import { dataUrl, signaturePng } from './images';
import { expectedOutcome, MUTATION_POLICY, type Outcome } from './abuse/mutation-policy';
import { callerName, ROLE_LIST, SEATS, TokenMint, type Caller } from './abuse/principals';
import { post, responseProblems } from './abuse/responses';
import { aliasedDocument, supergraphMutations, type MutationSpec } from './abuse/schema';

// Issue "Trust": every mutation of the supergraph × every role × every seat (culture, market, fire,
// none) and anonymous, through the real gateway, against the one declared policy table
// (./abuse/mutation-policy.ts). Each call is aimed at demo objects (inspection 1, whose team has officer 1
// of each department; a culture officer; the 2022 plan), with the smallest input of the right shape.

const INSPECTION = demoInspections(1)[0];
const CULTURE_OFFICER = demoId('inspector-culture', 2);
const MARKET_OFFICER = demoId('inspector-market', 2);

/** Ids the probe of a mutation aims at, where the field name alone does not say (`id`). */
const PROBE_IDS: Record<string, string> = { updateInspector: CULTURE_OFFICER, updateVenue: INSPECTION.venueId };

/**
 * Whole inputs for the mutations whose arguments are checked (class-validator) before the resolver
 * asks who is calling: a refused caller must get past validation to meet the role check.
 */
const VENUE = demoVenues(1)[0];
const PNG = dataUrl(signaturePng());
const venueInput = { name: VENUE.name, uscc: VENUE.uscc, address: VENUE.address, street: VENUE.street, riskClass: VENUE.riskClass };
const planInput = {
  title: '矩阵测试方案',
  documentNumber: `矩阵〔2023〕${randomUUID().slice(0, 8)}号`,
  issueDate: '2023-03-01',
  objectType: '互联网上网服务营业场所',
  windowStart: '2023-04-01',
  windowEnd: '2023-10-31',
  participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'],
  leadDepartment: 'CULTURE',
  reportingDeadline: '2023-12-01',
  reportTo: 'MARKET',
};
/** The officer who signs is asked for their own login (本人确认); the probe gives a wrong password. */
const signer = { signerUsername: 'culture-inspector', signerPassword: '检查检查检查' };
const PROBES: Record<string, () => Record<string, unknown>> = {
  login: () => ({ input: { username: 'office', password: DEMO_PASSWORD } }),
  // A department admin for culture: the office may create it (once; then the name is taken), nobody else.
  createAccount: () => ({ input: { username: 'matrix.culture.admin', displayName: '矩阵测试', role: 'DEPARTMENT_ADMIN', department: 'CULTURE', password: 'Matrix#2022-test' } }),
  createInspection: () => ({ input: { planId: PLAN_2022.id, venueId: INSPECTION.venueId, scheduledDate: '2022-08-10', leaderId: demoId('inspector-culture', 3), memberIds: [demoId('inspector-market', 3)], reason: '矩阵测试' } }),
  createPlan: () => ({ input: { ...planInput, documentNumber: `矩阵〔2023〕${randomUUID().slice(0, 8)}号` } }),
  updatePlan: () => ({ id: randomUUID(), input: planInput }),
  createVenue: () => ({ input: venueInput }),
  updateVenue: () => ({ id: VENUE.id, input: venueInput }),
  commitDraw: () => ({
    input: {
      planId: PLAN_2022.id,
      parameters: { batch: '矩阵', asOf: '2022-07-25', strata: [{ riskClass: 'D', basisPoints: 5000 }], visitStart: '2022-08-01', visitEnd: '2022-09-30' },
      seedCommitments: [
        { party: '联席办', commitment: 'a'.repeat(64) },
        { party: '公证处', commitment: 'b'.repeat(64) },
      ],
    },
  }),
  revealDraw: () => ({ input: { drawId: randomUUID(), reveals: [
        { party: '联席办', secret: 'office-secret-2022-0001' },
        { party: '公证处', secret: 'notary-secret-2022-0001' },
      ] } }),
  scheduleVisit: () => ({ input: { inspectionId: INSPECTION.id, date: '2022-08-10', startTime: '09:00', endTime: '11:00' } }),
  signRecordForm: () => ({ input: { inspectionId: INSPECTION.id, inspectorId: demoId('inspector-culture', 1), image: PNG, idempotencyKey: randomUUID(), ...signer } }),
  signRefusalNote: () => ({ input: { inspectionId: INSPECTION.id, inspectorId: demoId('inspector-culture', 1), image: PNG, idempotencyKey: randomUUID(), ...signer } }),
  acknowledgeRecordAmendment: () => ({ input: { amendmentId: randomUUID(), signerName: '张三', signature: PNG, idempotencyKey: randomUUID() } }),
  recordVenueSignature: () => ({ input: { inspectionId: INSPECTION.id, signerName: '张三', signature: PNG, stamp: PNG, idempotencyKey: randomUUID() } }),
  recordVenueRefusal: () => ({ input: { inspectionId: INSPECTION.id, note: '负责人拒绝签字', idempotencyKey: randomUUID() } }),
};

function probeValue(type: GraphQLInputType, field: string, mutation: string): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [];
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.name);
    return values.find((value) => value === 'CULTURE') ?? values[0];
  }
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, probeValue(f.type, f.name, mutation)]),
    );
  }
  if (!isScalarType(named)) throw new Error(`no probe for ${String(type)}`);
  if (named.name === 'Int') return 0;
  if (named.name === 'Boolean') return true;
  if (named.name === 'Float') return 0;
  if (/^(inspectionId)$/.test(field)) return INSPECTION.id;
  if (field === 'planId') return PLAN_2022.id;
  if (field === 'venueId') return INSPECTION.venueId;
  if (/^(inspectorId|leaderId)$/.test(field)) return demoId('inspector-culture', 1);
  if (field === 'id') return PROBE_IDS[mutation] ?? randomUUID();
  if (/Id$|^idempotencyKey$/.test(field)) return randomUUID();
  if (/(Date|date|On|^on|From|Until|deadline)$/.test(field)) return '2022-08-10';
  return '检查';
}

function probe(mutation: MutationSpec): Record<string, unknown> {
  const whole = PROBES[mutation.name];
  if (whole) return whole();
  return Object.fromEntries(mutation.field.args.map((arg) => [arg.name, probeValue(arg.type, arg.name, mutation.name)]));
}

/** The outcome a response shows: accepted or an allowed caller's own refusal (not found, bad input, conflict…) is ALLOWED. */
function outcomeOf(errors: { extensions?: Record<string, unknown> }[] | undefined): Outcome | string {
  const code = errors?.[0]?.extensions?.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'NOT_FOUND') return code;
  return 'ALLOWED';
}

const mutations = supergraphMutations();
const callers: Caller[] = ['anonymous', ...ROLE_LIST.flatMap((role) => SEATS.map((seat) => ({ role, seat })))];

describe('abuse: who may call each mutation (role × mutation × department, through the gateway)', () => {
  const mint = new TokenMint();
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', env: mint.env });
  });
  afterAll(() => platform?.close());

  it('has a policy row for every mutation of the supergraph (a new mutation must say who may call it)', () => {
    const missing = mutations.map((mutation) => mutation.name).filter((name) => !MUTATION_POLICY[name]);
    expect(missing).toEqual([]);
    const stale = Object.keys(MUTATION_POLICY).filter((name) => !mutations.some((mutation) => mutation.name === name));
    expect(stale).toEqual([]);
  });

  it.each(mutations.filter((mutation) => MUTATION_POLICY[mutation.name]).map((mutation) => [mutation.name, mutation] as const))('%s answers every caller as the policy table says', async (name, mutation) => {
    const rule = MUTATION_POLICY[name];
    const seen: string[] = [];
    for (const caller of callers) {
      const variables = probe(mutation);
      const response = await post(platform.urls.gateway, aliasedDocument(mutation, 1), Object.fromEntries(Object.entries(variables).map(([key, value]) => [`a0_${key}`, value])), await mint.token(caller));
      expect(responseProblems(response, variables)).toEqual([]);
      const expected = expectedOutcome(rule, caller);
      const actual = outcomeOf(response.body?.errors);
      // NOT_FOUND is what an allowed caller gets for an object that does not exist; a refused caller must not get past the check.
      const matches = expected === 'ALLOWED' ? actual === 'ALLOWED' || actual === 'NOT_FOUND' : actual === expected;
      if (!matches) seen.push(`${callerName(caller)}: expected ${expected}, got ${actual} ${JSON.stringify(response.body?.errors?.[0] ?? null)}`);
    }
    expect(seen).toEqual([]);
  });

  it('refuses a culture officer\'s or admin\'s call aimed at a market object', async () => {
    const cultureInspector = await mint.token({ role: 'INSPECTOR', seat: 'culture' });
    const cultureAdmin = await mint.token({ role: 'DEPARTMENT_ADMIN', seat: 'culture' });
    const save = mutations.find((mutation) => mutation.name === 'marketSaveSection')!;
    const section = await post(platform.urls.gateway, aliasedDocument(save, 1), Object.fromEntries(Object.entries(probe(save)).map(([key, value]) => [`a0_${key}`, value])), cultureInspector);
    expect(section.body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The market officer's entry in the directory: a culture admin may not change it, nor move a market officer into culture.
    const update = await post(
      platform.urls.gateway,
      `mutation U($id: ID!, $input: InspectorInput!) { updateInspector(id: $id, input: $input) { id } }`,
      { id: MARKET_OFFICER, input: { name: '改名', department: 'CULTURE', certificateNumber: '41040300000001', certificateValidFrom: '2022-01-01', certificateValidUntil: '2026-12-31' } },
      cultureAdmin,
    );
    expect(update.body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const create = await post(
      platform.urls.gateway,
      `mutation C($input: InspectorInput!) { createInspector(input: $input) { id } }`,
      { input: { name: '新人', department: 'MARKET', certificateNumber: '41040300000002', certificateValidFrom: '2022-01-01', certificateValidUntil: '2026-12-31' } },
      cultureAdmin,
    );
    expect(create.body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
