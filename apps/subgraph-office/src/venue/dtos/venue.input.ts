import { IsEnum, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SafeText } from '@dr/subgraph-kit';
import { VenueStatus } from '../venue.entity';

@InputType({ description: '检查对象（新增或修改）' })
export class VenueInput {
  @Field()
  @Length(1, 200, { message: '名称应为 1–200 个字符' })
  @SafeText({ label: '名称' })
  name: string;

  @Field({ description: '统一社会信用代码（18 位）；旧的 15 位注册号可接受但会被标记' })
  @Length(15, 18, { message: '统一社会信用代码应为 18 位（旧注册号 15 位）' })
  uscc: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64, { message: '许可证编号不超过 64 个字符' })
  @SafeText({ label: '许可证编号' })
  licenseNumber?: string | null;

  @Field()
  @Length(1, 300, { message: '地址应为 1–300 个字符' })
  @SafeText({ label: '地址' })
  address: string;

  @Field()
  @Length(1, 50, { message: '所属街道应为 1–50 个字符' })
  @SafeText({ label: '所属街道' })
  street: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  @SafeText({ label: '法定代表人' })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  @SafeText({ label: '联系人' })
  contactPerson?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: '联系电话应为 11 位手机号或带区号的固定电话' })
  phone?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: '终端台数不能为负' })
  @Max(100000, { message: '终端台数过大' })
  terminals?: number | null;

  @Field(() => VenueStatus, { defaultValue: VenueStatus.OPERATING })
  @IsEnum(VenueStatus)
  status: VenueStatus;

  @Field({ description: '信用风险分类，如 A / B / C / D' })
  @Matches(/^[A-Z]{1,2}$/, { message: '信用风险分类应为 1–2 个大写字母，如 A、B、C、D' })
  riskClass: string;
}
