import { Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { DepartmentContext, DepartmentDependencies } from '@dr/department-kit';
import { Connection, decodeCursor, PageArgs, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { OrderNoticeEntity } from './order-notice.entity';
import { noticeNumber, OrderNoticeService } from './order-notice.service';

@ObjectType('FireOrderNotice', { description: '责令改正通知书：检查签字后，消防部门每项限期改正的责令各出具一份' })
export class FireOrderNoticeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '所依据的责令' })
  orderId: string;

  @Field(() => ID)
  inspectionId: string;

  @Field({ description: '文书编号' })
  documentNumber: string;

  @Field({ description: '检查对象名称' })
  venueName: string;

  @Field(() => String, { nullable: true, description: '所涉检查事项' })
  itemTitle: string | null;

  @Field({ description: '发现的问题' })
  facts: string;

  @Field({ description: '责令内容' })
  orderContent: string;

  @Field({ description: '改正期限 YYYY-MM-DD' })
  rectificationDeadline: string;

  @Field({ description: '出具日期 YYYY-MM-DD' })
  issuedOn: string;

  @Field({ description: 'PDF 下载地址（需登录令牌）' })
  pdfUrl: string;
}

@ObjectType('FireOrderNoticeConnection')
export class FireOrderNoticeConnection extends Connection(FireOrderNoticeType) {}

const toView = (row: OrderNoticeEntity): FireOrderNoticeType => ({
  id: row.id,
  orderId: row.orderId,
  inspectionId: row.inspectionId,
  documentNumber: noticeNumber(row),
  venueName: row.venueName,
  itemTitle: row.itemTitle,
  facts: row.facts,
  orderContent: row.orderContent,
  rectificationDeadline: row.rectificationDeadline,
  issuedOn: row.issuedOn,
  pdfUrl: `/files/fire/orders/${row.orderId}/notice.pdf`,
});

@Resolver()
export class OrderNoticeResolver {
  private readonly notices: OrderNoticeService;

  constructor({ dataSource, access }: DepartmentDependencies) {
    this.notices = new OrderNoticeService(dataSource, access);
  }

  @Query(() => FireOrderNoticeConnection, { name: 'fireOrderNotices', description: '消防救援大队出具的责令改正通知书，新的在前（本部门人员和联席办）' })
  async orderNotices(@Args() page: PageArgs, @Ctx() context: DepartmentContext): Promise<Page<FireOrderNoticeType>> {
    const found = await this.notices.list(requirePrincipal(context), { first: page.first, offset: decodeCursor(page.after) });
    return { ...found, nodes: found.nodes.map(toView) };
  }
}
