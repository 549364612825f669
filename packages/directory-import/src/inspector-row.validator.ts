import { DEPARTMENT_NAMES, DEPARTMENTS, INSPECTOR_STATUS_NAMES } from '@dr/domain';
import type { CodeKind, Department, InspectorStatusCode } from '@dr/domain';
import { cellText, foldText, isBlank, quoted, splitList } from './cell-text.normalizer';
import { parseDirectoryDate } from './date.parser';
import type { CellInput, RowValidation } from './directory.types';
import { columnsByField, FieldErrorsCollector } from './field-errors.collector';
import { INSPECTOR_COLUMNS } from './inspector.columns';
import type { InspectorField } from './inspector.columns';
import { checkRegistrationCode } from './registration-code.validator';

/** A declared conflict of interest (回避): the officer is never drawn for this venue. */
export interface InspectorConflictRecord {
  /** The venue's USCC (or legacy registration number). */
  uscc: string;
  codeKind: CodeKind;
  /** 回避关系, e.g. 近亲属. */
  relation: string;
  /** 回避原因, when given. */
  reason: string | null;
}

/** A valid row of the inspector directory (执法检查人员名录库). */
export interface InspectorRecord {
  name: string;
  department: Department;
  /** 执法证号, folded to half-width upper case. */
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidUntil: string;
  expertise: string[];
  status: InspectorStatusCode;
  conflicts: InspectorConflictRecord[];
}

/** An inspector row as cells (from a file) or strings (from an edit form), keyed by field. */
export type InspectorRowInput = Partial<Record<InspectorField, CellInput>>;

const COLUMNS = columnsByField(INSPECTOR_COLUMNS);
const RELATION_MAX = 50;
const REASON_MAX = 200;

const DEPARTMENT_WORDS: Record<Department, readonly string[]> = {
  culture: ['文广旅', '文广旅局', '文化广电和旅游局', '文化广电旅游局', '文化广播电视和旅游局', '文化和旅游局', '文旅局', '文化局', '文化市场综合执法大队', 'CULTURE'],
  market: ['市场监管', '市场监管局', '市场监督管理局', '市监局', '市场监管分局', '市场监督管理分局', 'MARKET'],
  fire: ['消防', '消防救援大队', '消防大队', '消防救援局', '消防救援站', 'FIRE'],
};
// Offices often write the full name with the province, city or district in front (区文广旅局).
const REGION_PREFIX = /^(河南省)?(平顶山市)?(卫东区|区)?/;

const DEPARTMENT_BY_WORD = new Map<string, Department>();
for (const department of DEPARTMENTS) {
  const names = [...DEPARTMENT_WORDS[department], DEPARTMENT_NAMES[department].short, DEPARTMENT_NAMES[department].full];
  for (const name of names) DEPARTMENT_BY_WORD.set(foldText(name).toUpperCase().replace(REGION_PREFIX, ''), department);
}

function departmentFrom(value: CellInput): Department | undefined {
  const folded = foldText(value).toUpperCase();
  return DEPARTMENT_BY_WORD.get(folded.replace(REGION_PREFIX, '')) ?? DEPARTMENT_BY_WORD.get(folded);
}

const STATUS_WORDS: Record<InspectorStatusCode, readonly string[]> = {
  ACTIVE: ['在岗', '在职', '正常', 'ACTIVE'],
  ON_LEAVE: ['请假', '休假', '病假', '事假', '产假', '年假', '公休', 'ON_LEAVE'],
};
// The export writes INSPECTOR_STATUS_NAMES, so those words must always read back.
const STATUS_BY_WORD = new Map<string, InspectorStatusCode>([
  ...(Object.keys(STATUS_WORDS) as InspectorStatusCode[]).flatMap((status) => STATUS_WORDS[status].map((word) => [word, status] as const)),
  ...(Object.entries(INSPECTOR_STATUS_NAMES) as [InspectorStatusCode, string][]).map(([status, word]) => [foldText(word), status] as const),
]);

const EXPERTISE_SEPARATORS = /[、，,;；]/;
const CODE_SEPARATORS = /[;；,，、\s]+/;
const CONFLICT_SEPARATORS = /[;；\n]/;

/**
 * Splits a 回避关系 / 回避原因 cell by position: an empty part keeps its place (a venue with no
 * reason), and trailing separators beyond the number of venues are ignored.
 */
function splitAligned(value: CellInput, venues: number): string[] {
  const parts = cellText(value)
    .split(CONFLICT_SEPARATORS)
    .map((part) => part.trim());
  while (parts.length > 0 && parts[parts.length - 1] === '' && (parts.length > venues || parts.every((p) => p === ''))) parts.pop();
  return parts;
}

/**
 * Validates one inspector row (an import row or an edit form): the typed record, or every problem
 * with its column and a Chinese reason. Several conflicts are written as `;`-separated lists in the
 * three 回避 columns, aligned by position; one relation (or reason) may stand for all of them.
 */
export function validateInspectorRow(input: InspectorRowInput): RowValidation<InspectorRecord, InspectorField> {
  const errors = new FieldErrorsCollector<InspectorField>(COLUMNS);
  errors.refuseUnsafeText(input);
  const name = errors.text('name', input.name);

  let department: Department = 'culture';
  if (isBlank(input.department)) {
    errors.add('department', 'REQUIRED', '所属部门不能为空');
  } else {
    const found = departmentFrom(input.department);
    if (found) department = found;
    else errors.add('department', 'NOT_IN_LIST', `${quoted(input.department)}不是参与联合抽查的部门，应为 文广旅（文化广电和旅游局）、市场监管（市场监督管理局）或 消防（消防救援大队）`);
  }

  let certificateNumber = '';
  if (isBlank(input.certificateNumber)) {
    errors.add('certificateNumber', 'REQUIRED', '执法证号不能为空');
  } else {
    certificateNumber = foldText(input.certificateNumber).toUpperCase();
    if (certificateNumber.length > (COLUMNS.get('certificateNumber')?.maxLength ?? 50)) {
      errors.add('certificateNumber', 'TOO_LONG', `执法证号最多 50 个字符，实际 ${certificateNumber.length} 个`);
    } else if (certificateNumber.length < 4 || !/\d/.test(certificateNumber)) {
      errors.add('certificateNumber', 'INVALID_FORMAT', `${quoted(input.certificateNumber)}不像执法证号，应为证件上印的编号（如 豫WG41040300001）`);
    }
  }

  const dates: Partial<Record<'certificateValidFrom' | 'certificateValidUntil', string>> = {};
  for (const field of ['certificateValidFrom', 'certificateValidUntil'] as const) {
    const header = COLUMNS.get(field)?.header ?? field;
    if (isBlank(input[field])) {
      errors.add(field, 'REQUIRED', `${header}不能为空`);
      continue;
    }
    const parsed = parseDirectoryDate(input[field]);
    if (parsed.ok) dates[field] = parsed.date;
    else errors.add(field, 'INVALID_FORMAT', parsed.reason);
  }
  if (dates.certificateValidFrom && dates.certificateValidUntil && dates.certificateValidUntil < dates.certificateValidFrom) {
    errors.add('certificateValidUntil', 'INCONSISTENT', `执法证有效期止（${dates.certificateValidUntil}）早于有效期起（${dates.certificateValidFrom}），应不早于有效期起`);
  }

  if (cellText(input.expertise).length > (COLUMNS.get('expertise')?.maxLength ?? 200)) {
    errors.add('expertise', 'TOO_LONG', '专业领域最多 200 个字');
  }
  const expertise = [...new Set(splitList(input.expertise, EXPERTISE_SEPARATORS))];

  let status: InspectorStatusCode = 'ACTIVE';
  if (!isBlank(input.status)) {
    const found = STATUS_BY_WORD.get(foldText(input.status).toUpperCase());
    if (found) status = found;
    else errors.add('status', 'NOT_IN_LIST', `${quoted(input.status)}不是有效的状态，应为 在岗 或 请假（休假）`);
  }

  const conflicts = conflictsFrom(input, errors);

  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  return {
    ok: true,
    record: {
      name: name as string,
      department,
      certificateNumber,
      certificateValidFrom: dates.certificateValidFrom as string,
      certificateValidUntil: dates.certificateValidUntil as string,
      expertise,
      status,
      conflicts,
    },
  };
}

function conflictsFrom(input: InspectorRowInput, errors: FieldErrorsCollector<InspectorField>): InspectorConflictRecord[] {
  const codes = splitList(input.conflictUsccs, CODE_SEPARATORS);
  const relations = splitAligned(input.conflictRelations, codes.length);
  const reasons = splitAligned(input.conflictReasons, codes.length);
  if (codes.length === 0) {
    if (relations.some(Boolean) || reasons.some(Boolean)) {
      errors.add('conflictUsccs', 'REQUIRED', '填写了回避关系或回避原因，但缺少回避对象统一社会信用代码');
    }
    return [];
  }

  const conflicts: InspectorConflictRecord[] = [];
  const seen = new Set<string>();
  codes.forEach((raw, index) => {
    const position = codes.length > 1 ? `第 ${index + 1} 个回避对象` : '回避对象';
    const code = checkRegistrationCode(raw);
    if (!code.ok) {
      errors.add('conflictUsccs', code.code, `${position}：${code.reason}`);
    } else if (seen.has(code.code)) {
      errors.add('conflictUsccs', 'DUPLICATE', `${position}“${code.code}”重复填写`);
    } else {
      seen.add(code.code);
      // One relation or reason may cover every listed venue; otherwise they pair up by position.
      const relation = relations.length === 1 ? relations[0] : (relations[index] ?? '');
      const reason = (reasons.length === 1 ? reasons[0] : reasons[index]) || null;
      conflicts.push({ uscc: code.code, codeKind: code.codeKind, relation, reason });
    }
  });

  if (relations.length === 0) {
    errors.add('conflictRelations', 'REQUIRED', '填写了回避对象，但缺少回避关系（如 近亲属、曾任职）');
  } else if (relations.includes('')) {
    errors.add('conflictRelations', 'REQUIRED', `第 ${relations.indexOf('') + 1} 项回避关系为空，每个回避对象都要写明回避关系`);
  } else if (relations.length !== 1 && relations.length !== codes.length) {
    errors.add('conflictRelations', 'INCONSISTENT', `有 ${codes.length} 个回避对象，但回避关系有 ${relations.length} 项；多项请用分号分隔，并与回避对象一一对应`);
  } else if (relations.some((r) => r.length > RELATION_MAX)) {
    errors.add('conflictRelations', 'TOO_LONG', `每项回避关系最多 ${RELATION_MAX} 个字`);
  }
  if (reasons.length > 1 && reasons.length !== codes.length) {
    errors.add('conflictReasons', 'INCONSISTENT', `有 ${codes.length} 个回避对象，但回避原因有 ${reasons.length} 项；多项请用分号分隔，并与回避对象一一对应`);
  } else if (reasons.some((r) => r.length > REASON_MAX)) {
    errors.add('conflictReasons', 'TOO_LONG', `每项回避原因最多 ${REASON_MAX} 个字`);
  }
  return conflicts;
}
