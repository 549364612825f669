import { findUnsafeCharacter, isSafeText, isSaneDate, stripUnsafeCharacters, unsafeCharacterMessage } from './input-text';

describe('text people type or import', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['escape', '张三\u001b[31m'],
    ['DEL', '网吧\u007f'],
    ['right-to-left mark', '网吧\u200f'],
    ['left-to-right mark', '\u200e网吧'],
    ['right-to-left override', '名录\u202exslx.exe'],
    ['left-to-right embedding', '\u202a网吧'],
    ['first strong isolate', '网吧\u2068'],
    ['pop directional isolate', '网吧\u2069'],
  ])('refuses %s', (_name, text) => {
    expect(isSafeText(text)).toBe(false);
    expect(isSafeText(text, { multiline: true })).toBe(false);
  });

  it('allows tab and line breaks only in multi-line text', () => {
    for (const text of ['第一行\n第二行', '甲\t乙', '甲\r\n乙']) {
      expect(isSafeText(text)).toBe(false);
      expect(isSafeText(text, { multiline: true })).toBe(true);
    }
  });

  it('accepts ordinary Chinese text, full-width spaces and emoji', () => {
    expect(isSafeText('卫东区 网鱼网咖（建设路店）\u3000二楼 👍')).toBe(true);
  });

  it('names the position of the refused character in Chinese', () => {
    const found = findUnsafeCharacter('网吧\u202e名')!;
    expect(found).toEqual({ index: 2, codePoint: 0x202e });
    expect(unsafeCharacterMessage('名称', found)).toBe('名称第 3 个字符是不可见的文字方向控制符，请删除后重新填写');
    expect(unsafeCharacterMessage('备注', findUnsafeCharacter('a\u0000')!)).toContain('控制字符');
  });

  it('strips refused characters where refusing is not possible', () => {
    expect(stripUnsafeCharacters('名录\u202exslx\u0000.csv')).toBe('名录xslx.csv');
  });
});

describe('dates people type or import', () => {
  it('accepts real dates from 2000-01-01 to 2100-12-31', () => {
    for (const date of ['2000-01-01', '2022-07-26', '2024-02-29', '2100-12-31']) expect(isSaneDate(date)).toBe(true);
  });

  it('refuses 1900-01-01, 9999-12-31, impossible days and other formats', () => {
    for (const date of ['1900-01-01', '1999-12-31', '2101-01-01', '9999-12-31', '2022-02-30', '2022/07/26', '20220726', '']) expect(isSaneDate(date)).toBe(false);
  });
});
