import { renderNoticeLetter } from './notice-letter.renderer';
import { readPdf, sampleNoticeLetterData } from './testing';

const compact = (s: string) => s.replace(/\s+/g, '');

describe('renderNoticeLetter', () => {
  it('tells the venue when, who with which 执法证, what is checked and what to prepare', async () => {
    const data = sampleNoticeLetterData();
    const { pages, body } = await readPdf(await renderNoticeLetter(data));
    const text = pages.join('\n');
    const drawn = compact(body);

    expect(text).toContain('部门联合检查告知书');
    expect(text).toContain(`${data.venue.name}：`);
    expect(drawn).toContain('我们定于2022年8月10日09:00—11:00对你单位');
    expect(drawn).toContain(compact(data.venue.address));
    for (const officer of data.team) expect(text).toContain(`${officer.name} ${officer.leader ? '组长' : '组员'}`);
    for (const officer of data.team) expect(text).toContain(officer.certificateNumber);
    for (const item of data.items) expect(drawn).toContain(compact(`${item.code}${item.title}`));
    expect(drawn).toContain(compact(data.prepare));
    expect(text).toContain('告知方式：书面告知');
    expect(text).toContain(`联系方式：${data.contact}`);
    expect(text).toContain(data.plan.issuingOffice);
    expect(text).toContain('2022年8月8日');
  });
});
