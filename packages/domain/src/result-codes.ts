/**
 * R-RES-2: each department's inspection result is one of these ten codes (抽查检查结果).
 * The numbers are the ones the national publicity system uses; never renumber them.
 */
export const RESULT_CODES = [
  { code: 1, key: 'NO_PROBLEM', label: '未发现问题' },
  { code: 2, key: 'NOT_PUBLISHED', label: '未按规定公示应当公示的信息' },
  { code: 3, key: 'PUBLISHED_FALSE', label: '公示信息隐瞒真实情况弄虚作假' },
  { code: 4, key: 'UNREACHABLE', label: '通过登记的住所(经营场所)无法联系' },
  { code: 5, key: 'ORDERED_TO_RECTIFY', label: '发现问题已责令改正' },
  { code: 6, key: 'REFUSED_SERIOUS', label: '不配合检查情节严重' },
  { code: 7, key: 'ACTIVITY_NOT_FOUND', label: '未发现本次抽查涉及的经营活动' },
  { code: 8, key: 'PENDING_FOLLOW_UP', label: '发现问题待后续处理' },
  { code: 9, key: 'QUALIFIED', label: '合格' },
  { code: 10, key: 'NOT_QUALIFIED', label: '不合格' },
] as const;

export type ResultCode = (typeof RESULT_CODES)[number]['code'];
export type ResultKey = (typeof RESULT_CODES)[number]['key'];

export function resultLabel(code: number): string | undefined {
  return RESULT_CODES.find((r) => r.code === code)?.label;
}

export function isResultCode(value: unknown): value is ResultCode {
  return typeof value === 'number' && RESULT_CODES.some((r) => r.code === value);
}
