/** 检查结果代码 4: 通过登记的住所或经营场所无法联系 (R-RES-2). */
export const UNREACHABLE_RESULT_CODE = 4;

/**
 * 《企业经营异常名录管理暂行办法》第四条: a business that cannot be reached at its registered address or
 * place of business is listed in 经营异常名录. To be confirmed by a legal officer (须经法制审核人员确认).
 */
export const UNREACHABLE_LISTING = {
  reason: '通过登记的住所或者经营场所无法联系',
  legalBasis: '《企业经营异常名录管理暂行办法》第四条',
} as const;

/** Whether published result codes propose listing the business in 经营异常名录. */
export function proposesAbnormalListing(resultCodes: readonly number[]): boolean {
  return resultCodes.includes(UNREACHABLE_RESULT_CODE);
}
