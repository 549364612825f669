import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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

  @Field({ description: '记录表 PDF（需登录令牌）' })
  pdfUrl: string;

  @Field({ description: '统计表 PDF（需登录令牌）' })
  statisticsPdfUrl: string;
}
