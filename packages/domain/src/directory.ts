/** Business status of a venue in the object directory. */
export const VENUE_STATUSES = ['OPERATING', 'SUSPENDED', 'CLOSED'] as const;
export type VenueStatusCode = (typeof VENUE_STATUSES)[number];
export const VENUE_STATUS_NAMES: Record<VenueStatusCode, string> = { OPERATING: '营业', SUSPENDED: '停业', CLOSED: '注销' };

/** Whether a venue's code is an 18-character USCC or a legacy 15-digit business registration number (flagged). */
export type CodeKind = 'USCC' | 'LEGACY_REGISTRATION';

/** Default credit-risk classes (信用风险分类); a plan may configure its own. */
export const DEFAULT_RISK_CLASSES = [
  { code: 'A', name: '守信' },
  { code: 'B', name: '一般' },
  { code: 'C', name: '警示' },
  { code: 'D', name: '失信' },
] as const;

/** Whether an officer can be drawn: on duty, or on leave (请假) and so never drawn. */
export const INSPECTOR_STATUSES = ['ACTIVE', 'ON_LEAVE'] as const;
export type InspectorStatusCode = (typeof INSPECTOR_STATUSES)[number];
export const INSPECTOR_STATUS_NAMES: Record<InspectorStatusCode, string> = { ACTIVE: '在岗', ON_LEAVE: '请假' };

/**
 * Legacy 15-digit business registration number (工商注册号, before the USCC): the last digit checks the
 * first 14 with ISO 7064 MOD 11,10 (GB/T 17710).
 */
export function isValidRegistrationNumber(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  let product = 10;
  for (let i = 0; i < 14; i++) {
    let sum = (product + Number(value[i])) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (product + Number(value[14])) % 10 === 1;
}
