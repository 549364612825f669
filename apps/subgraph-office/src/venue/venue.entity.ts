import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CodeKind, VenueStatusCode } from '@dr/domain';

export enum VenueStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(VenueStatus, {
  name: 'VenueStatus',
  description: '经营状态',
  valuesConfig: { OPERATING: { description: '营业' }, SUSPENDED: { description: '停业' }, CLOSED: { description: '注销' } },
});

export enum VenueCodeKind {
  USCC = 'USCC',
  LEGACY_REGISTRATION = 'LEGACY_REGISTRATION',
}
registerEnumType(VenueCodeKind, {
  name: 'VenueCodeKind',
  description: '代码类型',
  valuesConfig: { USCC: { description: '统一社会信用代码' }, LEGACY_REGISTRATION: { description: '原 15 位工商注册号（需更新）' } },
});

/** An inspectable object in the object directory (检查对象名录库): here an internet cafe. */
@Entity('venue')
@ObjectType({ description: '检查对象（互联网上网服务营业场所）' })
@Directive('@key(fields: "id")')
export class Venue {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '名称' })
  name: string;

  @Index('uq_venue_uscc', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  @Field({ description: '统一社会信用代码' })
  uscc: string;

  @Column({ name: 'license_number', type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: '网络文化经营许可证编号' })
  licenseNumber: string | null;

  @Column({ type: 'varchar', length: 300 })
  @Field({ description: '经营场所地址' })
  address: string;

  @Index('idx_venue_street')
  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '所属街道' })
  street: string;

  @Column({ name: 'legal_representative', type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: '法定代表人（负责人）' })
  legalRepresentative: string | null;

  @Column({ name: 'contact_person', type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: '联系人' })
  contactPerson: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '联系电话' })
  phone: string | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '终端台数' })
  terminals: number | null;

  @Column({ type: 'varchar', length: 16, default: 'OPERATING' })
  @Field(() => VenueStatus, { description: '经营状态' })
  status: VenueStatusCode;

  @Index('idx_venue_risk_class')
  @Column({ name: 'risk_class', type: 'varchar', length: 8, default: 'B' })
  @Field({ description: '信用风险分类（如 A 守信 / B 一般 / C 警示 / D 失信）' })
  riskClass: string;

  @Column({ name: 'code_kind', type: 'varchar', length: 24, default: 'USCC' })
  @Field(() => VenueCodeKind, { description: '代码类型：统一社会信用代码，或旧的 15 位注册号（已标记）' })
  codeKind: CodeKind;

  @Column({ name: 'last_inspection_date', type: 'varchar', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: '最近检查日期' })
  lastInspectionDate: string | null;

  @Column({ name: 'last_inspection_problem_found', type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: '最近检查是否发现问题' })
  lastInspectionProblemFound: boolean | null;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
