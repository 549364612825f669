import { INSPECTOR_COLUMNS } from './inspector.columns';
import { matchHeaderRow, normalizeHeader } from './header.matcher';
import { VENUE_COLUMNS } from './venue.columns';

describe('normalizeHeader', () => {
  it.each([
    ['名称*', '名称'],
    ['＊名称', '名称'],
    [' 统一社会信用代码 （必填） ', '统一社会信用代码'],
    ['最近检查日期(YYYY-MM-DD)', '最近检查日期'],
    ['所属\u3000街道', '所属街道'],
    ['【必填】名称：', '名称'],
  ])('folds %p to %p', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('matchHeaderRow', () => {
  it('maps canonical headers and common variants onto fields', () => {
    const match = matchHeaderRow(VENUE_COLUMNS, ['序号', '场所名称*', '社会信用代码', '地址', '街道（乡镇）', '法人', '电话', '终端数', '风险等级', '备注']);
    expect([...match.fields.entries()]).toEqual([
      [1, 'name'],
      [2, 'uscc'],
      [3, 'address'],
      [4, 'street'],
      [5, 'legalRepresentative'],
      [6, 'phone'],
      [7, 'terminals'],
      [8, 'riskClass'],
    ]);
    expect(match.missing).toEqual([]);
  });

  it('lists the required columns that are missing', () => {
    const match = matchHeaderRow(INSPECTOR_COLUMNS, ['姓名', '部门', '有效期至']);
    expect(match.missing.map((c) => c.header)).toEqual(['执法证号', '执法证有效期起']);
  });

  it('keeps the first of two columns with the same meaning', () => {
    const match = matchHeaderRow(VENUE_COLUMNS, ['电话', '联系电话']);
    expect([...match.fields.entries()]).toEqual([[0, 'phone']]);
  });
});
