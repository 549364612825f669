import { renderStatisticsForm } from './statistics-form.renderer';
import { readPdf, sampleRecordFormData } from './testing';

/** The line of a table row, whose last cell may share the line or wrap around it. */
const rowStarting = (lines: string[], start: string) => lines.find((line) => line === start || line.startsWith(`${start} `));

describe('renderStatisticsForm', () => {
  it('prints one row per department with the counts of its items and orders, and a total', async () => {
    const data = sampleRecordFormData();
    data.departments[2].items[2].outcome = null; // one fire item not checked yet
    data.departments[1].orders.push({ kind: 'STOP_ILLEGAL', delivery: 'ORAL', content: '立即停止销售过期食品', deadline: null });
    const { pages, body } = await readPdf(await renderStatisticsForm(data));
    const lines = pages.join('\n').split('\n');

    const totals = [0, 0, 0, 0, 0, 0, 0];
    for (const d of data.departments) {
      const is = (outcome: string | null) => d.items.filter((i) => i.outcome === outcome).length;
      const counts = [
        d.items.filter((i) => i.outcome !== null).length,
        is('COMPLIANT'),
        is('NON_COMPLIANT'),
        is('NOT_APPLICABLE'),
        is(null),
        d.orders.filter((o) => o.kind === 'STOP_ILLEGAL').length,
        d.orders.filter((o) => o.kind === 'RECTIFY').length,
      ];
      counts.forEach((n, i) => (totals[i] += n));
      expect(rowStarting(lines, `${d.name} ${counts.join(' ')}`)).toBeDefined();
      for (const r of d.resultCodes) expect(body).toContain(`${r.code} ${r.label}`);
    }
    expect(lines).toContain(`合计 ${totals.join(' ')} —`);
    for (const officer of data.team) expect(pages[0]).toContain(officer.name);
    // The title as the plan names it, on one line.
    expect(lines).toContain('互联网上网服务营业场所“双随机、一公开”部门联合监管统计表');
    expect(pages[0]).toContain('第 1 页 共 1 页');
  });
});
