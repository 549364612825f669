import type { ColumnDefinition } from './directory.types';

/** Fields of a venue row, one per column of the 检查对象名录库 file. */
export type VenueField =
  | 'name'
  | 'uscc'
  | 'licenseNumber'
  | 'address'
  | 'street'
  | 'legalRepresentative'
  | 'contactPerson'
  | 'phone'
  | 'terminals'
  | 'status'
  | 'riskClass'
  | 'lastInspectionDate'
  | 'lastInspectionResult';

/** The columns of the venue directory (检查对象名录库), in export order. */
export const VENUE_COLUMNS: readonly ColumnDefinition<VenueField>[] = [
  { field: 'name', header: '名称', aliases: ['场所名称', '单位名称', '企业名称', '经营场所名称', '网吧名称', '检查对象名称', '对象名称'], required: true, maxLength: 200, width: 32 },
  { field: 'uscc', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码', '统一代码', '统一社会信用代码/注册号', '注册号', '工商注册号', '营业执照号', '营业执照注册号'], required: true, maxLength: 18, width: 22 },
  { field: 'licenseNumber', header: '网络文化经营许可证编号', aliases: ['网络文化经营许可证号', '网络文化经营许可证', '许可证编号', '许可证号', '网文证号', '网文证编号'], required: false, maxLength: 64, width: 26 },
  { field: 'address', header: '经营场所地址', aliases: ['地址', '经营地址', '场所地址', '详细地址', '经营场所', '住所'], required: true, maxLength: 300, width: 40 },
  { field: 'street', header: '所属街道', aliases: ['街道', '所在街道', '街道办事处', '所属街道办事处', '乡镇街道', '街道乡镇', '所属乡镇街道', '所属乡镇'], required: true, maxLength: 50, width: 14 },
  { field: 'legalRepresentative', header: '法定代表人', aliases: ['法人', '法人代表', '法定代表人姓名', '负责人', '经营者'], required: false, maxLength: 50, width: 12 },
  { field: 'contactPerson', header: '联系人', aliases: ['联系人姓名'], required: false, maxLength: 50, width: 12 },
  { field: 'phone', header: '联系电话', aliases: ['电话', '联系方式', '手机', '手机号', '手机号码', '电话号码'], required: false, maxLength: 30, width: 16 },
  { field: 'terminals', header: '终端台数', aliases: ['终端数', '终端数量', '电脑台数', '机器台数', '核定终端数', '核定终端台数', '计算机台数'], required: false, maxLength: 10, width: 10 },
  { field: 'status', header: '经营状态', aliases: ['营业状态', '状态', '登记状态'], required: false, maxLength: 10, width: 10 },
  { field: 'riskClass', header: '信用风险分类', aliases: ['风险分类', '信用分类', '信用风险等级', '风险等级', '信用等级', '信用风险分类等级', '分类'], required: true, maxLength: 20, width: 14 },
  { field: 'lastInspectionDate', header: '最近检查日期', aliases: ['最近一次检查日期', '上次检查日期', '检查日期', '最后检查日期'], required: false, maxLength: 20, width: 14 },
  { field: 'lastInspectionResult', header: '最近检查结果', aliases: ['最近一次检查结果', '上次检查结果', '检查结果', '最后检查结果'], required: false, maxLength: 40, width: 14 },
];
