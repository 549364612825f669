import { PLAN_2022 } from './plan';
import { copiedPlanFields, planProblems, type PlanFields } from './plan-rules';

const { id: _id, issuingOffice: _office, ...valid } = PLAN_2022;
const fields = (change: Partial<PlanFields>): PlanFields => ({ ...valid, ...change });

describe('R-PLAN-1 plan fields', () => {
  it('the 2022 plan as issued has no problem', () => {
    expect(planProblems(valid)).toEqual([]);
  });

  it('refuses a window that ends before it starts, naming the end date', () => {
    expect(planProblems(fields({ windowStart: '2023-07-01', windowEnd: '2023-06-30', reportingDeadline: '2023-07-01' }))).toEqual([
      { field: 'windowEnd', message: '检查结束日期（2023-06-30）早于开始日期（2023-07-01）' },
    ]);
  });

  it('refuses a department listed twice, by its Chinese name', () => {
    expect(planProblems(fields({ participatingDepartments: ['culture', 'market', 'culture'] }))).toEqual([
      { field: 'participatingDepartments', message: '参与部门“卫东区文化广电和旅游局”重复' },
    ]);
  });

  it('refuses a lead department that does not take part, and a missing one', () => {
    expect(planProblems(fields({ participatingDepartments: ['market', 'fire'] }))).toEqual([
      { field: 'leadDepartment', message: '牵头部门“卫东区文化广电和旅游局”不在参与部门中' },
    ]);
    expect(planProblems(fields({ leadDepartment: '' as never }))[0]).toEqual({ field: 'leadDepartment', message: '请选择牵头部门' });
  });

  it('refuses no department, an unreal date and empty names', () => {
    expect(planProblems(fields({ participatingDepartments: [] })).map((p) => p.field)).toEqual(['participatingDepartments', 'leadDepartment']);
    expect(planProblems(fields({ windowStart: '2022-02-30' })).map((p) => p.field)).toEqual(['windowStart']);
    expect(planProblems(fields({ title: '', documentNumber: '', objectType: '' })).map((p) => p.field)).toEqual(['title', 'documentNumber', 'objectType']);
  });

  it('refuses a reporting deadline before the window opens', () => {
    expect(planProblems(fields({ reportingDeadline: '2022-07-01' })).map((p) => p.field)).toEqual(['reportingDeadline']);
  });
});

describe('copying last year\'s plan', () => {
  it('keeps the departments, lead, object type and recipient and moves every date on a year', () => {
    const copy = copiedPlanFields(valid);
    expect(copy).toMatchObject({
      documentNumber: '',
      windowStart: '2023-07-26',
      windowEnd: '2023-12-31',
      issueDate: '2023-07-21',
      reportingDeadline: '2023-12-01',
      leadDepartment: 'culture',
      participatingDepartments: ['culture', 'market', 'fire'],
      objectType: '互联网上网服务营业场所',
      reportTo: 'market',
      annualPlan: '《平顶山市卫东区2023年度市场监管领域“双随机、一公开”部门联合监督检查工作计划》',
    });
    expect(copy.participatingDepartments).not.toBe(valid.participatingDepartments);
  });

  it('moves 29 February to 28 February', () => {
    expect(copiedPlanFields(fields({ windowStart: '2024-02-29' })).windowStart).toBe('2025-02-28');
  });
});
