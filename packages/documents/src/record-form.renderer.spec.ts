import { DocumentRenderError } from './document-render.error';
import { renderRecordForm } from './record-form.renderer';
import { SMALL_STAMP_JPEG, createSignaturePng, readPdf, sampleRecordFormData } from './testing';

const compact = (s: string) => s.replace(/\s+/g, '');

describe('renderRecordForm', () => {
  it('prints the signed form with extractable Chinese text', async () => {
    const data = sampleRecordFormData();
    const pdf = await renderRecordForm(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const { pages, body, pageCount } = await readPdf(pdf);
    const text = pages.join('\n');
    const drawn = compact(body);
    expect(text).toContain('部门联合抽查检查情况记录表');
    expect(text).toContain(data.venue.name);
    expect(text).toContain(data.venue.uscc);
    expect(text).toContain('2022年8月10日 09:30—11:00');
    expect(drawn).toContain(compact(data.departments[0].items[2].title)); // 未按规定核对上网消费者的有效身份证件检查
    expect(text).toContain('不符合');
    expect(text).toContain('5 发现问题已责令改正');
    expect(text).toContain('责令限期改正');
    expect(drawn).toContain(compact(data.departments[0].orders[0].content));
    expect(drawn).toContain(compact(data.departments[0].onSiteRecord!.facts));
    expect(text).toContain('证据数量录入有误'); // 更正记录
    for (const officer of data.team) {
      expect(text).toContain(officer.name);
      expect(text).toContain(officer.certificateNumber);
    }
    expect(text).toContain('签字人 赵德明');
    expect(text).not.toContain('拒绝签字盖章');
    expect(text).toContain(`第 1 页 共 ${pageCount} 页`);
  });

  it('prints the refusal note and the officers who witnessed it', async () => {
    const data = sampleRecordFormData({ refused: true });
    const { pages, body } = await readPdf(await renderRecordForm(data));
    const text = pages.join('\n');
    expect(text).toContain('被检查对象拒绝签字盖章');
    expect(compact(body)).toContain(compact(data.refusal!.note));
    expect(text).toContain('执法人员签名（见证拒签）');
    expect(text).toContain('2022年8月10日 11:12'); // the witnesses' signing time
  });

  it('prints amendments made after signing on their own page after the signed pages, each unconfirmed until the venue acknowledged it', async () => {
    const data = sampleRecordFormData();
    const plain = await readPdf(await renderRecordForm(data));
    expect(plain.pages.join('\n')).not.toContain('更正记录（签字后）');
    data.signedContentAt = new Date('2022-08-10T11:05:00+08:00');
    data.amendmentsAfterSigning = [
      { departmentName: '区文化广电和旅游局', at: new Date('2022-08-12T09:30:00+08:00'), by: '文广旅局管理员', reason: '现场记录笔误', summary: 'C2 检查结果：不涉及 → 符合', acknowledgement: null },
      { departmentName: '区消防救援大队', at: new Date('2022-08-13T10:00:00+08:00'), by: '消防管理员', reason: '补录备注', summary: 'F1 备注：（空） → 已整改', acknowledgement: { signerName: '赵德明', at: new Date('2022-08-14T15:00:00+08:00'), signature: createSignaturePng('赵德明') } },
    ];
    const { pages, pageCount } = await readPdf(await renderRecordForm(data));
    expect(pageCount).toBe(plain.pageCount + 1);
    const last = pages[pages.length - 1];
    expect(last).toContain('更正记录（签字后）');
    expect(last).toContain('2022年8月10日 11:05');
    expect(last).toContain('不涉及 → 符合');
    expect(last).toContain('未经被检查对象确认');
    expect(last).toContain('赵德明（2022年8月14日 15:00）');
    // The signed pages do not carry the later amendments.
    expect(pages.slice(0, -1).join('\n')).not.toContain('不涉及 → 符合');
  });

  it('breaks a long note over pages and numbers every page', async () => {
    const data = sampleRecordFormData({ longNoteLength: 2000 });
    const { pages, pageCount, body } = await readPdf(await renderRecordForm(data));
    expect(pageCount).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${pageCount} 页`));
    expect(pages.join('\n')).toContain('见附注1');
    // Every character of the note is on the pages, in order.
    expect(compact(body)).toContain(compact(data.departments[0].items[2].note!));
  });

  it('breaks a table cell taller than a page across pages', async () => {
    const data = sampleRecordFormData();
    data.departments[0].onSiteRecord!.facts = '现场检查情况。'.repeat(600);
    const { pageCount, body } = await readPdf(await renderRecordForm(data));
    expect(pageCount).toBeGreaterThan(3);
    expect(compact(body)).toContain('现场检查情况。'.repeat(600));
  });

  it('accepts a JPEG stamp photo', async () => {
    const data = sampleRecordFormData();
    data.venueSignature!.stamp = SMALL_STAMP_JPEG;
    const pdf = await renderRecordForm(data);
    expect(pdf.includes(Buffer.from('/DCTDecode'))).toBe(true);
  });

  it('rejects a signature that is not an image, naming whose it is', async () => {
    const data = sampleRecordFormData();
    data.officerSignatures[1].image = Buffer.from('not an image');
    await expect(renderRecordForm(data)).rejects.toThrow(DocumentRenderError);
    await expect(renderRecordForm(data)).rejects.toMatchObject({ code: 'IMAGE_UNSUPPORTED', message: expect.stringContaining('李晓梅') });
  });
});
