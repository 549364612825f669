import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { extractDocxText, extractPdfText } from '../testing';
import { renderBriefingsDocx, renderSummaryTablePdf, renderWorkSummaryDocx, tallyRows, writeSummaryWorkbook, type ReportMeta, type SummaryTableRow } from './index';

const meta: ReportMeta = {
  plan: { documentNumber: '平卫双随机办〔2022〕25号', title: '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案', issuingOffice: '卫东区双随机联席办' },
  department: null,
  departments: [
    { code: 'culture', name: '卫东区文化广电和旅游局' },
    { code: 'market', name: '卫东区市场监督管理局' },
    { code: 'fire', name: '卫东区消防救援大队' },
  ],
  resultCodes: [
    { code: 1, label: '未发现问题' },
    { code: 5, label: '发现问题已责令改正' },
    { code: 9, label: '合格' },
  ],
  generatedAt: new Date('2022-11-30T02:00:00Z'),
};
const row = (department: SummaryTableRow['department'], over: Partial<SummaryTableRow>): SummaryTableRow => ({
  department, inspectionId: 'i1', venueName: '星际网咖', venueUscc: '91410403MA9XXXXX0X', venueStreet: '建设路街道', inspectedOn: '2022-08-10',
  checked: 2, compliant: 2, nonCompliant: 0, notApplicable: 0, stopOrders: 0, rectifyOrders: 0, referrals: 0, resultCodes: [1, 9], publishedOn: null, ...over,
});
const rows = [
  row('culture', { checked: 7, compliant: 6, nonCompliant: 1, rectifyOrders: 1, referrals: 1, resultCodes: [5], publishedOn: '2022-08-20' }),
  row('market', {}),
  row('fire', { checked: 3, compliant: 2, notApplicable: 1, venueName: '蓝天网吧' }),
];

async function workbookOf(input: SummaryTableRow[]): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeSummaryWorkbook(out, meta, input);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

describe('R-REP-2 the 汇总表 and the 统计表', () => {
  it('the workbook has a merged title, Chinese headers, one row per department and inspection, SUM totals, and prints on A4 landscape', async () => {
    const sut = await workbookOf(rows);
    const sheet = sut.getWorksheet('汇总表')!;
    expect(sheet.getCell('A1').value).toBe('互联网上网服务营业场所“双随机、一公开”联合抽查汇总表');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('O1').isMerged).toBe(true);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 7)).toEqual(['序号', '检查部门', '检查对象名称', '统一社会信用代码', '所属街道', '检查日期']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([1, '卫东区文化广电和旅游局', '星际网咖', '91410403MA9XXXXX0X', '建设路街道', '2022-08-10', 7, 6, 1, 0, 0, 1, 1, '5 发现问题已责令改正', '2022-08-20']);
    expect(sheet.getCell('N5').value).toBe('1 未发现问题；9 合格');
    expect(sheet.getCell('O6').value).toBe('未公示');
    expect(sheet.getCell('G7').value).toMatchObject({ formula: 'SUM(G4:G6)', result: 12 });
    expect(sheet.getCell('G4').numFmt).toBe('0');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });
    expect(sheet.getColumn(3).width).toBe(30);

    const stats = sut.getWorksheet('统计表')!;
    expect(stats.getCell('A1').value).toBe('互联网上网服务营业场所“双随机、一公开”部门联合监管统计表');
    const line = (r: number) => (stats.getRow(r).values as unknown[]).slice(1);
    expect(line(3)).toEqual(['部门', '抽查户次', '发现问题户次', '检查事项数', '符合', '不符合', '不涉及', '责令停止违法行为', '责令限期改正', '移送（转办）', '1.未发现问题', '5.发现问题已责令改正', '9.合格', '已公示']);
    expect(line(4)).toEqual(['卫东区文化广电和旅游局', 1, 1, 7, 6, 1, 0, 0, 1, 1, 0, 1, 0, 1]);
    expect(line(7)).toEqual(['合计', 3, 1, 12, 10, 1, 1, 0, 1, 1, 2, 1, 2, 1]);
    expect(stats.pageSetup.orientation).toBe('landscape');
  });

  it('an empty plan still gives both tables, with zero totals', async () => {
    const sut = await workbookOf([]);
    expect(sut.getWorksheet('汇总表')!.getCell('A4').value).toBe('合计');
    expect((sut.getWorksheet('统计表')!.getRow(7).values as unknown[]).slice(1, 3)).toEqual(['合计', 0]);
  });

  it('the PDF carries the same rows and figures, in extractable Chinese', async () => {
    const text = (await extractPdfText(await renderSummaryTablePdf(meta, rows))).replace(/\s+/g, '');
    expect(text).toContain('联合抽查汇总表');
    expect(text).toContain('部门联合监管统计表');
    expect(text).toContain('星际网咖');
    expect(text).toContain('蓝天网吧');
    expect(text).toContain('共3户次');
  });
});

describe('R-REP-1/2 the work summary and the briefings', () => {
  it('the work summary states the plan figures and leaves the narrative to fill in', async () => {
    const docx = await renderWorkSummaryDocx({ meta, tally: tallyRows(meta, rows), reportingDeadline: '2022-12-01', reportTo: '卫东区市场监督管理局', briefings: [] });
    const text = extractDocxText(docx);
    expect(text).toContain('各部门共检查3户次，检查事项12项，其中符合10项、不符合1项、不涉及1项；发现问题1户次，占33.3%');
    expect(text).toContain('责令限期改正1次，移送（转办）有管辖权的部门1件');
    expect(text).toContain('公示检查结果1户次');
    expect(text).toContain('【请填写：工作亮点】');
    expect(text).toContain('报送单位：卫东区市场监督管理局　报送时限：2022年12月1日前');
  });

  it('the compiled briefings quote each department, with who wrote it', async () => {
    const docx = await renderBriefingsDocx(meta, [
      { departmentName: '卫东区消防救援大队', highlights: '消防演练全覆盖', problems: '', suggestions: '增加夜间检查', updatedByName: '消防管理员', updatedAt: new Date('2022-11-20T02:00:00Z') },
    ]);
    const text = extractDocxText(docx);
    expect(text).toContain('一、卫东区消防救援大队');
    expect(text).toContain('消防演练全覆盖');
    expect(text).toContain('（未填写）');
    expect(text).toContain('填报人：消防管理员　更新日期：2022年11月20日');
  });
});
