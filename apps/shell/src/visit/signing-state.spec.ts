import { describe, expect, it } from '@jest/globals';
import type { OutboxEntry } from '@dr/graphql-client';
import { RecordVenueRefusalDocument, SignRecordFormDocument, SignRefusalNoteDocument } from '../generated/graphql';
import { prepareItems, prepareText, visitHours } from './notice-text';
import { pendingVisitWritesOf, signingViewOf, unsignedOfficers, type PendingVisitWrite, type SigningInspection } from './signing-state';

const officer = (id: string, department: 'CULTURE' | 'MARKET' | 'FIRE') => ({
  __typename: 'Inspector' as const,
  id,
  name: `姓名${id}`,
  department,
  certificateNumber: `证${id}`,
  certificateValidUntil: '2025-12-31',
});

function inspection(overrides: Partial<SigningInspection['recordForm']> = {}, sections: 'all' | 'fire-missing' = 'all'): SigningInspection {
  const submitted = { inspectionId: 'i1', status: 'SUBMITTED' as const, submittedAt: '2022-08-10T03:00:00Z' };
  return {
    id: 'i1',
    scheduledDate: '2022-08-10',
    visitStartTime: '09:00',
    visitEndTime: '11:00',
    visitHidden: false,
    viewerOnTeam: true,
    status: 'IN_PROGRESS',
    plan: { id: 'p1', documentNumber: '平卫双随机办〔2022〕25号', participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'] },
    venue: { id: 'v1', name: '某网吧', legalRepresentative: '王某' },
    team: { leader: officer('c1', 'CULTURE'), members: [officer('c2', 'CULTURE'), officer('m1', 'MARKET'), officer('f1', 'FIRE')] },
    cultureSection: submitted,
    marketSection: submitted,
    fireSection: sections === 'all' ? submitted : { inspectionId: 'i1', status: 'IN_PROGRESS', submittedAt: null },
    recordForm: {
      status: 'OPEN',
      missingSigners: ['组长', '文广旅', '市场监管', '消防'],
      officerSignatures: [],
      venueSignature: null,
      refusal: null,
      pdfUrl: '/files/inspections/i1/record-form.pdf',
      statisticsPdfUrl: '/files/inspections/i1/statistics-form.pdf',
      ...overrides,
    },
  } as SigningInspection;
}

const signed = (id: string, department: 'CULTURE' | 'MARKET' | 'FIRE') => ({
  id: `s-${id}`,
  signedAt: '2022-08-10T03:10:00Z',
  imageUrl: `/files/inspections/i1/images/${id}`,
  inspector: officer(id, department),
});

const pendingSignature = (inspectorId: string, operation: PendingVisitWrite['operation'] = 'SignRecordForm'): PendingVisitWrite => ({
  entryId: `e-${inspectorId}`,
  operation,
  inspectorId,
  image: 'data:image/png;base64,AAAA',
  signerName: null,
  note: null,
  failed: false,
  failureMessage: null,
  createdAt: 1,
});

describe('the signing page: which step comes next (R-VISIT-3, R-RES-1)', () => {
  it('waits for every participating department to submit, naming the missing ones', () => {
    const sut = signingViewOf(inspection({}, 'fire-missing'), []);
    expect(sut.stage).toBe('sections');
    expect(sut.sectionsMissing).toEqual(['FIRE']);
  });

  it('asks for the leader and one officer of every department before the venue', () => {
    const sut = signingViewOf(inspection({ status: 'OFFICERS_SIGNING', officerSignatures: [signed('c1', 'CULTURE'), signed('m1', 'MARKET')] }), []);
    expect(sut.stage).toBe('officers');
    expect(sut.missingSigners).toEqual(['消防']);
    expect(unsignedOfficers(sut, sut.officerSignatures).map((o) => o.id)).toEqual(['c2', 'f1']);
  });

  it('counts a signature made offline (未发送) so the next officer can go on', () => {
    const sut = signingViewOf(inspection({ status: 'OFFICERS_SIGNING', officerSignatures: [signed('c1', 'CULTURE'), signed('m1', 'MARKET')] }), [pendingSignature('f1')]);
    expect(sut.stage).toBe('venue');
    expect(sut.missingSigners).toEqual([]);
    const fire = sut.officerSignatures.find((s) => s.officer.id === 'f1');
    expect(fire).toMatchObject({ pending: true, signedAt: null, localImage: 'data:image/png;base64,AAAA' });
  });

  it('does not count a waiting signature twice once the server has it', () => {
    const sut = signingViewOf(inspection({ officerSignatures: [signed('c1', 'CULTURE')] }), [pendingSignature('c1')]);
    expect(sut.officerSignatures).toHaveLength(1);
    expect(sut.officerSignatures[0].pending).toBe(false);
  });

  it('after a refusal, needs the leader and one more officer on the note', () => {
    const officers = [signed('c1', 'CULTURE'), signed('m1', 'MARKET'), signed('f1', 'FIRE')];
    const refusal = { note: '被检查对象拒绝在记录表上签字盖章。', recordedAt: '2022-08-10T03:20:00Z', signatures: [signed('c1', 'CULTURE')] };
    const waiting = signingViewOf(inspection({ status: 'REFUSAL_SIGNING', officerSignatures: officers, refusal }), []);
    expect(waiting.stage).toBe('refusal');
    expect(waiting.refusalNoteComplete).toBe(false);

    const done = signingViewOf(inspection({ status: 'REFUSAL_SIGNING', officerSignatures: officers, refusal }), [pendingSignature('m1', 'SignRefusalNote')]);
    expect(done.stage).toBe('completed');
    expect(done.waitingToSend).toBe(true);
  });

  it('moves to the refusal note as soon as the refusal is recorded on the device', () => {
    const officers = [signed('c1', 'CULTURE'), signed('m1', 'MARKET'), signed('f1', 'FIRE')];
    const refusal: PendingVisitWrite = { ...pendingSignature('x', 'RecordVenueRefusal'), inspectorId: null, image: null, note: '拒签' };
    const sut = signingViewOf(inspection({ status: 'AWAITING_VENUE', officerSignatures: officers, missingSigners: [] }), [refusal]);
    expect(sut.stage).toBe('refusal');
    expect(sut.refusal).toEqual({ note: '拒签', recordedAt: null, pending: true });
  });

  it('is complete and locked when the server says so', () => {
    const sut = signingViewOf(inspection({ status: 'COMPLETED', officerSignatures: [signed('c1', 'CULTURE')], venueSignature: { signerName: '王某', signedAt: '2022-08-10T03:30:00Z', signatureUrl: '/a', stampUrl: '/b' } }), []);
    expect(sut.stage).toBe('completed');
    expect(sut.waitingToSend).toBe(false);
  });
});

describe('the visit writes read back from the outbox', () => {
  const entry = (id: string, document: unknown, input: Record<string, unknown>, status: 'queued' | 'failed' = 'queued'): OutboxEntry => ({
    id,
    seq: 1,
    kind: 'graphql',
    scope: 'visit:i1',
    idempotencyKey: 'k',
    payload: { document, variables: { input } },
    label: '签字',
    createdAt: 5,
    attempts: 0,
    status,
    failure: status === 'failed' ? { code: 'CONFLICT', message: '该执法人员已经签字' } : undefined,
  });

  it('names each write by its operation and keeps what the page shows', () => {
    const sut = pendingVisitWritesOf([
      entry('a', SignRecordFormDocument, { inspectorId: 'c1', image: 'data:image/png;base64,AA' }),
      entry('b', RecordVenueRefusalDocument, { note: '拒签' }),
      entry('c', SignRefusalNoteDocument, { inspectorId: 'm1', image: 'data:x' }, 'failed'),
      entry('d', { kind: 'Document', definitions: [] }, {}),
    ]);
    expect(sut.map((write) => [write.operation, write.inspectorId, write.note, write.failed])).toEqual([
      ['SignRecordForm', 'c1', null, false],
      ['RecordVenueRefusal', null, '拒签', false],
      ['SignRefusalNote', 'm1', null, true],
    ]);
    expect(sut[2].failureMessage).toBe('该执法人员已经签字');
  });
});

describe('notice texts (R-NOTE-1)', () => {
  it('stores the materials one a line and reads them back, older separators included', () => {
    const text = prepareText({ prepare: ['营业执照', '网络文化经营许可证'], prepareOther: ' 健康证明 \n\n' });
    expect(text).toBe('营业执照\n网络文化经营许可证\n健康证明');
    expect(prepareItems(text)).toEqual(['营业执照', '网络文化经营许可证', '健康证明']);
    expect(prepareItems('营业执照；消防记录;其他')).toEqual(['营业执照', '消防记录', '其他']);
    expect(prepareItems(null)).toEqual([]);
  });

  it('writes the hours of a visit', () => {
    expect(visitHours('09:00', '11:30')).toBe('09:00–11:30');
    expect(visitHours(null, null)).toBe('');
  });
});
