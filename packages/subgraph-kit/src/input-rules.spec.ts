import 'reflect-metadata';
import { validate } from 'class-validator';
import { SafeText, SaneDate } from './input-rules';

class Sut {
  @SafeText({ label: '名称' })
  name?: string | null;

  @SafeText({ label: '备注', multiline: true })
  note?: string;

  @SafeText({ label: '专业领域', each: true })
  tags?: string[];

  @SaneDate('执法证有效期起')
  from?: string | null;

  @SaneDate('告知时间')
  at?: Date | null;
}

async function problems(values: Partial<Sut>) {
  const sut = Object.assign(new Sut(), values);
  return (await validate(sut)).map((e) => ({ property: e.property, message: Object.values(e.constraints ?? {})[0] }));
}

describe('SafeText and SaneDate', () => {
  it('pass clean text, multi-line notes, null and real dates', async () => {
    expect(await problems({ name: '网鱼网咖', note: '第一行\n第二行', tags: ['消防'], from: '2022-01-01' })).toEqual([]);
    expect(await problems({ name: null, from: null })).toEqual([]);
  });

  it('refuse control and direction characters, naming the field and the position', async () => {
    expect(await problems({ name: '网吧\u202e' })).toEqual([{ property: 'name', message: '名称第 3 个字符是不可见的文字方向控制符，请删除后重新填写' }]);
    expect(await problems({ note: 'a\u0000' })).toEqual([{ property: 'note', message: '备注第 2 个字符是不可见的控制字符，请删除后重新填写' }]);
    expect(await problems({ name: '甲\n乙' })).toHaveLength(1);
    expect(await problems({ tags: ['消防', '\u200f安全'] })).toEqual([{ property: 'tags', message: '专业领域第 1 个字符是不可见的文字方向控制符，请删除后重新填写' }]);
  });

  it('refuse dates outside 2000–2100', async () => {
    expect(await problems({ from: '1900-01-01' })).toEqual([{ property: 'from', message: '执法证有效期起应为 2000-01-01 至 2100-12-31 之间的有效日期（YYYY-MM-DD）' }]);
    expect(await problems({ from: '9999-12-31' })).toHaveLength(1);
    expect(await problems({ at: new Date('1900-01-01T08:00:00Z') })).toEqual([{ property: 'at', message: '告知时间应为 2000-01-01 至 2100-12-31 之间的有效日期（YYYY-MM-DD）' }]);
    expect(await problems({ at: new Date('2022-08-01T08:00:00Z') })).toEqual([]);
  });
});
