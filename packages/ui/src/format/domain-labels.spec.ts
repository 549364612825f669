import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RISK_CLASSES, INSPECTOR_STATUS_NAMES, VENUE_STATUS_NAMES } from '@dr/domain';
import { INSPECTOR_STATUS, RISK_CLASSES, riskClassColor, riskClassLabel, toDepartmentCode, VENUE_STATUS } from './domain-labels';

const labelsOf = (statuses: Record<string, { label: string }>) => Object.fromEntries(Object.entries(statuses).map(([code, status]) => [code, status.label]));

describe('labels kept in step with @dr/domain', () => {
  it('names the statuses and the credit-risk classes as the domain package does', () => {
    expect(labelsOf(VENUE_STATUS)).toEqual(VENUE_STATUS_NAMES);
    expect(labelsOf(INSPECTOR_STATUS)).toEqual(INSPECTOR_STATUS_NAMES);
    expect(RISK_CLASSES.map(({ code, name }) => ({ code, name }))).toEqual(DEFAULT_RISK_CLASSES);
  });

  it('shows a class a plan configured itself by its code', () => {
    expect(riskClassLabel('D')).toBe('D 类（失信）');
    expect(riskClassLabel('E')).toBe('E 类');
    expect(riskClassColor('E')).toBe('default');
  });

  it('maps the domain department codes to the API enum', () => {
    expect(toDepartmentCode('culture')).toBe('CULTURE');
  });
});
