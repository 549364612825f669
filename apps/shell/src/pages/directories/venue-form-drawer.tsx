import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, AutoComplete, Form, Input, InputNumber, Select } from 'antd';
import { RISK_CLASSES, riskClassLabel, VENUE_STATUS, type VenueStatusCode } from '@dr/ui';
import { CreateVenueDocument, UpdateVenueDocument, type VenueInput, type VenueRowFragment } from '../../generated/graphql';
import { FormDrawer } from '../../components/form-drawer';
import { showServerError } from '../../components/form-server-error';
import { venueCodeProblem } from './venue-code';

interface VenueFormValues {
  name: string;
  uscc: string;
  licenseNumber?: string;
  address: string;
  street: string;
  legalRepresentative?: string;
  contactPerson?: string;
  phone?: string;
  terminals?: number | null;
  status: VenueStatusCode;
  riskClass: string;
}

const FIELDS: readonly (keyof VenueFormValues)[] = ['name', 'uscc', 'licenseNumber', 'address', 'street', 'legalRepresentative', 'contactPerson', 'phone', 'terminals', 'status', 'riskClass'];
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function toInput(values: VenueFormValues): VenueInput {
  return {
    name: values.name.trim(),
    uscc: values.uscc.trim().toUpperCase(),
    licenseNumber: blank(values.licenseNumber),
    address: values.address.trim(),
    street: values.street.trim(),
    legalRepresentative: blank(values.legalRepresentative),
    contactPerson: blank(values.contactPerson),
    phone: blank(values.phone),
    terminals: values.terminals ?? null,
    status: values.status,
    riskClass: values.riskClass,
  };
}

function toValues(venue: VenueRowFragment | null): Partial<VenueFormValues> {
  if (!venue) return { status: 'OPERATING' };
  return {
    name: venue.name,
    uscc: venue.uscc,
    licenseNumber: venue.licenseNumber ?? undefined,
    address: venue.address,
    street: venue.street,
    legalRepresentative: venue.legalRepresentative ?? undefined,
    contactPerson: venue.contactPerson ?? undefined,
    phone: venue.phone ?? undefined,
    terminals: venue.terminals ?? null,
    status: venue.status,
    riskClass: venue.riskClass,
  };
}

/** Props of {@link VenueFormDrawer}. */
export interface VenueFormDrawerProps {
  open: boolean;
  /** The venue to edit; null to add one. */
  venue: VenueRowFragment | null;
  streetOptions: { value: string; label: string }[];
  onClose: () => void;
  /** Called with the saved venue. */
  onSaved: (venue: VenueRowFragment) => void;
}

/**
 * Adds or edits a venue of the object directory (joint office only). The code is checked in the
 * browser exactly as the server checks it; what only the server knows (a code another venue holds)
 * comes back on the field it names.
 */
export function VenueFormDrawer({ open, venue, streetOptions, onClose, onSaved }: VenueFormDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [createVenue, created] = useMutation(CreateVenueDocument);
  const [updateVenue, updated] = useMutation(UpdateVenueDocument);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toValues(venue));
    setFormError(null);
  }, [open, venue, form]);

  const riskOptions = RISK_CLASSES.map((riskClass) => ({ value: riskClass.code, label: riskClassLabel(riskClass.code) }));
  if (venue && !riskOptions.some((option) => option.value === venue.riskClass)) riskOptions.push({ value: venue.riskClass, label: riskClassLabel(venue.riskClass) });

  const submit = async (values: VenueFormValues) => {
    setFormError(null);
    try {
      const input = toInput(values);
      const saved = venue ? (await updateVenue({ variables: { id: venue.id, input } })).data?.updateVenue : (await createVenue({ variables: { input } })).data?.createVenue;
      if (!saved) return;
      message.success(venue ? '检查对象已保存' : '检查对象已新增');
      onSaved(saved);
    } catch (error) {
      setFormError(showServerError(form, error, FIELDS, { texts: { FORBIDDEN: '只有联席办管理员可以维护检查对象名录' } }));
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={venue ? `编辑检查对象：${venue.name}` : '新增检查对象'}
      onSubmit={() => form.submit()}
      saving={created.loading || updated.loading}
      error={formError}
      testId="venue-form"
    >
      <Form<VenueFormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 200, message: '名称不超过 200 个字符' }]}>
          <Input placeholder="营业执照上的名称" data-testid="venue-name" />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          normalize={(value: string) => value.toUpperCase()}
          extra="18 位统一社会信用代码；尚未换照的可填 15 位原工商注册号，系统将标记为旧注册号"
          rules={[
            { required: true, whitespace: true, message: '请填写统一社会信用代码' },
            { validator: async (_rule, value: string | undefined) => {
              const problem = value ? venueCodeProblem(value) : null;
              if (problem) throw new Error(problem);
            } },
          ]}
        >
          <Input maxLength={18} data-testid="venue-uscc" />
        </Form.Item>
        <Form.Item label="网络文化经营许可证编号" name="licenseNumber" rules={[{ max: 64, message: '许可证编号不超过 64 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="经营场所地址" name="address" rules={[{ required: true, whitespace: true, message: '请填写经营场所地址' }, { max: 300, message: '地址不超过 300 个字符' }]}>
          <Input data-testid="venue-address" />
        </Form.Item>
        <Form.Item label="所属街道" name="street" rules={[{ required: true, whitespace: true, message: '请填写所属街道' }, { max: 50, message: '街道名称不超过 50 个字符' }]}>
          <AutoComplete options={streetOptions} placeholder="选择或输入街道" filterOption={(input, option) => String(option?.value ?? '').includes(input)} data-testid="venue-street" />
        </Form.Item>
        <Form.Item label="信用风险分类" name="riskClass" rules={[{ required: true, message: '请选择信用风险分类' }]}>
          <Select options={riskOptions} data-testid="venue-risk-class" />
        </Form.Item>
        <Form.Item label="经营状态" name="status" rules={[{ required: true, message: '请选择经营状态' }]}>
          <Select options={(Object.keys(VENUE_STATUS) as VenueStatusCode[]).map((code) => ({ value: code, label: VENUE_STATUS[code].label }))} />
        </Form.Item>
        <Form.Item label="法定代表人（负责人）" name="legalRepresentative" rules={[{ max: 50, message: '不超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="联系人" name="contactPerson" rules={[{ max: 50, message: '不超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[{ pattern: PHONE, message: '联系电话应为 11 位手机号或带区号的固定电话' }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item label="终端台数" name="terminals">
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
