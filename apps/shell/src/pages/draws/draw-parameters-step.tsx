import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { CardHeading, departmentName, formatDateRange, RISK_CLASSES, riskClassLabel, useIsPhone, type DepartmentCode } from '@dr/ui';
import { IsoDatePicker, IsoDateRangePicker } from '@dr/ui';
import { MIN_OFFICERS_BY_LAW, roundingExample, type DrawParameterValues, type StratumRow } from '../../draw/draw-parameters';
import { useStreetOptions } from '../directories/use-street-options';

type FormValues = Omit<DrawParameterValues, 'visitStart' | 'visitEnd'> & { visitPeriod: [string, string] };

const CONTROL_CHARACTERS = /[\u0000-\u001f]/;

/** The plan particulars the parameters depend on. */
export interface DrawPlan {
  windowStart: string;
  windowEnd: string;
  leadDepartment: DepartmentCode;
  participatingDepartments: readonly DepartmentCode[];
}

/** Props of {@link DrawParametersStep}. */
export interface DrawParametersStepProps {
  plan: DrawPlan;
  initial: DrawParameterValues;
  /** For a redraw: the batch is the replaced draw's and the reason is asked for. */
  redraw: boolean;
  onNext: (values: DrawParameterValues) => void;
}

/** One stratum row: class, 比例 or 数量, and the value. */
function StratumFields({ name, index, onRemove, canRemove }: { name: number; index: number; onRemove: () => void; canRemove: boolean }) {
  const isPhone = useIsPhone();
  const mode = Form.useWatch(['strata', name, 'mode']) as StratumRow['mode'] | undefined;
  return (
    <Flex gap={8} align="start" wrap={isPhone} data-testid={`stratum-${index}`}>
      <Form.Item
        name={[name, 'riskClass']}
        rules={[
          { required: true, message: '请选择分类' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              const classes = (getFieldValue('strata') as StratumRow[]).map((row) => row?.riskClass);
              if (value && classes.filter((riskClass) => riskClass === value).length > 1) throw new Error('分类不能重复');
            },
          }),
        ]}
        style={{ width: isPhone ? '100%' : 150, marginBottom: 8 }}
      >
        <Select options={RISK_CLASSES.map((riskClass) => ({ value: riskClass.code, label: riskClassLabel(riskClass.code) }))} placeholder="信用风险分类" aria-label={`第 ${index + 1} 层信用风险分类`} />
      </Form.Item>
      <Form.Item name={[name, 'mode']} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          aria-label={`第 ${index + 1} 层按比例或按数量`}
          options={[
            { value: 'share', label: '比例' },
            { value: 'count', label: '数量' },
          ]}
        />
      </Form.Item>
      {mode === 'count' ? (
        <Form.Item name={[name, 'count']} rules={[{ required: true, message: '请填写数量' }]} style={{ flex: 1, minWidth: isPhone ? 96 : 140, marginBottom: 8 }}>
          <InputNumber min={0} max={1000000} precision={0} suffix="家" aria-label={`第 ${index + 1} 层抽取数量`} style={{ width: '100%' }} data-testid={`stratum-count-${index}`} />
        </Form.Item>
      ) : (
        <Form.Item name={[name, 'percent']} rules={[{ required: true, message: '请填写比例' }]} style={{ flex: 1, minWidth: isPhone ? 96 : 140, marginBottom: 8 }}>
          <InputNumber min={0.01} max={100} precision={2} suffix="%" aria-label={`第 ${index + 1} 层抽取比例`} style={{ width: '100%' }} data-testid={`stratum-percent-${index}`} />
        </Form.Item>
      )}
      <Button type="text" danger icon={<DeleteOutlined />} disabled={!canRemove} aria-label={`删除第 ${index + 1} 层`} onClick={onRemove} style={{ minWidth: 40, minHeight: 40 }} />
    </Flex>
  );
}

/**
 * Step 1 (参数): the batch, the filters and exclusions, the strata, the visit period inside the plan's
 * window and the team make-up. Everything here is fixed by the commitment of step 2.
 */
export function DrawParametersStep({ plan, initial, redraw, onNext }: DrawParametersStepProps) {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const streetOptions = useStreetOptions(initial.streets);
  const officers = Form.useWatch('officers', form) as FormValues['officers'] | undefined;
  const belowLaw = plan.participatingDepartments.filter((department) => (officers?.[department] ?? MIN_OFFICERS_BY_LAW) < MIN_OFFICERS_BY_LAW);
  const window = { start: plan.windowStart, end: plan.windowEnd };
  const departments = [plan.leadDepartment, ...plan.participatingDepartments.filter((department) => department !== plan.leadDepartment)];

  const finish = ({ visitPeriod, ...values }: FormValues) => onNext({ ...values, visitStart: visitPeriod[0], visitEnd: visitPeriod[1] });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ ...initial, visitPeriod: [initial.visitStart, initial.visitEnd] }}
      onFinish={finish}
      scrollToFirstError
      data-testid="draw-parameters"
    >
      <Card title={<CardHeading>批次与范围</CardHeading>} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          label="批次名称"
          name="batch"
          extra={redraw ? '重新抽取沿用原抽取的批次' : '同一批次只抽取一次；如需重新抽取，请在抽取记录中操作'}
          rules={[
            { required: true, whitespace: true, message: '请填写批次名称' },
            { max: 64, message: '批次名称不超过 64 个字符' },
            { validator: async (_rule, value: string | undefined) => {
              if (value && CONTROL_CHARACTERS.test(value)) throw new Error('批次名称不能含有控制字符');
            } },
          ]}
        >
          <Input disabled={redraw} placeholder="如 2022年第一批" data-testid="draw-batch" />
        </Form.Item>
        {redraw && (
          <Form.Item label="重新抽取理由" name="redrawReason" rules={[{ required: true, whitespace: true, message: '请填写重新抽取的理由' }, { max: 500, message: '理由不超过 500 字' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="draw-redraw-reason" />
          </Form.Item>
        )}
        <Form.Item label="定向街道" name="streets" extra="不选表示全部街道；定向抽取时选择或输入街道名称">
          <Select mode="tags" options={streetOptions} placeholder="全部街道" data-testid="draw-streets" />
        </Form.Item>
        <Flex gap={16} vertical={isPhone}>
          <Form.Item label="排除非营业状态" name="excludeNotOperating" valuePropName="checked" extra="停业、注销的检查对象不参加抽取" style={{ flex: 1 }}>
            <Switch checkedChildren="排除" unCheckedChildren="不排除" />
          </Form.Item>
          <Form.Item
            label="近期已检查排除天数"
            name="recentInspectionDays"
            extra="基准日期前此天数内已检查且未发现问题的不参加抽取；0 表示不排除"
            rules={[{ required: true, message: '请填写天数' }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={3650} precision={0} suffix="天" style={{ width: '100%' }} data-testid="draw-recent-days" />
          </Form.Item>
          <Form.Item label="基准日期" name="asOf" rules={[{ required: true, message: '请选择基准日期' }]} style={{ flex: 1 }}>
            <IsoDatePicker testId="draw-as-of" />
          </Form.Item>
        </Flex>
      </Card>

      <Card title={<CardHeading>分层抽取（按信用风险分类）</CardHeading>} size="small" style={{ marginBottom: 16 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="比例向上取整"
          description={`按比例抽取时，抽取数 = 符合条件的检查对象数 × 比例，向上取整；符合条件的不为零时至少抽取 1 家。${roundingExample(10, 23)}。按数量抽取时，超过符合条件数的按全部抽取。`}
        />
        <Form.List
          name="strata"
          rules={[
            { validator: async (_rule, rows: StratumRow[] | undefined) => {
              if (!rows?.length) throw new Error('至少需要一个分层');
            } },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              {fields.map((field, index) => (
                <StratumFields key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} canRemove={fields.length > 1} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'share' })} disabled={fields.length >= RISK_CLASSES.length}>
                添加分层
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>

      <Card title={<CardHeading>检查期间与检查组</CardHeading>} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          label="检查期间"
          name="visitPeriod"
          extra={`须在方案检查时间窗口 ${formatDateRange(plan.windowStart, plan.windowEnd)} 之内；执法证须在整个检查期间有效`}
          rules={[
            { required: true, message: '请选择检查期间' },
            { validator: async (_rule, value: [string, string] | undefined) => {
              if (value && (value[0] < plan.windowStart || value[1] > plan.windowEnd)) throw new Error('检查期间超出方案检查时间窗口');
            } },
          ]}
        >
          <IsoDateRangePicker window={window} testId="draw-visit-period" />
        </Form.Item>
        <Typography.Text strong>每组各部门人数</Typography.Text>
        <Flex gap={16} wrap style={{ marginTop: 8 }}>
          {departments.map((department) => (
            <Form.Item
              key={department}
              label={department === plan.leadDepartment ? `${departmentName(department)}（牵头，组长从中产生）` : departmentName(department)}
              name={['officers', department]}
              rules={[{ required: true, message: '请填写人数' }]}
              style={{ minWidth: 160 }}
            >
              <InputNumber min={1} max={10} precision={0} suffix="人" style={{ width: '100%' }} data-testid={`draw-officers-${department}`} />
            </Form.Item>
          ))}
        </Flex>
        <Alert
          type={belowLaw.length ? 'warning' : 'info'}
          showIcon
          title={
            belowLaw.length
              ? `${belowLaw.map((department) => departmentName(department)).join('、')}每组少于 2 人`
              : '每个部门每组 2 人'
          }
          description="《中华人民共和国行政处罚法》第四十二条规定，行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人。"
        />
      </Card>

      <Flex justify="end">
        <Button type="primary" htmlType="submit" data-testid="draw-parameters-next">
          下一步：种子承诺
        </Button>
      </Flex>
    </Form>
  );
}
