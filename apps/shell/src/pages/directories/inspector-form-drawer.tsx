import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, AutoComplete, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { DEPARTMENT_NAMES, INSPECTOR_STATUS, useIsPhone, type DepartmentCode, type InspectorStatusCode } from '@dr/ui';
import { CreateInspectorDocument, UpdateInspectorDocument, type InspectorInput, type InspectorRowFragment } from '../../generated/graphql';
import { FormDrawer } from '../../components/form-drawer';
import { showServerError } from '../../components/form-server-error';
import { IsoDatePicker } from '@dr/ui';
import { VenuePicker } from './venue-picker';

interface ConflictValues {
  venueId?: string;
  relation?: string;
  reason?: string;
}

interface InspectorFormValues {
  name: string;
  department: DepartmentCode;
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidUntil: string;
  status: InspectorStatusCode;
  expertise: string[];
  conflicts: ConflictValues[];
}

const FIELDS: readonly (keyof InspectorFormValues)[] = ['name', 'department', 'certificateNumber', 'certificateValidFrom', 'certificateValidUntil', 'status', 'expertise', 'conflicts'];
const RELATIONS = ['近亲属', '曾任职', '投资关系', '其他利害关系'].map((value) => ({ value }));

function toInput(values: InspectorFormValues): InspectorInput {
  return {
    name: values.name.trim(),
    department: values.department,
    certificateNumber: values.certificateNumber.trim(),
    certificateValidFrom: values.certificateValidFrom,
    certificateValidUntil: values.certificateValidUntil,
    status: values.status,
    expertise: [...new Set(values.expertise.map((item) => item.trim()).filter(Boolean))],
    conflicts: values.conflicts.map((conflict) => ({ venueId: conflict.venueId ?? '', relation: (conflict.relation ?? '').trim(), reason: (conflict.reason ?? '').trim() })),
  };
}

function toValues(inspector: InspectorRowFragment | null, department: DepartmentCode | null): Partial<InspectorFormValues> {
  if (!inspector) return { department: department ?? undefined, status: 'ACTIVE', expertise: [], conflicts: [] };
  return {
    name: inspector.name,
    department: inspector.department,
    certificateNumber: inspector.certificateNumber,
    certificateValidFrom: inspector.certificateValidFrom ?? undefined,
    certificateValidUntil: inspector.certificateValidUntil ?? undefined,
    status: inspector.status,
    expertise: [...inspector.expertise],
    // Whoever may edit an officer may read the declarations, so null never reaches an edit.
    conflicts: (inspector.conflicts ?? []).map(({ venueId, relation, reason }) => ({ venueId, relation, reason })),
  };
}

/** Props of {@link InspectorFormDrawer}. */
export interface InspectorFormDrawerProps {
  open: boolean;
  /** The officer to edit; null to add one. */
  inspector: InspectorRowFragment | null;
  /** The only department a department admin may choose; null for the joint office (any). */
  ownDepartment: DepartmentCode | null;
  onClose: () => void;
  onSaved: (inspector: InspectorRowFragment) => void;
}

/**
 * Adds or edits an enforcement officer with the 执法证 and the declared conflicts of interest (回避申报),
 * each naming a venue found by search. A department admin keeps only the department's own officers.
 */
export function InspectorFormDrawer({ open, inspector, ownDepartment, onClose, onSaved }: InspectorFormDrawerProps) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectorFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [createInspector, created] = useMutation(CreateInspectorDocument);
  const [updateInspector, updated] = useMutation(UpdateInspectorDocument);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toValues(inspector, ownDepartment));
    setFormError(null);
  }, [open, inspector, ownDepartment, form]);

  const submit = async (values: InspectorFormValues) => {
    setFormError(null);
    try {
      const input = toInput(values);
      const saved = inspector
        ? (await updateInspector({ variables: { id: inspector.id, input } })).data?.updateInspector
        : (await createInspector({ variables: { input } })).data?.createInspector;
      if (!saved) return;
      message.success(inspector ? '执法人员信息已保存' : '执法人员已新增');
      onSaved(saved);
    } catch (error) {
      setFormError(showServerError(form, error, FIELDS, { texts: { FORBIDDEN: '只能维护本部门的执法检查人员' } }));
    }
  };

  const departments = (Object.keys(DEPARTMENT_NAMES) as DepartmentCode[]).filter((code) => !ownDepartment || code === ownDepartment);

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={inspector ? `编辑执法人员：${inspector.name}` : '新增执法人员'}
      width={600}
      onSubmit={() => form.submit()}
      saving={created.loading || updated.loading}
      error={formError}
      testId="inspector-form"
    >
      <Form<InspectorFormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不超过 50 个字符' }]}>
          <Input data-testid="inspector-name" />
        </Form.Item>
        <Form.Item label="所属部门" name="department" rules={[{ required: true, message: '请选择所属部门' }]}>
          <Select disabled={!!ownDepartment} options={departments.map((code) => ({ value: code, label: DEPARTMENT_NAMES[code].full }))} data-testid="inspector-department" />
        </Form.Item>
        <Form.Item label="执法证号" name="certificateNumber" rules={[{ required: true, whitespace: true, message: '请填写执法证号' }, { max: 50, message: '执法证号不超过 50 个字符' }]}>
          <Input data-testid="inspector-certificate" />
        </Form.Item>
        <Flex gap={12} vertical={isPhone}>
          <Form.Item label="执法证有效期起" name="certificateValidFrom" rules={[{ required: true, message: '请选择有效期起' }]} style={{ flex: 1 }}>
            <IsoDatePicker testId="inspector-valid-from" />
          </Form.Item>
          <Form.Item
            label="执法证有效期至"
            name="certificateValidUntil"
            dependencies={['certificateValidFrom']}
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请选择有效期至' },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const from = getFieldValue('certificateValidFrom') as string | undefined;
                  if (value && from && value < from) throw new Error('执法证有效期止不能早于有效期起');
                },
              }),
            ]}
          >
            <IsoDatePicker testId="inspector-valid-until" />
          </Form.Item>
        </Flex>
        <Form.Item label="在岗状态" name="status" extra="请假人员不参加抽取" rules={[{ required: true, message: '请选择在岗状态' }]}>
          <Select options={(Object.keys(INSPECTOR_STATUS) as InspectorStatusCode[]).map((code) => ({ value: code, label: INSPECTOR_STATUS[code].label }))} />
        </Form.Item>
        <Form.Item
          label="专业领域"
          name="expertise"
          rules={[
            { type: 'array', max: 20, message: '专业领域不超过 20 项' },
            { validator: async (_rule, value: string[] | undefined) => {
              if (value?.some((item) => item.trim().length > 30)) throw new Error('每个专业领域不超过 30 个字符');
            } },
          ]}
        >
          <Select mode="tags" placeholder="输入后按回车添加，如 网络文化、消防监督" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Typography.Title level={5}>回避申报</Typography.Title>
        <Typography.Paragraph type="secondary">与检查对象存在利害关系的，应当申报回避；抽取时不会将其派往该检查对象。</Typography.Paragraph>
        <Form.List name="conflicts">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={12} data-testid="inspector-conflicts">
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`回避申报 ${index + 1}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label="删除此项回避申报" onClick={() => remove(field.name)} style={{ minWidth: 40, minHeight: 40 }} />}
                >
                  <Form.Item label="回避的检查对象" name={[field.name, 'venueId']} rules={[{ required: true, message: '请选择检查对象' }]}>
                    <VenuePicker testId={`conflict-venue-${index}`} />
                  </Form.Item>
                  <Form.Item label="关系" name={[field.name, 'relation']} rules={[{ required: true, whitespace: true, message: '请填写关系' }, { max: 50, message: '关系不超过 50 个字符' }]}>
                    <AutoComplete options={RELATIONS} placeholder="如 近亲属、曾任职" data-testid={`conflict-relation-${index}`} />
                  </Form.Item>
                  <Form.Item label="原因" name={[field.name, 'reason']} rules={[{ required: true, whitespace: true, message: '请填写回避原因' }, { max: 200, message: '原因不超过 200 个字符' }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`conflict-reason-${index}`} />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="conflict-add">
                添加回避申报
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
