import { randomUUID } from 'node:crypto';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_NAMES, mayManageOffice, type EventPayloads, type Principal } from '@dr/domain';
import { CheckItemEntity, OrderEntity, SectionEntity, SectionItemEntity, type VisitAccessCheck } from '@dr/department-kit';
import { AppError, badInput, forbidden, toPage, type Page } from '@dr/subgraph-kit';
import { OrderNoticeEntity } from './order-notice.entity';

/** 文书编号 of a notice: 卫东消责改〔2022〕第0001号 (the serial restarts each year). */
export function noticeNumber(notice: Pick<OrderNoticeEntity, 'year' | 'serial'>): string {
  return `卫东消责改〔${notice.year}〕第${String(notice.serial).padStart(4, '0')}号`;
}

/**
 * Fire's 责令改正通知书: issued when a visit is signed, one per order to rectify (with a deadline) in
 * fire's submitted section, numbered in the year of signing; read by fire's staff, the joint office and
 * the visit's team.
 */
export class OrderNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: VisitAccessCheck,
  ) {}

  /** `inspection.signed`, in its transaction: issues the notices once (a second delivery finds them). */
  static async issueForSignedVisit(manager: EntityManager, payload: EventPayloads['inspection.signed']): Promise<void> {
    const section = await manager.findOneBy(SectionEntity, { inspectionId: payload.inspectionId });
    if (!section || section.status !== 'SUBMITTED') return;
    const orders = await manager.find(OrderEntity, { where: { sectionId: section.id, kind: 'RECTIFY', deadline: Not(IsNull()) }, order: { position: 'ASC' } });
    if (orders.length === 0) return;
    const [items, checkItems] = await Promise.all([manager.findBy(SectionItemEntity, { sectionId: section.id }), manager.findBy(CheckItemEntity, { planId: payload.planId, department: 'fire' })]);
    const year = Number(payload.signedOn.slice(0, 4));
    const last = await manager.createQueryBuilder(OrderNoticeEntity, 'notice').select('MAX(notice.serial)', 'serial').where('notice.year = :year', { year }).getRawOne<{ serial: number | null }>();
    let serial = Number(last?.serial ?? 0);
    for (const order of orders) {
      if (await manager.existsBy(OrderNoticeEntity, { orderId: order.id })) continue;
      const item = checkItems.find((candidate) => candidate.id === order.checkItemId) ?? null;
      const note = items.find((recorded) => recorded.checkItemId === order.checkItemId)?.note?.trim();
      serial += 1;
      await manager.insert(OrderNoticeEntity, {
        id: randomUUID(),
        orderId: order.id,
        inspectionId: payload.inspectionId,
        year,
        serial,
        venueName: payload.venue.name,
        venueUscc: payload.venue.uscc,
        venueStreet: payload.venue.street,
        itemTitle: item?.title ?? null,
        legalBasis: item?.legalBasis ?? null,
        facts: note || section.onSiteFacts?.trim() || (item ? `检查发现“${item.title}”不符合规定` : '现场检查发现消防安全违法行为'),
        orderContent: order.content,
        rectificationDeadline: order.deadline!,
        issuedOn: payload.signedOn,
        createdAt: new Date(),
      });
    }
  }

  /** One page of notices, newest first: fire's staff and the joint office. */
  async list(principal: Principal, page: { first: number; offset: number }): Promise<Page<OrderNoticeEntity>> {
    if (principal.department !== 'fire' && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES.fire.full}的人员和联席办可以查看责令改正通知书`);
    const [rows, total] = await this.dataSource.getRepository(OrderNoticeEntity).findAndCount({ order: { issuedOn: 'DESC', year: 'DESC', serial: 'DESC' }, skip: page.offset, take: page.first });
    return toPage(rows, total, page.offset);
  }

  /** The notice of one order, for printing: fire's staff, the joint office, or an officer of the visit's team. */
  async forPrint(orderId: string, principal: Principal, authorization: string | null): Promise<OrderNoticeEntity> {
    if (!/^[0-9A-Za-z-]{1,36}$/.test(orderId)) throw badInput('orderId', '责令编号无效');
    const notice = await this.dataSource.getRepository(OrderNoticeEntity).findOneBy({ orderId });
    const mayRead = principal.department === 'fire' || mayManageOffice(principal);
    // Whoever may not read fire's notices learns nothing about which exist, unless on the visit's team.
    if (!notice) {
      if (!mayRead) throw forbidden('只有消防救援大队的人员、联席办和本次检查组成员可以打印责令改正通知书');
      throw new AppError('NOT_FOUND', '没有找到这份责令改正通知书：责令尚未随检查签字生效，或不是限期改正的责令', { field: 'orderId' });
    }
    if (!mayRead && !(await this.access.onTeam(notice.inspectionId, authorization))) throw forbidden('只有消防救援大队的人员、联席办和本次检查组成员可以打印责令改正通知书');
    return notice;
  }
}
