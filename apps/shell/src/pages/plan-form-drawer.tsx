import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Checkbox, Flex, Form, Input, Select } from 'antd';
import { copiedPlanFields, planProblems, type Department, type PlanFields } from '@dr/domain';
import { DEPARTMENT_NAMES, IsoDatePicker, useIsPhone, type DepartmentCode } from '@dr/ui';
import { CreatePlanDocument, UpdatePlanDocument, type PlanFormFieldsFragment, type PlanInput } from '../generated/graphql';
import { FormDrawer } from '../components/form-drawer';
import { showServerError } from '../components/form-server-error';

type PlanFormValues = Omit<PlanInput, 'annualPlan'> & { annualPlan?: string };

const FIELDS: readonly (keyof PlanFormValues)[] = ['title', 'documentNumber', 'issueDate', 'objectType', 'windowStart', 'windowEnd', 'participatingDepartments', 'leadDepartment', 'annualPlan', 'reportingDeadline', 'reportTo'];
const CODES = Object.keys(DEPARTMENT_NAMES) as DepartmentCode[];
const toDomain = (code: DepartmentCode) => code.toLowerCase() as Department;
const toCode = (department: Department) => department.toUpperCase() as DepartmentCode;

function toFields(values: PlanFormValues): PlanFields {
  return {
    title: (values.title ?? '').trim(),
    documentNumber: (values.documentNumber ?? '').trim(),
    issueDate: values.issueDate ?? '',
    objectType: (values.objectType ?? '').trim(),
    windowStart: values.windowStart ?? '',
    windowEnd: values.windowEnd ?? '',
    participatingDepartments: (values.participatingDepartments ?? []).map(toDomain),
    leadDepartment: values.leadDepartment ? toDomain(values.leadDepartment) : ('' as Department),
    annualPlan: (values.annualPlan ?? '').trim(),
    reportingDeadline: values.reportingDeadline ?? '',
    reportTo: values.reportTo ? toDomain(values.reportTo) : ('' as Department),
  };
}

function toValues(fields: PlanFields): PlanFormValues {
  return {
    ...fields,
    participatingDepartments: fields.participatingDepartments.map(toCode),
    leadDepartment: toCode(fields.leadDepartment),
    reportTo: toCode(fields.reportTo),
  };
}

function fieldsOf(plan: PlanFormFieldsFragment): PlanFields {
  return toFields({ ...plan, annualPlan: plan.annualPlan });
}

/** What the drawer does: set up a new plan, copy last year's, or edit one not yet drawn. */
export type PlanFormMode = { kind: 'create' } | { kind: 'copy'; from: PlanFormFieldsFragment } | { kind: 'edit'; plan: PlanFormFieldsFragment };

/** Props of {@link PlanFormDrawer}. */
export interface PlanFormDrawerProps {
  mode: PlanFormMode | null;
  onClose: () => void;
  onSaved: (plan: PlanFormFieldsFragment) => void;
}

/**
 * 新建计划 / 复制上年计划 / 修改计划 (R-PLAN-1). The rules between fields are the server's own
 * (`planProblems`, run here as the user types); anything the server still refuses lands on its field.
 */
export function PlanFormDrawer({ mode, onClose, onSaved }: PlanFormDrawerProps) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [createPlan, created] = useMutation(CreatePlanDocument);
  const [updatePlan, updated] = useMutation(UpdatePlanDocument);
  const participating = Form.useWatch('participatingDepartments', form) ?? [];

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') form.setFieldsValue(toValues(fieldsOf(mode.plan)));
    else if (mode.kind === 'copy') form.setFieldsValue(toValues(copiedPlanFields(fieldsOf(mode.from))));
    else form.setFieldsValue({ objectType: '互联网上网服务营业场所', participatingDepartments: [...CODES], leadDepartment: 'CULTURE', reportTo: 'MARKET' });
    setFormError(null);
  }, [mode, form]);

  const submit = async (values: PlanFormValues) => {
    setFormError(null);
    const fields = toFields(values);
    const problems = planProblems(fields);
    if (problems.length) {
      form.setFields(problems.map((problem) => ({ name: problem.field, errors: [problem.message] })));
      return;
    }
    const input: PlanInput = toValues(fields);
    try {
      const saved =
        mode?.kind === 'edit'
          ? (await updatePlan({ variables: { id: mode.plan.id, input } })).data?.updatePlan
          : (await createPlan({ variables: { input: { ...input, copyFromPlanId: mode?.kind === 'copy' ? mode.from.id : null } } })).data?.createPlan;
      if (!saved) return;
      message.success(mode?.kind === 'edit' ? '计划已保存' : '计划已建立；各部门的检查事项随后可在“检查事项”中维护');
      onSaved(saved);
    } catch (error) {
      setFormError(showServerError(form, error, FIELDS, { texts: { FORBIDDEN: '只有联席办可以建立和修改抽查计划' } }));
    }
  };

  const title = mode?.kind === 'edit' ? '修改计划' : mode?.kind === 'copy' ? '复制上年计划' : '新建计划';
  const dateRule = (label: string) => ({ required: true, message: `请选择${label}` });

  return (
    <FormDrawer open={!!mode} onClose={onClose} title={title} width={640} onSubmit={() => form.submit()} saving={created.loading || updated.loading} error={formError} testId="plan-form">
      <Form<PlanFormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item label="计划名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }, { max: 200, message: '计划名称不超过 200 个字符' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="plan-title" />
        </Form.Item>
        <Flex gap={12} vertical={isPhone}>
          <Form.Item label="文号" name="documentNumber" style={{ flex: 1 }} extra="如 平卫双随机办〔2023〕5号" rules={[{ required: true, whitespace: true, message: '请填写文号' }, { max: 64, message: '文号不超过 64 个字符' }]}>
            <Input data-testid="plan-document-number" />
          </Form.Item>
          <Form.Item label="印发日期" name="issueDate" style={{ flex: 1 }} rules={[dateRule('印发日期')]}>
            <IsoDatePicker testId="plan-issue-date" />
          </Form.Item>
        </Flex>
        <Form.Item label="检查对象类型" name="objectType" rules={[{ required: true, whitespace: true, message: '请填写检查对象类型' }, { max: 100, message: '不超过 100 个字符' }]}>
          <Input data-testid="plan-object-type" />
        </Form.Item>
        <Flex gap={12} vertical={isPhone}>
          <Form.Item label="检查开始日期" name="windowStart" style={{ flex: 1 }} rules={[dateRule('检查开始日期')]}>
            <IsoDatePicker testId="plan-window-start" />
          </Form.Item>
          <Form.Item label="检查结束日期" name="windowEnd" style={{ flex: 1 }} dependencies={['windowStart']} rules={[dateRule('检查结束日期')]}>
            <IsoDatePicker testId="plan-window-end" />
          </Form.Item>
        </Flex>
        <Form.Item label="参与部门" name="participatingDepartments" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个参与部门' }]}>
          <Checkbox.Group options={CODES.map((code) => ({ value: code, label: DEPARTMENT_NAMES[code].full }))} data-testid="plan-departments" />
        </Form.Item>
        <Form.Item label="牵头部门" name="leadDepartment" extra="检查组组长从牵头部门执法人员中产生" rules={[{ required: true, message: '请选择牵头部门' }]}>
          <Select options={CODES.filter((code) => participating.includes(code)).map((code) => ({ value: code, label: DEPARTMENT_NAMES[code].full }))} data-testid="plan-lead" />
        </Form.Item>
        <Form.Item label="所依据的年度计划" name="annualPlan" rules={[{ max: 300, message: '不超过 300 个字符' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Flex gap={12} vertical={isPhone}>
          <Form.Item label="工作总结报送截止日期" name="reportingDeadline" style={{ flex: 1 }} rules={[dateRule('报送截止日期')]}>
            <IsoDatePicker testId="plan-reporting-deadline" />
          </Form.Item>
          <Form.Item label="报送单位" name="reportTo" style={{ flex: 1 }} rules={[{ required: true, message: '请选择报送单位' }]}>
            <Select options={CODES.map((code) => ({ value: code, label: DEPARTMENT_NAMES[code].full }))} data-testid="plan-report-to" />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
