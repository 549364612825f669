import { demoDirectoryUscc } from './demo-directory-file.generator';
import { validateInspectorRow } from './inspector-row.validator';
import type { InspectorRowInput } from './inspector-row.validator';

const [U1, U2, U3] = [1, 2, 3].map(demoDirectoryUscc);

const row = (overrides: InspectorRowInput = {}): InspectorRowInput => ({
  name: '张伟',
  department: '文广旅',
  certificateNumber: '豫WG41040300001',
  certificateValidFrom: '2021-01-01',
  certificateValidUntil: '2025-12-31',
  expertise: '文化市场、网络文化',
  status: '在岗',
  ...overrides,
});

function errorsOf(input: InspectorRowInput) {
  const result = validateInspectorRow(input);
  return result.ok ? [] : result.errors;
}

function valueOf(input: InspectorRowInput) {
  const result = validateInspectorRow(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}

describe('validateInspectorRow', () => {
  it('turns a complete row into a typed record', () => {
    expect(valueOf(row())).toEqual({
      name: '张伟',
      department: 'culture',
      certificateNumber: '豫WG41040300001',
      certificateValidFrom: '2021-01-01',
      certificateValidUntil: '2025-12-31',
      expertise: ['文化市场', '网络文化'],
      status: 'ACTIVE',
      conflicts: [],
    });
  });

  it('names every missing required column', () => {
    expect(errorsOf({}).map((e) => e.column)).toEqual(['姓名', '所属部门', '执法证号', '执法证有效期起', '执法证有效期止']);
  });

  it.each([
    ['文广旅', 'culture'],
    ['文化广电和旅游局', 'culture'],
    ['区文广旅局', 'culture'],
    ['卫东区文化广电和旅游局', 'culture'],
    ['市场监管', 'market'],
    ['市场监督管理局', 'market'],
    ['平顶山市卫东区市场监督管理局', 'market'],
    ['消防', 'fire'],
    ['消防救援大队', 'fire'],
    ['卫东区消防救援大队', 'fire'],
  ])('reads the department %p as %p', (input, expected) => {
    expect(valueOf(row({ department: input })).department).toBe(expected);
  });

  it('refuses a department outside the joint inspection', () => {
    const [error] = errorsOf(row({ department: '教育局' }));
    expect(error).toMatchObject({ column: '所属部门', code: 'NOT_IN_LIST' });
    expect(error.reason).toContain('文广旅（文化广电和旅游局）、市场监管（市场监督管理局）或 消防（消防救援大队）');
  });

  it('folds the certificate number to half-width upper case', () => {
    expect(valueOf(row({ certificateNumber: ' 豫ｗｇ４１０４０３ ' })).certificateNumber).toBe('豫WG410403');
    expect(errorsOf(row({ certificateNumber: '无' }))).toEqual([expect.objectContaining({ column: '执法证号', code: 'INVALID_FORMAT' })]);
  });

  it('requires the end of validity to be on or after its start', () => {
    expect(valueOf(row({ certificateValidFrom: '2022/1/1', certificateValidUntil: '2022年1月1日' }))).toMatchObject({
      certificateValidFrom: '2022-01-01',
      certificateValidUntil: '2022-01-01',
    });
    const [error] = errorsOf(row({ certificateValidFrom: '2023-01-01', certificateValidUntil: '2022-12-31' }));
    expect(error).toMatchObject({ column: '执法证有效期止', code: 'INCONSISTENT' });
    expect(error.reason).toBe('执法证有效期止（2022-12-31）早于有效期起（2023-01-01），应不早于有效期起');
  });

  it('refuses an impossible date with the column it is in', () => {
    expect(errorsOf(row({ certificateValidFrom: '2023-02-29' }))).toEqual([expect.objectContaining({ column: '执法证有效期起', code: 'INVALID_FORMAT' })]);
  });

  it('splits 专业领域 on 、，, ; and ；', () => {
    expect(valueOf(row({ expertise: '文化市场、网络文化，消防监督,食品安全;价格监管；文化市场' })).expertise).toEqual(['文化市场', '网络文化', '消防监督', '食品安全', '价格监管']);
  });

  it.each([
    ['在岗', 'ACTIVE'],
    ['', 'ACTIVE'],
    ['请假', 'ON_LEAVE'],
    ['休假', 'ON_LEAVE'],
  ])('reads the status %p as %p', (input, expected) => {
    expect(valueOf(row({ status: input })).status).toBe(expected);
  });

  it('refuses another status', () => {
    expect(errorsOf(row({ status: '离职' }))).toEqual([expect.objectContaining({ column: '状态', code: 'NOT_IN_LIST' })]);
  });

  describe('回避 columns', () => {
    it('pairs several conflicts by position', () => {
      const record = valueOf(row({ conflictUsccs: `${U1}；${U2};${U3}`, conflictRelations: '近亲属；曾任职;同学', conflictReasons: '配偶经营；2020年前任职;' }));
      expect(record.conflicts).toEqual([
        { uscc: U1, codeKind: 'USCC', relation: '近亲属', reason: '配偶经营' },
        { uscc: U2, codeKind: 'USCC', relation: '曾任职', reason: '2020年前任职' },
        { uscc: U3, codeKind: 'USCC', relation: '同学', reason: null },
      ]);
    });

    it('lets one relation and one reason stand for every listed venue', () => {
      const record = valueOf(row({ conflictUsccs: `${U1}；${U2}`, conflictRelations: '近亲属', conflictReasons: '亲属经营' }));
      expect(record.conflicts.map((c) => [c.relation, c.reason])).toEqual([
        ['近亲属', '亲属经营'],
        ['近亲属', '亲属经营'],
      ]);
    });

    it('accepts a legacy registration number as a conflict', () => {
      expect(valueOf(row({ conflictUsccs: '410403000000010', conflictRelations: '近亲属' })).conflicts[0]).toMatchObject({ codeKind: 'LEGACY_REGISTRATION' });
    });

    it('refuses lists that do not line up, naming the column', () => {
      const [error] = errorsOf(row({ conflictUsccs: `${U1}；${U2}`, conflictRelations: '近亲属；曾任职；同学' }));
      expect(error).toMatchObject({ column: '回避关系', code: 'INCONSISTENT' });
      expect(error.reason).toContain('有 2 个回避对象，但回避关系有 3 项');
    });

    it('refuses a bad code, saying which one', () => {
      const bad = U2.slice(0, 17) + (U2[17] === '0' ? '1' : '0');
      const [error] = errorsOf(row({ conflictUsccs: `${U1}；${bad}`, conflictRelations: '近亲属' }));
      expect(error).toMatchObject({ column: '回避对象统一社会信用代码', code: 'CHECK_DIGIT' });
      expect(error.reason).toMatch(/^第 2 个回避对象/);
    });

    it('needs a relation for a conflict and a venue for a relation', () => {
      expect(errorsOf(row({ conflictUsccs: U1 }))).toEqual([expect.objectContaining({ column: '回避关系', code: 'REQUIRED' })]);
      expect(errorsOf(row({ conflictRelations: '近亲属' }))).toEqual([expect.objectContaining({ column: '回避对象统一社会信用代码', code: 'REQUIRED' })]);
      expect(errorsOf(row({ conflictUsccs: `${U1}；${U1}`, conflictRelations: '近亲属' }))).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
    });
  });

  it('refuses control and direction-control characters but keeps line breaks typed in a cell', () => {
    expect(errorsOf(row({ name: '张\u200f伟' }))).toEqual([expect.objectContaining({ field: 'name', code: 'INVALID_VALUE', reason: expect.stringContaining('文字方向控制符') })]);
    expect(errorsOf(row({ certificateNumber: '豫WG4104\u00000001' }))).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'certificateNumber', code: 'INVALID_VALUE' })]));
    expect(errorsOf(row({ conflictUsccs: `${U1}\n${U2}`, conflictRelations: '近亲属\n曾任职' }))).toEqual([]);
    expect(errorsOf(row({ conflictUsccs: U1, conflictRelations: '近亲属', conflictReasons: '配偶\u202e股东' }))).toEqual([expect.objectContaining({ field: 'conflictReasons', code: 'INVALID_VALUE' })]);
  });
});
