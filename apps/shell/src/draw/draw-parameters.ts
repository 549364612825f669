import { stratumQuota } from '@dr/domain';
import type { DepartmentCode } from '@dr/ui';
import type { DrawDetailQuery, DrawParametersInput } from '../generated/graphql';

/** How a stratum's quota is given: a share of its eligible venues (比例) or a number (数量). */
export type StratumMode = 'share' | 'count';

/** One stratum row of the parameter form. */
export interface StratumRow {
  riskClass: string;
  mode: StratumMode;
  /** The share in percent as users read it (50 = 50 %); sent as basis points. */
  percent?: number | null;
  count?: number | null;
}

/** The parameter form's values (step 1 of the draw wizard). */
export interface DrawParameterValues {
  batch: string;
  streets: string[];
  excludeNotOperating: boolean;
  recentInspectionDays: number;
  asOf: string;
  strata: StratumRow[];
  visitStart: string;
  visitEnd: string;
  /** Officers of each participating department per team (the leader counts for the lead department). */
  officers: Partial<Record<DepartmentCode, number>>;
  /** Why this batch is drawn again; only for a redraw. */
  redrawReason?: string;
}

type SavedParameters = NonNullable<DrawDetailQuery['draw']>['parameters'];

/** 《行政处罚法》第四十二条: enforcement is carried out by at least two officers. */
export const MIN_OFFICERS_BY_LAW = 2;

/** The shares the joint office usually draws (the higher the risk, the larger the share). */
const DEFAULT_STRATA: StratumRow[] = [
  { riskClass: 'D', mode: 'share', percent: 50 },
  { riskClass: 'C', mode: 'share', percent: 20 },
  { riskClass: 'B', mode: 'share', percent: 10 },
  { riskClass: 'A', mode: 'share', percent: 3 },
];

/**
 * A share in percent as basis points (1/10000): 12.5 % → 1250. Users see percent with up to two
 * decimals; the algorithm takes whole basis points.
 * @param percent - the share as typed
 */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * A stratum rule as users read it: `50%` or `5 家`.
 * @param rule - a saved stratum (basis points or count)
 */
export function describeStratumRule(rule: { basisPoints?: number | null; count?: number | null }): string {
  if (rule.count != null) return `${rule.count} 家`;
  return `${(rule.basisPoints ?? 0) / 100}%`;
}

/**
 * The rounding rule in words with a worked example, as the wizard explains it (docs/draw-algorithm.md §4).
 * @param percent - the share to illustrate, in percent
 * @param eligible - an example number of eligible venues
 */
export function roundingExample(percent: number, eligible: number): string {
  const quota = stratumQuota({ riskClass: '-', basisPoints: percentToBasisPoints(percent) }, eligible);
  return `例如符合条件 ${eligible} 家、比例 ${percent}%：${eligible} × ${percent}% = ${((eligible * percent) / 100).toFixed(2).replace(/\.?0+$/, '')}，向上取整抽取 ${quota} 家`;
}

/**
 * The draw's base date (基准日期) by default: today while the plan's window is open, else the window's start
 * (a batch prepared before the window opens, or a past plan drawn again, is measured from the window).
 */
export function defaultAsOf(plan: { windowStart: string; windowEnd: string }, today: string): string {
  return today >= plan.windowStart && today <= plan.windowEnd ? today : plan.windowStart;
}

/**
 * The form's starting values for a new batch of a plan.
 * @param plan - the plan's window and participating departments
 * @param today - today's date in China (`YYYY-MM-DD`), the base date of the exclusions
 */
export function defaultParameterValues(plan: { windowStart: string; windowEnd: string; participatingDepartments: readonly DepartmentCode[] }, today: string): DrawParameterValues {
  return {
    batch: '',
    streets: [],
    excludeNotOperating: true,
    recentInspectionDays: 365,
    asOf: defaultAsOf(plan, today),
    strata: DEFAULT_STRATA.map((row) => ({ ...row })),
    visitStart: plan.windowStart,
    visitEnd: plan.windowEnd,
    officers: Object.fromEntries(plan.participatingDepartments.map((department) => [department, MIN_OFFICERS_BY_LAW])),
  };
}

/**
 * The form's values from a draw's saved parameters, to draw the same batch again (重新抽取).
 * @param saved - the superseded draw's parameters
 */
export function parameterValuesOf(saved: SavedParameters): DrawParameterValues {
  return {
    batch: saved.batch,
    streets: [...saved.streets],
    excludeNotOperating: saved.excludeNotOperating,
    recentInspectionDays: saved.recentInspectionDays,
    asOf: saved.asOf,
    strata: saved.strata.map((stratum) =>
      stratum.count != null
        ? { riskClass: stratum.riskClass, mode: 'count', count: stratum.count }
        : { riskClass: stratum.riskClass, mode: 'share', percent: (stratum.basisPoints ?? 0) / 100 },
    ),
    visitStart: saved.visitStart,
    visitEnd: saved.visitEnd,
    officers: Object.fromEntries(saved.officersPerDepartment.map((entry) => [entry.department, entry.count])),
  };
}

/**
 * The `DrawParametersInput` the server takes: shares as basis points, streets trimmed, officers per
 * department in the plan's order.
 * @param values - the form's values
 * @param departments - the plan's participating departments
 */
export function toParametersInput(values: DrawParameterValues, departments: readonly DepartmentCode[]): DrawParametersInput {
  return {
    batch: values.batch.trim(),
    streets: [...new Set(values.streets.map((street) => street.trim()).filter(Boolean))],
    excludeNotOperating: values.excludeNotOperating,
    recentInspectionDays: values.recentInspectionDays,
    asOf: values.asOf,
    strata: values.strata.map((row) =>
      row.mode === 'count'
        ? { riskClass: row.riskClass, count: row.count ?? 0 }
        : { riskClass: row.riskClass, basisPoints: percentToBasisPoints(row.percent ?? 0) },
    ),
    visitStart: values.visitStart,
    visitEnd: values.visitEnd,
    officersPerDepartment: departments.map((department) => ({ department, count: values.officers[department] ?? MIN_OFFICERS_BY_LAW })),
  };
}

/** One line of a parameter summary: what and its value, as words. */
export interface ParameterLine {
  key: string;
  label: string;
  value: string;
}

/**
 * The parameters as sentences, for the commitment step, the result and the printed receipt.
 * @param values - the parameters (from the form, or a saved draw through {@link parameterValuesOf})
 * @param leadDepartment - the department whose officer leads each team
 * @param names - department names (short)
 */
export function describeParameters(values: DrawParameterValues, leadDepartment: DepartmentCode, names: (department: DepartmentCode) => string): ParameterLine[] {
  const officers = (Object.entries(values.officers) as [DepartmentCode, number][])
    .sort(([a], [b]) => (a === leadDepartment ? -1 : b === leadDepartment ? 1 : 0))
    .map(([department, count]) => `${names(department)} ${count} 人`)
    .join('、');
  return [
    { key: 'batch', label: '批次', value: values.batch },
    { key: 'streets', label: '定向街道', value: values.streets.length ? values.streets.join('、') : '全部街道' },
    { key: 'notOperating', label: '非营业状态', value: values.excludeNotOperating ? '排除' : '不排除' },
    {
      key: 'recent',
      label: '近期已检查',
      value: values.recentInspectionDays > 0 ? `排除 ${values.asOf} 前 ${values.recentInspectionDays} 天内已检查且未发现问题的` : '不排除',
    },
    { key: 'asOf', label: '基准日期', value: values.asOf },
    {
      key: 'strata',
      label: '分层抽取',
      value: values.strata
        .map((row) => `${row.riskClass} 类 ${row.mode === 'count' ? `${row.count ?? 0} 家` : `${row.percent ?? 0}%（向上取整）`}`)
        .join('；'),
    },
    { key: 'visit', label: '检查期间', value: `${values.visitStart} 至 ${values.visitEnd}` },
    { key: 'officers', label: '每组人数', value: `${officers}；组长由${names(leadDepartment)}人员担任` },
  ];
}
