import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateRange, formatDateTime, todayInChina } from './date-format';
import { departmentName } from './domain-labels';

describe('date formatting as official documents write dates', () => {
  it('writes a plan day without leading zeros (R-PLAN-1: 2022-07-26 … 2022-12-31)', () => {
    expect(formatDate('2022-07-26')).toBe('2022年7月26日');
    expect(formatDateRange('2022-07-26', '2022-12-31')).toBe('2022年7月26日至2022年12月31日');
  });

  it('shows timestamps in China Standard Time whatever the browser zone', () => {
    expect(formatDateTime('2022-07-25T16:30:00.000Z')).toBe('2022年7月26日 00:30');
    expect(formatDate('2022-07-25T16:30:00.000Z')).toBe('2022年7月26日');
  });

  it('takes today in China Standard Time, where the day starts 8 hours before UTC', () => {
    expect(todayInChina(new Date('2022-07-25T16:30:00.000Z'))).toBe('2022-07-26');
    expect(todayInChina(new Date('2022-07-25T15:59:00.000Z'))).toBe('2022-07-25');
  });

  it('shows a dash for missing values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});

describe('departmentName', () => {
  it('gives the short name for tabs and the full name for documents', () => {
    expect(departmentName('MARKET')).toBe('市场监管');
    expect(departmentName('FIRE', 'full')).toBe('卫东区消防救援大队');
  });
});
