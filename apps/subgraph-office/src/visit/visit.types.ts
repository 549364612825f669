import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum } from '@dr/subgraph-kit';
import { Inspector } from '../inspector/inspector.entity';

export enum NoticeMode {
  WRITTEN = 'WRITTEN',
  PHONE = 'PHONE',
  FAX = 'FAX',
  UNDISCLOSED = 'UNDISCLOSED',
}
registerEnumType(NoticeMode, {
  name: 'NoticeMode',
  description: '告知方式（R-NOTE-1）',
  valuesConfig: { WRITTEN: { description: '书面' }, PHONE: { description: '电话' }, FAX: { description: '传真' }, UNDISCLOSED: { description: '不予告知' } },
});

export enum RecordFormStatus {
  OPEN = 'OPEN',
  OFFICERS_SIGNING = 'OFFICERS_SIGNING',
  AWAITING_VENUE = 'AWAITING_VENUE',
  REFUSAL_SIGNING = 'REFUSAL_SIGNING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(RecordFormStatus, {
  name: 'RecordFormStatus',
  description: '记录表签署进度',
  valuesConfig: {
    OPEN: { description: '待签字' },
    OFFICERS_SIGNING: { description: '执法人员签字中' },
    AWAITING_VENUE: { description: '待被检查对象签字盖章' },
    REFUSAL_SIGNING: { description: '被检查对象拒签，待执法人员签署说明' },
    COMPLETED: { description: '已签署（锁定）' },
  },
});

@ObjectType({ description: '检查告知' })
export class Notice {
  @Field(() => NoticeMode)
  mode: NoticeMode;

  @Field(() => Date, { nullable: true })
  noticeAt: Date | null;

  @Field(() => String, { nullable: true, description: '需准备的资料' })
  prepare: string | null;
}

@ObjectType({ description: '执法人员签字' })
export class Signature {
  @Field(() => ID)
  id: string;

  @Field(() => Inspector)
  inspector: Inspector;

  @Field(() => Date)
  signedAt: Date;

  @Field({ description: '签名图片地址（需登录令牌）' })
  imageUrl: string;
}

@ObjectType({ description: '被检查对象签字盖章' })
export class VenueSignature {
  @Field()
  signerName: string;

  @Field(() => Date)
  signedAt: Date;

  @Field()
  signatureUrl: string;

  @Field()
  stampUrl: string;
}

@ObjectType({ description: '被检查对象拒绝签字盖章的说明（R-VISIT-3）' })
export class Refusal {
  @Field()
  note: string;

  @Field(() => Date)
  recordedAt: Date;

  @Field(() => [Signature], { description: '执法人员对拒签说明的签字' })
  signatures: Signature[];
}

@ObjectType({ description: '更正前后的一项内容' })
export class RecordFormChange {
  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType({ description: '被检查对象对签字后更正的确认' })
export class AmendmentAcknowledgement {
  @Field({ description: '确认人姓名' })
  signerName: string;

  @Field(() => Date)
  acknowledgedAt: Date;

  @Field({ description: '确认人签名图片地址（需登录令牌）' })
  signatureUrl: string;
}

@ObjectType({ description: '记录表签字后部门作出的更正：单独记录，不改变已签字的内容' })
export class RecordFormAmendment {
  @Field(() => ID)
  id: string;

  @Field(() => DepartmentEnum)
  department: Department;

  @Field()
  reason: string;

  @Field({ description: '更正人' })
  amendedByName: string;

  @Field(() => Date)
  amendedAt: Date;

  @Field(() => [RecordFormChange])
  changes: RecordFormChange[];

  @Field(() => AmendmentAcknowledgement, { nullable: true, description: '为空：未经被检查对象确认' })
  acknowledgement: AmendmentAcknowledgement | null;
}

@ObjectType({ description: '已撤回的拒签记录（保留备查）' })
export class WithdrawnRefusal {
  @Field()
  note: string;

  @Field(() => Date)
  recordedAt: Date;

  @Field(() => Date)
  withdrawnAt: Date;

  @Field({ description: '撤回人（组长）' })
  withdrawnByName: string;

  @Field({ description: '撤回理由' })
  reason: string;
}

@ObjectType({ description: '可在记录表上签字的检查组成员，及其本人确认所用的账号' })
export class RecordFormSigner {
  @Field(() => Inspector)
  inspector: Inspector;

  @Field()
  leader: boolean;

  @Field(() => String, { nullable: true, description: '与该执法人员关联的登录账号；为空时该执法人员尚无账号，不能签字' })
  username: string | null;
}

@ObjectType({ description: '部门联合抽查检查情况记录表的签署情况' })
export class RecordForm {
  @Field(() => RecordFormStatus)
  status: RecordFormStatus;

  @Field(() => [Signature])
  officerSignatures: Signature[];

  @Field(() => [String], { description: '尚缺的签字：组长或部门（如“组长”“消防”）' })
  missingSigners: string[];

  @Field(() => VenueSignature, { nullable: true })
  venueSignature: VenueSignature | null;

  @Field(() => Refusal, { nullable: true })
  refusal: Refusal | null;

  @Field(() => [RecordFormSigner], { description: '检查组成员及其本人确认所用的账号（按组内顺序）' })
  signers: RecordFormSigner[];

  @Field(() => Date, { nullable: true, description: '签字内容固定的时间（第一位执法人员签字时）；此后记录表按签字时的内容打印' })
  signedContentAt: Date | null;

  @Field(() => String, { nullable: true, description: '签字内容的 SHA-256；每个签字都对应这一内容' })
  signedContentSha256: string | null;

  @Field(() => [RecordFormAmendment], { description: '签字后的更正（按时间顺序，最多 200 条）' })
  amendmentsAfterSigning: RecordFormAmendment[];

  @Field({ description: '查看者可否撤回当前的拒签记录：查看者是组长，且尚无执法人员在拒签说明上签字' })
  viewerMayWithdrawRefusal: boolean;

  @Field(() => [WithdrawnRefusal], { description: '已撤回的拒签记录（按时间顺序，最多 50 条）' })
  withdrawnRefusals: WithdrawnRefusal[];

  @Field({ description: '记录表 PDF（需登录令牌）' })
  pdfUrl: string;

  @Field({ description: '统计表 PDF（需登录令牌）' })
  statisticsPdfUrl: string;
}
