import type { Department } from '@dr/domain';
import type { DepartmentSectionData } from './department-sections.client';
import { freezeContent, readContent, signedAfter } from './record-form.content';

const section = (outcome: 'COMPLIANT' | 'NOT_APPLICABLE', version: number): DepartmentSectionData => ({
  status: 'SUBMITTED',
  version,
  submittedAt: '2022-08-10T02:00:00.000Z',
  resultCodes: [1],
  items: [{ outcome, note: null, evidence: [], checkItem: { code: 'C1', title: '未悬挂许可证', legalBasis: '《互联网上网服务营业场所管理条例》', order: 1 } }],
  onSiteRecord: null,
  orders: [],
  amendments: [{ version: 2, reason: '笔误', amendedBy: '张三', amendedAt: '2022-08-10T02:30:00.000Z', changes: [{ label: 'C1 备注', before: null, after: '已核对' }] }],
});

describe('the signed content of a record form (ADR 0015)', () => {
  const departments: Department[] = ['culture'];

  it('is hashed over exactly the stored JSON and reads back with its dates', () => {
    const sut = freezeContent(departments, new Map([['culture', section('NOT_APPLICABLE', 3)]]));
    expect(sut.sha256).toMatch(/^[0-9a-f]{64}$/);
    const content = readContent(sut.json, sut.sha256);
    expect(content.departments[0].items[0].outcome).toBe('NOT_APPLICABLE');
    expect(content.departments[0].amendments[0].at).toEqual(new Date('2022-08-10T02:30:00.000Z'));
    expect(content.sectionVersions).toEqual({ culture: 3 });
  });

  it('changes its hash when any value changes, and refuses stored content that no longer matches it', () => {
    const signed = freezeContent(departments, new Map([['culture', section('NOT_APPLICABLE', 3)]]));
    const corrected = freezeContent(departments, new Map([['culture', section('COMPLIANT', 3)]]));
    expect(corrected.sha256).not.toBe(signed.sha256);
    expect(() => readContent(corrected.json, signed.sha256)).toThrow();
  });

  it('counts as after signing only an amendment whose section version the snapshot does not hold', () => {
    const snapshot = { content: freezeContent(departments, new Map([['culture', section('NOT_APPLICABLE', 3)]])).json };
    expect(signedAfter({ department: 'culture', sectionVersion: 3 }, snapshot)).toBe(false);
    expect(signedAfter({ department: 'culture', sectionVersion: 4 }, snapshot)).toBe(true);
  });
});
