import { DEFAULT_RISK_CLASSES, RESULT_CODES, VENUE_STATUS_NAMES } from '@dr/domain';
import type { CodeKind, VenueStatusCode } from '@dr/domain';
import { foldText, isBlank, quoted } from './cell-text.normalizer';
import { parseDirectoryDate } from './date.parser';
import type { CellInput, RowValidation } from './directory.types';
import { columnsByField, FieldErrorsCollector } from './field-errors.collector';
import { normalizePhone } from './phone.validator';
import { checkRegistrationCode } from './registration-code.validator';
import { VENUE_COLUMNS } from './venue.columns';
import type { VenueField } from './venue.columns';

/** A valid row of the venue directory (检查对象名录库). */
export interface VenueRecord {
  name: string;
  /** The USCC, or the legacy 15-digit registration number when `codeKind` says so. */
  uscc: string;
  codeKind: CodeKind;
  licenseNumber: string | null;
  address: string;
  /** One of the configured streets, spelled as configured. */
  street: string;
  legalRepresentative: string | null;
  contactPerson: string | null;
  /** Normalized phone number(s), several joined by `/`. */
  phone: string | null;
  terminals: number | null;
  status: VenueStatusCode;
  /** One of the configured credit-risk class codes, e.g. `A`. */
  riskClass: string;
  lastInspectionDate: string | null;
  /** Null when the venue was never inspected or the result is not known. */
  lastInspectionProblemFound: boolean | null;
}

/** A credit-risk class (信用风险分类): its code, and optionally its name (A 守信). */
export type RiskClassOption = string | { code: string; name?: string };

/** What a venue row is checked against. */
export interface VenueRowOptions {
  /** The streets (街道) of the district; 所属街道 must be one of them. */
  streets: readonly string[];
  /** The credit-risk classes; default A 守信 / B 一般 / C 警示 / D 失信. */
  riskClasses?: readonly RiskClassOption[];
  /** Today (`YYYY-MM-DD`, China time) for refusing inspection dates in the future; default the current day. */
  today?: string;
}

/** A venue row as cells (from a file) or strings (from an edit form), keyed by field. */
export type VenueRowInput = Partial<Record<VenueField, CellInput>>;

const COLUMNS = columnsByField(VENUE_COLUMNS);

const PUNCTUATION = /[()\-_:,.;、。—–'"“”‘’]/g;

function foldPunctuation(value: CellInput): string {
  return foldText(value).replace(PUNCTUATION, '').toUpperCase();
}

const STATUS_WORDS: Record<VenueStatusCode, readonly string[]> = {
  OPERATING: ['营业', '在营', '开业', '正常营业', '正常', '存续', '在业', 'OPERATING'],
  SUSPENDED: ['停业', '歇业', '暂停营业', '停业整顿', 'SUSPENDED'],
  CLOSED: ['注销', '吊销', '已注销', '已吊销', '关闭', 'CLOSED'],
};
// The export writes VENUE_STATUS_NAMES, so those words must always read back.
const STATUS_BY_WORD = new Map<string, VenueStatusCode>([
  ...(Object.keys(STATUS_WORDS) as VenueStatusCode[]).flatMap((status) => STATUS_WORDS[status].map((word) => [word, status] as const)),
  ...(Object.entries(VENUE_STATUS_NAMES) as [VenueStatusCode, string][]).map(([status, word]) => [foldText(word), status] as const),
]);

// R-RES-2 results 1, 7 and 9 say nothing was wrong; the others report a problem.
const NO_PROBLEM_RESULTS = new Set(['NO_PROBLEM', 'ACTIVITY_NOT_FOUND', 'QUALIFIED']);
const RESULT_WORDS = new Map<string, boolean>([
  ...RESULT_CODES.map((r) => [foldPunctuation(r.label), !NO_PROBLEM_RESULTS.has(r.key)] as const),
  ...['未发现问题', '合格', '无问题', '正常', '通过', '检查合格', '未发现违法违规行为', '否', '无'].map((w) => [w, false] as const),
  ...['发现问题', '不合格', '责令改正', '责令整改', '限期整改', '存在问题', '有问题', '已责令改正', '立案查处', '是', '有'].map((w) => [w, true] as const),
]);

function problemFoundFrom(value: CellInput): boolean | undefined {
  const folded = foldPunctuation(value);
  const exact = RESULT_WORDS.get(folded);
  if (exact !== undefined) return exact;
  if (/不合格|责令|整改|处罚|立案|移送/.test(folded)) return true;
  if (/未发现|无问题|合格/.test(folded)) return false;
  if (/发现问题|存在问题/.test(folded)) return true;
  return undefined;
}

const STREET_SUFFIX = /(街道办事处|街道办|街道|镇|乡)$/;

/**
 * Finds a district street (街道) as configured from what a person wrote: full-width or spaced text, and
 * the name without its suffix (东安路 for 东安路街道) when that is unambiguous. Undefined when the
 * value is not one of `streets`; the import and the office's venue form share this rule.
 */
export function createStreetResolver(streets: readonly string[]): (value: CellInput) => string | undefined {
  const exact = new Map<string, string>();
  const short = new Map<string, string | null>();
  for (const street of streets) {
    const folded = foldText(street);
    exact.set(folded, street);
    const key = folded.replace(STREET_SUFFIX, '');
    // Two streets that differ only by suffix (X街道, X镇) cannot be told apart without it.
    short.set(key, short.has(key) && short.get(key) !== street ? null : street);
  }
  return (value) => {
    const folded = foldText(value);
    return exact.get(folded) ?? short.get(folded.replace(STREET_SUFFIX, '')) ?? undefined;
  };
}

/** A risk-class option as `{ code, name? }`. */
export function riskClassOf(option: RiskClassOption): { code: string; name?: string } {
  return typeof option === 'string' ? { code: option } : option;
}

function riskClassResolver(options: readonly RiskClassOption[]): { resolve: (value: CellInput) => string | undefined; expected: string } {
  const lookup = new Map<string, string>();
  const codes: string[] = [];
  for (const option of options) {
    const { code, name } = riskClassOf(option);
    const key = foldPunctuation(code);
    codes.push(code);
    const names = name ? ['', foldPunctuation(name)] : [''];
    for (const suffix of ['', '类', '级', '类别']) {
      for (const n of names) lookup.set(`${key}${suffix}${n}`, code);
    }
    if (name) lookup.set(foldPunctuation(name), code);
  }
  const first = options.length > 0 ? riskClassOf(options[0]) : undefined;
  const example = first ? `（可写作“${first.code}类”${first.name ? `或“${first.code} ${first.name}”` : ''}）` : '';
  return { resolve: (value) => lookup.get(foldPunctuation(value)), expected: `应为 ${codes.join('、')} 之一${example}` };
}

/** Today's date in China Standard Time (UTC+8), where the directories are kept. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function listForMessage(values: readonly string[]): string {
  return values.length <= 15 ? values.join('、') : `${values.slice(0, 15).join('、')} 等 ${values.length} 个`;
}

/**
 * Builds a venue-row validator for one set of options (streets and risk classes are indexed once, so
 * a 100,000-row import does not rebuild them per row).
 */
export function createVenueRowValidator(options: VenueRowOptions): (input: VenueRowInput) => RowValidation<VenueRecord, VenueField> {
  const resolveStreet = createStreetResolver(options.streets);
  const riskClasses = riskClassResolver(options.riskClasses ?? DEFAULT_RISK_CLASSES);
  const today = options.today ?? chinaToday();

  return (input) => {
    const errors = new FieldErrorsCollector<VenueField>(COLUMNS);
    errors.refuseUnsafeText(input);
    const name = errors.text('name', input.name);

    let uscc = '';
    let codeKind: CodeKind = 'USCC';
    const code = checkRegistrationCode(input.uscc);
    if (code.ok) {
      uscc = code.code;
      codeKind = code.codeKind;
    } else {
      errors.add('uscc', code.code, code.reason);
    }

    const licenseNumber = errors.text('licenseNumber', input.licenseNumber);
    const address = errors.text('address', input.address);

    let street = '';
    if (isBlank(input.street)) {
      errors.add('street', 'REQUIRED', '所属街道不能为空');
    } else {
      const resolved = resolveStreet(input.street);
      if (resolved) street = resolved;
      else errors.add('street', 'NOT_IN_LIST', `${quoted(input.street)}不是本辖区的街道，应为：${listForMessage(options.streets)}`);
    }

    const legalRepresentative = errors.text('legalRepresentative', input.legalRepresentative);
    const contactPerson = errors.text('contactPerson', input.contactPerson);

    let phone: string | null = null;
    if (!isBlank(input.phone)) {
      phone = normalizePhone(input.phone);
      if (phone === null) {
        errors.add('phone', 'INVALID_FORMAT', `${quoted(input.phone)}不是有效的联系电话，应为 11 位手机号（如 13812345678）或带区号的固定电话（如 0375-1234567）`);
      } else if (phone.length > (COLUMNS.get('phone')?.maxLength ?? 30)) {
        errors.add('phone', 'TOO_LONG', '联系电话最多填写 30 个字符，请只保留常用号码');
      }
    }

    let terminals: number | null = null;
    if (!isBlank(input.terminals)) {
      const folded = typeof input.terminals === 'number' ? String(input.terminals) : foldText(input.terminals).replace(/台$/, '');
      if (/^\d+(\.0+)?$/.test(folded) && Number(folded) <= 100_000) {
        terminals = Number(folded);
      } else {
        errors.add('terminals', 'INVALID_VALUE', `${quoted(input.terminals)}不是有效的终端台数，应为不小于 0 的整数`);
      }
    }

    let status: VenueStatusCode = 'OPERATING';
    if (!isBlank(input.status)) {
      const found = STATUS_BY_WORD.get(foldText(input.status).toUpperCase());
      if (found) status = found;
      else errors.add('status', 'NOT_IN_LIST', `${quoted(input.status)}不是有效的经营状态，应为 营业（在营、开业）、停业（歇业）或 注销（吊销）`);
    }

    let riskClass = '';
    if (isBlank(input.riskClass)) {
      errors.add('riskClass', 'REQUIRED', '信用风险分类不能为空');
    } else {
      const found = riskClasses.resolve(input.riskClass);
      if (found) riskClass = found;
      else errors.add('riskClass', 'NOT_IN_LIST', `${quoted(input.riskClass)}不是有效的信用风险分类，${riskClasses.expected}`);
    }

    let lastInspectionDate: string | null = null;
    if (!isBlank(input.lastInspectionDate)) {
      const parsed = parseDirectoryDate(input.lastInspectionDate);
      if (!parsed.ok) errors.add('lastInspectionDate', 'INVALID_FORMAT', parsed.reason);
      else if (parsed.date > today) errors.add('lastInspectionDate', 'INVALID_VALUE', `最近检查日期 ${parsed.date} 晚于今天（${today}），请核对`);
      else lastInspectionDate = parsed.date;
    }

    let lastInspectionProblemFound: boolean | null = null;
    if (!isBlank(input.lastInspectionResult)) {
      const found = problemFoundFrom(input.lastInspectionResult);
      if (found === undefined) {
        errors.add('lastInspectionResult', 'NOT_IN_LIST', `${quoted(input.lastInspectionResult)}无法识别，应为“未发现问题”（合格）或“发现问题”（不合格、责令改正等）；从未检查过则留空`);
      } else {
        lastInspectionProblemFound = found;
      }
      if (isBlank(input.lastInspectionDate)) {
        errors.add('lastInspectionDate', 'INCONSISTENT', '填写了最近检查结果，但缺少最近检查日期');
      }
    }

    if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
    return {
      ok: true,
      record: {
        name: name as string,
        uscc,
        codeKind,
        licenseNumber,
        address: address as string,
        street,
        legalRepresentative,
        contactPerson,
        phone,
        terminals,
        status,
        riskClass,
        lastInspectionDate,
        lastInspectionProblemFound,
      },
    };
  };
}

/**
 * Validates one venue row (an import row or an edit form): the typed record, or every problem with
 * its column and a Chinese reason. For many rows, build the validator once with `createVenueRowValidator`.
 */
export function validateVenueRow(input: VenueRowInput, options: VenueRowOptions): RowValidation<VenueRecord, VenueField> {
  return createVenueRowValidator(options)(input);
}

/** Cell text for 最近检查结果 on export. */
export function lastInspectionResultLabel(problemFound: boolean | null): string {
  if (problemFound === null) return '';
  return problemFound ? '发现问题' : '未发现问题';
}

