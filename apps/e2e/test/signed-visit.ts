import { randomUUID } from 'node:crypto';
import { demoInspections, demoInspectors } from '@dr/demo-data';
import { PLAN_2022, type Department } from '@dr/domain';
import type { GraphQLResponse } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

type Call = (user: string, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];

/**
 * Demo inspection 1 from the visit to the published results, through the gateway as its users do it:
 * every department submits (culture finds C4 not compliant, codes 5 and orders it put right, so a follow-up
 * opens; the others code 1 and 9), the officers and the venue sign, then culture and market enter and
 * publish while fire leaves its result waiting. Returns when the departments have their results.
 */
export async function signAndPublishFirstVisit(call: Call): Promise<void> {
  const [visit] = demoInspections();
  const must = async (answer: Promise<GraphQLResponse>): Promise<any> => {
    const { data, errors } = await answer;
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  for (const department of ['culture', 'market', 'fire'] as const) {
    const user = `${department}-inspector`;
    const query = `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`;
    const section = (await must(call(user, query, { id: visit.id }))).inspection[`${department}Section`];
    const culture = department === 'culture';
    const items = section.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: culture && i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' }));
    const extra = culture
      ? { resultCodes: [5], orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: items[3].checkItemId }] }
      : { resultCodes: [1, 9], orders: [] };
    const saved = await must(call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: { inspectionId: visit.id, planId: PLAN_2022.id, expectedVersion: section.version, idempotencyKey: randomUUID(), items, ...extra },
    }));
    await must(call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: saved[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    }));
  }
  for (const inspectorId of [visit.leaderId, officer('market', 1).id, officer('fire', 1).id]) {
    await must(call('culture-inspector', 'mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }', {
      input: { inspectionId: visit.id, inspectorId, image: dataUrl(signaturePng(120, 40, parseInt(inspectorId.slice(-2), 16))), idempotencyKey: randomUUID(), ...signerOf(inspectorId) },
    }));
  }
  await must(call('culture-inspector', 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { status } }', {
    input: { inspectionId: visit.id, signerName: '场所负责人', signature: dataUrl(signaturePng(120, 40, 7)), stamp: dataUrl(signaturePng(80, 80, 3)), idempotencyKey: randomUUID() },
  }));

  const waitForResult = async (department: Department) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = (await call('office', `query($id: ID!) { ${department}Result(inspectionId: $id) { version } }`, { id: visit.id })).data?.[`${department}Result`];
      if (found) return found as { version: number };
      if (Date.now() > deadline) throw new Error(`${department} result not formed`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  for (const [department, summary] of [['culture', '未悬挂许可证，已责令改正'], ['market', '未发现问题']] as const) {
    const pending = await waitForResult(department);
    const entered = await must(call(`${department}-inspector`, `mutation($input: EnterResultInput!) { ${department}EnterResult(input: $input) { version } }`, {
      input: { inspectionId: visit.id, expectedVersion: pending.version, summary },
    }));
    await must(call(`${department}-admin`, `mutation($input: PublishResultInput!) { ${department}PublishResult(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: entered[`${department}EnterResult`].version },
    }));
  }
  await waitForResult('fire');
}
