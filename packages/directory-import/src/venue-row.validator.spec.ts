import { WEIDONG_STREETS } from '@dr/demo-data';
import { demoDirectoryUscc } from './demo-directory-file.generator';
import { createVenueRowValidator, validateVenueRow } from './venue-row.validator';
import type { VenueRowInput, VenueRowOptions } from './venue-row.validator';

const options: VenueRowOptions = { streets: WEIDONG_STREETS.map((s) => s.name), today: '2024-06-30' };
const USCC = demoDirectoryUscc(1);

const row = (overrides: VenueRowInput = {}): VenueRowInput => ({
  name: '星河网咖（东安路店）',
  uscc: USCC,
  licenseNumber: '豫网文〔2022〕410403001号',
  address: '河南省平顶山市卫东区东安路18号',
  street: '东安路街道',
  legalRepresentative: '王伟',
  contactPerson: '李娜',
  phone: '13812345678',
  terminals: 120,
  status: '营业',
  riskClass: 'A',
  lastInspectionDate: '2022-08-10',
  lastInspectionResult: '未发现问题',
  ...overrides,
});

function errorsOf(input: VenueRowInput, opts: VenueRowOptions = options) {
  const result = validateVenueRow(input, opts);
  return result.ok ? [] : result.errors;
}

function valueOf(input: VenueRowInput, opts: VenueRowOptions = options) {
  const result = validateVenueRow(input, opts);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}

describe('validateVenueRow', () => {
  it('turns a complete row into a typed record', () => {
    expect(valueOf(row())).toEqual({
      name: '星河网咖（东安路店）',
      uscc: USCC,
      codeKind: 'USCC',
      licenseNumber: '豫网文〔2022〕410403001号',
      address: '河南省平顶山市卫东区东安路18号',
      street: '东安路街道',
      legalRepresentative: '王伟',
      contactPerson: '李娜',
      phone: '13812345678',
      terminals: 120,
      status: 'OPERATING',
      riskClass: 'A',
      lastInspectionDate: '2022-08-10',
      lastInspectionProblemFound: false,
    });
  });

  it('lets optional columns be empty and defaults the status to OPERATING', () => {
    const record = valueOf({ name: '聚点网吧', uscc: USCC, address: '建设路1号', street: '建设路街道', riskClass: 'B' });
    expect(record).toMatchObject({ licenseNumber: null, phone: null, terminals: null, status: 'OPERATING', lastInspectionDate: null, lastInspectionProblemFound: null });
  });

  it('names every missing required column in Chinese', () => {
    const errors = errorsOf({ licenseNumber: 'x' });
    expect(errors.map((e) => [e.column, e.code])).toEqual([
      ['名称', 'REQUIRED'],
      ['统一社会信用代码', 'REQUIRED'],
      ['经营场所地址', 'REQUIRED'],
      ['所属街道', 'REQUIRED'],
      ['信用风险分类', 'REQUIRED'],
    ]);
    expect(errors[0].reason).toBe('名称不能为空');
  });

  it('accepts a legacy 15-digit registration number and flags it', () => {
    expect(valueOf(row({ uscc: '410403000000010' }))).toMatchObject({ uscc: '410403000000010', codeKind: 'LEGACY_REGISTRATION' });
    expect(errorsOf(row({ uscc: '410403000000011' }))).toEqual([expect.objectContaining({ column: '统一社会信用代码', code: 'CHECK_DIGIT' })]);
  });

  describe('所属街道', () => {
    it('must be one of the configured streets, and the reason lists them', () => {
      const [error] = errorsOf(row({ street: '人民路街道' }));
      expect(error).toMatchObject({ field: 'street', column: '所属街道', code: 'NOT_IN_LIST' });
      expect(error.reason).toContain('“人民路街道”不是本辖区的街道，应为：东安路街道、五一路街道');
    });

    it('is read with spaces, full-width characters or without the 街道 suffix, and stored as configured', () => {
      expect(valueOf(row({ street: ' 东安路\u3000街道 ' })).street).toBe('东安路街道');
      expect(valueOf(row({ street: '鸿鹰' })).street).toBe('鸿鹰街道');
      expect(valueOf(row({ street: '鸿鹰街道办事处' })).street).toBe('鸿鹰街道');
    });

    it('follows the configured list', () => {
      expect(errorsOf(row({ street: '东安路街道' }), { ...options, streets: ['新华街道'] })).toHaveLength(1);
      expect(valueOf(row({ street: '新华' }), { ...options, streets: ['新华街道'] }).street).toBe('新华街道');
    });
  });

  describe('信用风险分类', () => {
    it.each([
      ['A', 'A'],
      ['a', 'A'],
      ['A类', 'A'],
      ['Ａ类', 'A'],
      ['B 一般', 'B'],
      ['C类（警示）', 'C'],
      ['D-失信', 'D'],
      ['守信', 'A'],
    ])('reads %p as %p', (input, expected) => {
      expect(valueOf(row({ riskClass: input })).riskClass).toBe(expected);
    });

    it('refuses a class outside the list and says which are allowed', () => {
      const [error] = errorsOf(row({ riskClass: 'E类' }));
      expect(error).toMatchObject({ column: '信用风险分类', code: 'NOT_IN_LIST' });
      expect(error.reason).toContain('应为 A、B、C、D 之一');
    });

    it('follows a configured list of classes', () => {
      const custom = { ...options, riskClasses: ['一', '二', '三'] };
      expect(valueOf(row({ riskClass: '二类' }), custom).riskClass).toBe('二');
      expect(errorsOf(row({ riskClass: 'A' }), custom)[0].reason).toContain('应为 一、二、三 之一');
    });
  });

  describe('经营状态', () => {
    it.each([
      ['营业', 'OPERATING'],
      ['在营', 'OPERATING'],
      ['开业', 'OPERATING'],
      ['停业', 'SUSPENDED'],
      ['歇业', 'SUSPENDED'],
      ['注销', 'CLOSED'],
      ['吊销', 'CLOSED'],
      ['', 'OPERATING'],
    ])('reads %p as %p', (input, expected) => {
      expect(valueOf(row({ status: input })).status).toBe(expected);
    });

    it('refuses anything else', () => {
      expect(errorsOf(row({ status: '倒闭' }))).toEqual([expect.objectContaining({ column: '经营状态', code: 'NOT_IN_LIST' })]);
    });
  });

  describe('联系电话', () => {
    it.each([
      ['13812345678', '13812345678'],
      ['138 1234 5678', '13812345678'],
      ['+86 13812345678', '13812345678'],
      ['0375-1234567', '0375-1234567'],
      ['（0375）1234567', '0375-1234567'],
      ['010-12345678', '010-12345678'],
      ['13812345678/0375-1234567', '13812345678/0375-1234567'],
    ])('reads %p as %p', (input, expected) => {
      expect(valueOf(row({ phone: input })).phone).toBe(expected);
    });

    it.each(['12345', '23812345678', '1381234567', '0375-123', '电话'])('refuses %p, showing both accepted forms', (input) => {
      const [error] = errorsOf(row({ phone: input }));
      expect(error).toMatchObject({ column: '联系电话', code: 'INVALID_FORMAT' });
      expect(error.reason).toContain('11 位手机号');
      expect(error.reason).toContain('0375-1234567');
    });
  });

  describe('终端台数', () => {
    it.each([
      [120, 120],
      ['120', 120],
      ['120台', 120],
      ['０', 0],
    ])('reads %p as %p', (input, expected) => {
      expect(valueOf(row({ terminals: input })).terminals).toBe(expected);
    });

    it.each([-5, '-5', 1.5, '12.5', '很多'])('refuses %p: a whole number ≥ 0 is expected', (input) => {
      const [error] = errorsOf(row({ terminals: input }));
      expect(error).toMatchObject({ column: '终端台数', code: 'INVALID_VALUE' });
      expect(error.reason).toContain('应为不小于 0 的整数');
    });
  });

  describe('最近检查日期 and 最近检查结果', () => {
    it.each([
      ['未发现问题', false],
      ['合格', false],
      ['发现问题', true],
      ['不合格', true],
      ['责令改正', true],
      ['发现问题已责令改正', true],
      ['发现问题待后续处理', true],
    ])('reads the result %p as problemFound = %p', (input, expected) => {
      expect(valueOf(row({ lastInspectionResult: input })).lastInspectionProblemFound).toBe(expected);
    });

    it('leaves both empty for a venue never inspected', () => {
      expect(valueOf(row({ lastInspectionDate: '', lastInspectionResult: '' }))).toMatchObject({ lastInspectionDate: null, lastInspectionProblemFound: null });
    });

    it('refuses a result without a date, an unknown result, and a date after today', () => {
      expect(errorsOf(row({ lastInspectionDate: '' }))).toEqual([expect.objectContaining({ column: '最近检查日期', code: 'INCONSISTENT' })]);
      expect(errorsOf(row({ lastInspectionResult: '还行' }))).toEqual([expect.objectContaining({ column: '最近检查结果', code: 'NOT_IN_LIST' })]);
      expect(errorsOf(row({ lastInspectionDate: '2024-07-01' }))[0].reason).toContain('晚于今天');
    });

    it('reads the date in every accepted form', () => {
      for (const date of ['2022-08-10', '2022/8/10', '2022.8.10', '20220810', '2022年8月10日', new Date(Date.UTC(2022, 7, 10)), 44783]) {
        expect(valueOf(row({ lastInspectionDate: date })).lastInspectionDate).toBe('2022-08-10');
      }
    });
  });

  it('refuses text longer than the directory stores', () => {
    expect(errorsOf(row({ name: '网'.repeat(201) }))).toEqual([expect.objectContaining({ column: '名称', code: 'TOO_LONG' })]);
  });

  it('reports every problem of a row at once', () => {
    const errors = errorsOf(row({ name: '', street: '人民路', phone: '123', terminals: -1, riskClass: 'Z' }));
    expect(errors.map((e) => e.column)).toEqual(['名称', '所属街道', '联系电话', '终端台数', '信用风险分类']);
  });

  it('can be built once for many rows', () => {
    const validate = createVenueRowValidator(options);
    expect(validate(row()).ok).toBe(true);
    expect(validate(row({ street: 'x' })).ok).toBe(false);
  });

  it('refuses control and direction-control characters in any cell, naming the column', () => {
    expect(errorsOf(row({ name: '星河网咖\u202e店' }))).toEqual([expect.objectContaining({ field: 'name', column: '名称', code: 'INVALID_VALUE', reason: expect.stringContaining('文字方向控制符') })]);
    expect(errorsOf(row({ address: '东安路\u000018号' }))).toEqual([expect.objectContaining({ field: 'address', code: 'INVALID_VALUE' })]);
    expect(errorsOf(row({ legalRepresentative: '王\u0007伟' }))).toEqual([expect.objectContaining({ field: 'legalRepresentative', code: 'INVALID_VALUE' })]);
    // A line break typed in a cell (Alt+Enter) is part of the value, as it always was.
    expect(errorsOf(row({ name: '星河网咖\n（分店）' }))).toEqual([]);
  });
});
