import type { DepartmentCode } from '../types';

/**
 * One department's record of one inspection, one row of 联合抽查汇总表. The department assembles it
 * from its own tables (谁检查、谁负责, R-PUB-2); nothing here reads a database.
 */
export interface SummaryTableRow {
  department: DepartmentCode;
  inspectionId: string;
  venueName: string;
  /** 统一社会信用代码 */
  venueUscc: string;
  venueStreet: string;
  /** YYYY-MM-DD, the day of the visit */
  inspectedOn: string;
  /** Items with an outcome (符合 + 不符合 + 不涉及). */
  checked: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
  stopOrders: number;
  rectifyOrders: number;
  /** 移送(转办) sent by the department for this inspection (R-RES-3). */
  referrals: number;
  /** R-RES-2 codes, ascending. */
  resultCodes: number[];
  /** YYYY-MM-DD the result was published (一公开), or null. */
  publishedOn: string | null;
}

/** What a report says about itself: the plan, which department it covers (null: the whole plan) and when. */
export interface ReportMeta {
  plan: { documentNumber: string; title: string; issuingOffice: string };
  /** The department the report covers; null for the whole plan (联席办). */
  department: { code: DepartmentCode; name: string } | null;
  /** Every participating department, in the order the plan names them (rows of the 统计表). */
  departments: { code: DepartmentCode; name: string }[];
  /** The ten R-RES-2 codes with their labels, as the publicity system numbers them. */
  resultCodes: { code: number; label: string }[];
  generatedAt: Date;
}

/** One department's line of 部门联合监管统计表 (the plan's statistics), summed over its rows. */
export interface DepartmentTally {
  department: DepartmentCode;
  name: string;
  /** 抽查户次: inspections with a record of this department. */
  inspections: number;
  /** 发现问题户次: inspections with at least one 不符合 item. */
  withProblems: number;
  checked: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
  stopOrders: number;
  rectifyOrders: number;
  referrals: number;
  /** Inspections per result code (an inspection with codes 1 and 9 counts under both). */
  byResultCode: Record<number, number>;
  /** 已公示: results published. */
  published: number;
}
