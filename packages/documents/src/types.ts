/**
 * Plain data the renderers take. The caller (a subgraph, the office, a test) assembles it from its own
 * records; nothing here reads a database or the network.
 */

export type DepartmentCode = 'culture' | 'market' | 'fire';
export type OutcomeCode = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/** A member of the inspection team (检查组成员). */
export interface OfficerInfo {
  name: string;
  department: DepartmentCode;
  /** 执法证号 */
  certificateNumber: string;
  /** 组长 */
  leader: boolean;
}

/** A handwritten signature captured on a device, with who signed and when. */
export interface SignatureInfo {
  name: string;
  department: DepartmentCode | null;
  certificateNumber: string | null;
  signedAt: Date;
  /** PNG (a JPEG is accepted too). */
  image: Buffer;
}

/** Everything printed on 部门联合抽查检查情况记录表 and 联合监管统计表. */
export interface RecordFormData {
  plan: { documentNumber: string; title: string; issuingOffice: string };
  inspection: {
    id: string;
    /** YYYY-MM-DD */
    date: string | null;
    /** HH:MM */
    startTime: string | null;
    /** HH:MM */
    endTime: string | null;
  };
  venue: {
    name: string;
    /** 统一社会信用代码 */
    uscc: string;
    address: string;
    street: string;
    legalRepresentative: string | null;
    phone: string | null;
  };
  team: OfficerInfo[];
  departments: {
    department: DepartmentCode;
    /** e.g. 区文化广电和旅游局 */
    name: string;
    /** e.g. 已提交 */
    status: string;
    items: {
      code: string;
      title: string;
      /** 检查依据 */
      legalBasis: string;
      /** `null`: 未检查 */
      outcome: OutcomeCode | null;
      note: string | null;
      evidenceCount: number;
    }[];
    /** e.g. `{ code: 5, label: '发现问题已责令改正' }` */
    resultCodes: { code: number; label: string }[];
    /** 现场笔录 */
    onSiteRecord: { facts: string; personsPresent: string } | null;
    orders: {
      kind: 'STOP_ILLEGAL' | 'RECTIFY';
      delivery: 'WRITTEN' | 'ORAL' | 'MOBILE_PRINTED';
      content: string;
      /** YYYY-MM-DD */
      deadline: string | null;
    }[];
    /** 更正记录 */
    amendments: { at: Date; by: string; reason: string; summary: string }[];
  }[];
  officerSignatures: SignatureInfo[];
  /** The venue's signature and stamp (JPEG or PNG); `null` when it refused or has not signed. */
  venueSignature: { signerName: string; signedAt: Date; signature: Buffer; stamp: Buffer | null } | null;
  /** 被检查对象拒绝签字盖章: the officers' note and their signatures of it. */
  refusal: { note: string; at: Date; signatures: SignatureInfo[] } | null;
  /**
   * When the officers signed the content printed above (the departments' parts come from the content
   * frozen then, not from the live records); `null` before anyone signed.
   */
  signedContentAt?: Date | null;
  /**
   * Amendments a department made after the form was signed: each a dated entry on its own 更正记录 page
   * after the signed pages, 未经被检查对象确认 until the venue acknowledged it.
   */
  amendmentsAfterSigning?: AmendmentAfterSigning[];
  generatedAt: Date;
}

/** A department's amendment of a signed record form: who, when, why, before → after, and the venue's acknowledgement. */
export interface AmendmentAfterSigning {
  /** e.g. 区文化广电和旅游局 */
  departmentName: string;
  at: Date;
  by: string;
  reason: string;
  /** `label：before → after；…` */
  summary: string;
  acknowledgement: { signerName: string; at: Date; signature: Buffer } | null;
}

/** Everything printed on 部门联合检查告知书. */
export interface NoticeLetterData {
  plan: { documentNumber: string; title: string; issuingOffice: string };
  venue: { name: string; address: string };
  /** date YYYY-MM-DD, times HH:MM */
  visit: { date: string; startTime: string; endTime: string };
  team: OfficerInfo[];
  items: { department: DepartmentCode; departmentName: string; code: string; title: string }[];
  /** What the venue should have ready, free text. */
  prepare: string;
  mode: 'WRITTEN' | 'PHONE' | 'FAX';
  noticeAt: Date;
  contact: string | null;
}

/** One department's row of 联合监管统计表. */
export interface DepartmentStatistics {
  department: DepartmentCode;
  name: string;
  /** Items with an outcome (符合 + 不符合 + 不涉及). */
  checked: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
  /** Items without an outcome (未检查). */
  notChecked: number;
  stopOrders: number;
  rectifyOrders: number;
  resultCodes: { code: number; label: string }[];
}
