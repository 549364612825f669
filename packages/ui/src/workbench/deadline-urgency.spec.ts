import { describe, expect, it } from '@jest/globals';
import { deadlineText, deadlineUrgency, REMINDER_WORKING_DAYS } from './deadline-urgency';

describe('deadline urgency on the workbench', () => {
  it('overdue wins over any days left, and is said in words', () => {
    expect(deadlineUrgency({ overdue: true, workingDaysLeft: 2 })).toBe('OVERDUE');
    expect(deadlineText({ overdue: true, workingDaysLeft: -4 })).toBe('已超期 4 个工作日');
    expect(deadlineText({ overdue: true, workingDaysLeft: null })).toBe('已超期');
  });

  it(`reminds within ${REMINDER_WORKING_DAYS} working days, the last day included`, () => {
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: 0 })).toBe('DUE_SOON');
    expect(deadlineText({ overdue: false, workingDaysLeft: 0 })).toBe('今天到期');
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: REMINDER_WORKING_DAYS })).toBe('DUE_SOON');
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: REMINDER_WORKING_DAYS + 1 })).toBe('ON_TIME');
    expect(deadlineText({ overdue: false, workingDaysLeft: 8 })).toBe('还剩 8 个工作日');
  });

  it('nothing to meet once done or without a deadline', () => {
    expect(deadlineUrgency({ overdue: false, workingDaysLeft: null })).toBe('NONE');
    expect(deadlineText({ overdue: false })).toBe('');
  });
});
