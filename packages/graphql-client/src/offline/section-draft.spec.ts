import { describe, expect, it } from '@jest/globals';
import { draftOfSection, isDraftDirty, rebaseDraft, sectionInputOf, type SectionData } from './section-draft';

const item = (id: string, order: number, extra: Partial<SectionData['items'][number]> = {}) => ({
  checkItem: { id, code: id.toUpperCase(), title: `事项 ${id}`, legalBasis: '依据', order },
  outcome: null,
  note: null,
  evidence: [],
  ...extra,
});

const section = (version: number, items: SectionData['items'], extra: Partial<SectionData> = {}): SectionData => ({
  status: 'IN_PROGRESS',
  version,
  items,
  resultCodes: [],
  onSiteRecord: null,
  orders: [],
  ...extra,
});

const photo = (id: string) => ({ id, fileName: `${id}.jpg`, contentType: 'image/jpeg', size: 100, url: `/files/culture/evidence/${id}` });

describe('section drafts', () => {
  it('is clean until the user changes something', () => {
    const sut = draftOfSection(section(3, [item('c1', 1), item('c2', 2)]));
    expect(isDraftDirty(sut)).toBe(false);
    sut.content.items['c1'].note = '  ';
    expect(isDraftDirty(sut)).toBe(false);
    sut.content.items['c1'].outcome = 'COMPLIANT';
    expect(isDraftDirty(sut)).toBe(true);
  });

  it('after a CONFLICT keeps what the user changed and takes the rest from the newer version', () => {
    const draft = draftOfSection(section(3, [item('c1', 1, { evidence: [photo('e1')] }), item('c2', 2, { note: '旧备注' })]));
    draft.content.items['c1'].outcome = 'NON_COMPLIANT';
    draft.content.items['c1'].evidence.push({ id: null, localId: 'up-1', fileName: 'new.jpg', contentType: 'image/jpeg', size: 5, url: null });
    draft.content.items['c1'].evidence.push({ id: 'e3', localId: 'up-2', fileName: 'sent.jpg', contentType: 'image/jpeg', size: 5, url: null });
    draft.content.resultCodes = [5];

    // Someone else meanwhile: a note and outcome on c2, code 8; and the server now lists the photo e3.
    const server = section(
      4,
      [item('c1', 1, { evidence: [photo('e1'), photo('e3')] }), item('c2', 2, { note: '他人的备注', outcome: 'COMPLIANT' })],
      { resultCodes: [8] },
    );
    const sut = rebaseDraft(draft, server);
    expect(sut.baseVersion).toBe(4);
    expect(sut.content.items['c1'].outcome).toBe('NON_COMPLIANT');
    expect(sut.content.items['c1'].evidence.map((e) => e.localId)).toEqual(['up-1']);
    expect(sut.content.items['c2']).toMatchObject({ note: '他人的备注', outcome: 'COMPLIANT' });
    expect(sut.content.resultCodes).toEqual([5]);
    expect(isDraftDirty(sut)).toBe(true);
  });

  it('sends outcomes, notes and orders but not evidence (linked by its upload), and omits empty texts', () => {
    const draft = draftOfSection(section(0, [item('c2', 2), item('c1', 1)]));
    draft.content.items['c1'] = {
      outcome: 'NON_COMPLIANT',
      note: ' 未核验身份证 ',
      evidence: [{ id: null, localId: 'up-1', fileName: 'a.jpg', contentType: 'image/jpeg', size: 1, url: null }],
    };
    draft.content.orders = [{ key: 'k', kind: 'STOP_ILLEGAL', delivery: 'ORAL', content: '停止', deadline: '2022-09-01', checkItemId: 'c1' }];
    const input = sectionInputOf(draft.content, ['c1', 'c2']);
    expect(input.items).toEqual([
      { checkItemId: 'c1', outcome: 'NON_COMPLIANT', note: '未核验身份证' },
      { checkItemId: 'c2', outcome: null, note: null },
    ]);
    expect(input.onSiteRecord).toBeNull();
    // A deadline belongs only to an order to rectify.
    expect(input.orders[0].deadline).toBeNull();
  });
});
