import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Checkbox, Flex, Form, Input, Radio } from 'antd';
import { FormDrawer } from '../components/form-drawer';
import { showServerError } from '../components/form-server-error';
import { RecordNoticeDocument, type NoticeMode, type VisitArrangementFragment } from '../generated/graphql';
import { MomentPicker } from './clock-pickers';
import { prepareItems, prepareText } from './notice-text';
import { DEFAULT_PREPARE_ITEMS, NOTICE_MODE_ORDER, NOTICE_MODES, UNDISCLOSED_TEXT } from './visit-labels';

interface NoticeValues {
  mode: NoticeMode;
  noticeAt: string | null;
  /** The usual materials that were ticked. */
  prepare: string[];
  /** Anything else, one item a line. */
  prepareOther: string;
}

const FIELDS = ['mode', 'noticeAt', 'prepare'] as const;

function valuesOf(inspection: VisitArrangementFragment): NoticeValues {
  const notice = inspection.notice;
  if (!notice || !notice.prepare) {
    return { mode: notice?.mode ?? 'WRITTEN', noticeAt: notice?.noticeAt ?? new Date().toISOString(), prepare: [...DEFAULT_PREPARE_ITEMS], prepareOther: '' };
  }
  const items = prepareItems(notice.prepare);
  return {
    mode: notice.mode,
    noticeAt: notice.noticeAt ?? new Date().toISOString(),
    prepare: items.filter((item) => DEFAULT_PREPARE_ITEMS.includes(item)),
    prepareOther: items.filter((item) => !DEFAULT_PREPARE_ITEMS.includes(item)).join('\n'),
  };
}

/** Props of {@link RecordNoticeDrawer}. */
export interface RecordNoticeDrawerProps {
  open: boolean;
  inspection: VisitArrangementFragment;
  onClose: () => void;
}

/**
 * R-NOTE-1: how and when the venue was told of the visit and what it must have ready; or that the
 * visit is not disclosed, in which case nothing is told and no letter issued.
 */
export function RecordNoticeDrawer({ open, inspection, onClose }: RecordNoticeDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeValues>();
  const mode = Form.useWatch('mode', form);
  const [formError, setFormError] = useState<string | null>(null);
  const [recordNotice, { loading }] = useMutation(RecordNoticeDocument);
  const undisclosed = mode === 'UNDISCLOSED';
  // Visit times are China Standard Time whatever the browser's zone.
  const visitStart = inspection.scheduledDate && inspection.visitStartTime ? new Date(`${inspection.scheduledDate}T${inspection.visitStartTime}:00+08:00`) : null;

  // The form is filled when the drawer opens, not again while the user types: the inspection object
  // changes whenever any screen's query touches it in the cache (a department tab loading).
  const latest = useRef(inspection);
  latest.current = inspection;
  useEffect(() => {
    if (!open) return;
    const current = latest.current;
    form.resetFields();
    form.setFieldsValue(valuesOf(current));
    setFormError(null);
  }, [open, form]);

  const submit = async (values: NoticeValues) => {
    setFormError(null);
    const input =
      values.mode === 'UNDISCLOSED'
        ? { inspectionId: inspection.id, mode: values.mode, noticeAt: null, prepare: null }
        : { inspectionId: inspection.id, mode: values.mode, noticeAt: values.noticeAt, prepare: prepareText(values) };
    try {
      await recordNotice({ variables: { input } });
      message.success(values.mode === 'UNDISCLOSED' ? '已记录为不予告知' : '告知情况已记录');
      onClose();
    } catch (error) {
      setFormError(
        showServerError(form, error, FIELDS, {
          fieldLabels: { mode: '告知方式', noticeAt: '告知时间', prepare: '需准备的资料' },
          texts: { FORBIDDEN: '只有联席办或本检查组的执法人员可以记录告知情况' },
        }),
      );
    }
  };

  return (
    <FormDrawer open={open} onClose={onClose} title="检查告知" onSubmit={() => form.submit()} saving={loading} error={formError} testId="notice-form">
      <Form<NoticeValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item label="告知方式" name="mode" rules={[{ required: true, message: '请选择告知方式' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="notice-mode" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {NOTICE_MODE_ORDER.map((code) => (
              <Radio.Button key={code} value={code} style={{ minHeight: 40, lineHeight: '38px', borderRadius: 6 }}>
                {/* antd puts a data-testid of the button on its hidden input: the label carries it. */}
                <span data-testid={`notice-mode-${code}`}>{NOTICE_MODES[code].label}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {undisclosed ? (
          <Alert
            type="warning"
            showIcon
            title={UNDISCLOSED_TEXT}
            description="检查时间和检查内容不得向被检查对象透露；检查时间仅检查组和联席办可见。"
            data-testid="notice-undisclosed-hint"
          />
        ) : (
          <>
            <Form.Item
              label="告知时间"
              name="noticeAt"
              rules={[
                { required: true, message: '请选择告知时间' },
                {
                  warningOnly: true,
                  validator: async (_rule, value: string | null) => {
                    if (value && visitStart && new Date(value).getTime() > visitStart.getTime()) throw new Error('告知时间晚于检查开始时间，请核对');
                  },
                },
              ]}
            >
              <MomentPicker testId="notice-at" />
            </Form.Item>
            <Form.Item
              label="需准备的资料"
              name="prepare"
              extra="告知书将列出所选资料，请被检查对象在检查时备齐"
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string[] | undefined) => {
                    if (!value?.length && !String(getFieldValue('prepareOther') ?? '').trim()) throw new Error('请至少选择或填写一项需准备的资料');
                  },
                }),
              ]}
            >
              <Checkbox.Group data-testid="notice-prepare">
                <Flex vertical gap={8}>
                  {DEFAULT_PREPARE_ITEMS.map((item) => (
                    <Checkbox key={item} value={item}>
                      {item}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Form.Item label="其他资料" name="prepareOther" rules={[{ max: 500, message: '其他资料不超过 500 字' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="每行一项" data-testid="notice-prepare-other" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
