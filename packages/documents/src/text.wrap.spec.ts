import { wrapText } from './text.wrap';

// Every character is 1 unit wide: widths are character counts.
const measure = (s: string) => [...s].length;

describe('wrapText', () => {
  it('breaks Chinese text between any two characters', () => {
    expect(wrapText('部门联合抽查检查情况记录表', 5, measure)).toEqual(['部门联合抽', '查检查情况', '记录表']);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(wrapText('代码 91410403MA44 有效', 8, measure)).toEqual(['代码', '91410403', 'MA44 有效']);
  });

  it('never starts a line with closing punctuation (禁则)', () => {
    const lines = wrapText('未核对身份证件，已责令改正。', 6, measure);
    expect(lines.every((line) => !/^[，。]/.test(line))).toBe(true);
    expect(lines.join('')).toBe('未核对身份证件，已责令改正。');
  });

  it('never ends a line with opening punctuation', () => {
    const lines = wrapText('依据条例《互联网上网服务营业场所管理条例》', 5, measure);
    expect(lines.every((line) => !line.endsWith('《'))).toBe(true);
    expect(lines.join('')).toBe('依据条例《互联网上网服务营业场所管理条例》');
  });

  it('splits a word longer than the line and keeps hard line breaks', () => {
    expect(wrapText('ABCDEFGHIJ\n短', 4, measure)).toEqual(['ABCD', 'EFGH', 'IJ', '短']);
    expect(wrapText('', 4, measure)).toEqual(['']);
  });
});
