import { describe, expect, it } from '@jest/globals';
import { auditActionLabel, auditActorLabel, auditObjectLabel, chinaDayRange } from './audit-labels';

describe('audit trail labels', () => {
  it('names stored codes in Chinese, and never shows a table name for one it does not know', () => {
    expect(auditActionLabel('file.read')).toBe('下载文件');
    expect(auditObjectLabel('department_section')).toBe('检查记录');
    expect(auditObjectLabel('some_new_table')).toBe('其他记录');
    expect(auditActorLabel('system')).toBe('系统');
  });

  it('turns China days into the instants of their whole span', () => {
    expect(chinaDayRange(['2026-05-01', '2026-05-02'])).toEqual({ from: '2026-04-30T16:00:00.000Z', to: '2026-05-02T15:59:59.999Z' });
  });
});
