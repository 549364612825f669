import type { DepartmentExtension } from '@dr/department-kit';
import { fireFollowUpRule } from './follow-ups/fire-follow-up.rule';
import { FireOrderNotices1800000000001 } from './migrations/1800000000001-fire-order-notices';
import { OrderNoticeEntity } from './order-notices/order-notice.entity';
import { OrderNoticeResolver } from './order-notices/order-notice.resolver';
import { orderNoticeRoutes } from './order-notices/order-notice.routes';
import { OrderNoticeService } from './order-notices/order-notice.service';

/**
 * What the fire department adds to the shared department subgraph (ADR 0014): its re-inspection rule
 * (3 working days after the rectification deadline) and its 责令改正通知书, issued when a visit is signed
 * and printable as a PDF.
 */
export const FIRE_EXTENSION: DepartmentExtension = {
  resolvers: [OrderNoticeResolver],
  entities: [OrderNoticeEntity],
  migrations: [FireOrderNotices1800000000001],
  followUpRule: fireFollowUpRule,
  // The notices are issued in the signing's transaction; the service reads only fire's own tables there.
  onSigned: (manager, payload) => OrderNoticeService.issueForSignedVisit(manager, payload),
  routes: ({ dataSource, access, publicKey }) => orderNoticeRoutes(new OrderNoticeService(dataSource, access), publicKey, dataSource),
};
