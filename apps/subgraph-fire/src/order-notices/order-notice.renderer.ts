import { DEPARTMENT_NAMES } from '@dr/domain';
import { formatIsoDate, PageWriter } from '@dr/documents';
import type { OrderNoticeEntity } from './order-notice.entity';
import { noticeNumber } from './order-notice.service';

export const ORDER_NOTICE_TITLE = '责令改正通知书';

const BODY = 12;
const P = { size: BODY, firstIndent: 2, lineHeight: 1.7 };

/**
 * Renders fire's 责令改正通知书 as an A4 PDF with @dr/documents' page writer (embedded CJK font, ADR 0008):
 * 文书编号, the venue, the facts found, the legal basis of the item, the order, the deadline, the
 * department and the date. The wording follows 《消防监督检查规定》 (公安部令第120号) 附件文书式样;
 * to be confirmed by a legal officer (须经法制审核人员确认).
 */
export async function renderOrderNotice(notice: OrderNoticeEntity): Promise<Buffer> {
  const department = DEPARTMENT_NAMES.fire.full;
  const number = noticeNumber(notice);
  const w = new PageWriter(
    { title: `${ORDER_NOTICE_TITLE}（${notice.venueName}）`, subject: number, author: department, createdAt: notice.createdAt },
    { runningHeader: `${ORDER_NOTICE_TITLE}　${notice.venueName}`, footerLeft: number, footerRight: department },
  );
  w.centered(department, 16, true);
  w.centered(ORDER_NOTICE_TITLE, 22, true);
  w.gap(4);
  w.line(number, w.left, w.y, { size: BODY, align: 'right', width: w.width });
  w.gap(BODY * 2);
  w.paragraph(`${notice.venueName}（统一社会信用代码：${notice.venueUscc}，${notice.venueStreet}）：`, { size: BODY });
  w.paragraph(`经${formatIsoDate(notice.issuedOn)}部门联合检查，发现你单位存在下列消防安全违法行为：`, P);
  w.paragraph(notice.itemTitle ? `${notice.itemTitle}：${notice.facts}` : notice.facts, { ...P, bold: true });
  if (notice.legalBasis) w.paragraph(`依据：${notice.legalBasis}`, P);
  w.paragraph(`根据《中华人民共和国消防法》第五十三条和《消防监督检查规定》的规定，责令你单位于${formatIsoDate(notice.rectificationDeadline)}前改正：`, P);
  w.paragraph(notice.orderContent, { ...P, bold: true });
  w.paragraph('改正期间，你单位应当采取措施，确保消防安全。期限届满后我大队将进行复查；对逾期不改正的，将依法予以处罚。', P);
  w.paragraph('如不服本决定，可以在收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。', P);

  // The department and the date, right-aligned with room above for the seal.
  w.ensure(40 + 2 * BODY * 1.7);
  w.gap(40);
  const date = formatIsoDate(notice.issuedOn);
  const blockWidth = Math.max(w.measure(department, BODY), w.measure(date, BODY)) + 24;
  for (const text of [department, date]) {
    w.line(text, w.right - blockWidth, w.y, { size: BODY, align: 'center', width: blockWidth });
    w.gap(BODY * 1.7);
  }
  w.gap(BODY * 2);
  w.paragraph('被检查单位签收：　　　　　　　　　　年　　月　　日', { size: BODY });
  return w.finish();
}
