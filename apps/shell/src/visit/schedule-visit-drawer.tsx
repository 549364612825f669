import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Col, Form, Row } from 'antd';
import { formatDateRange } from '@dr/ui';
import { FormDrawer } from '../components/form-drawer';
import { showServerError } from '../components/form-server-error';
import { IsoDatePicker } from '@dr/ui';
import { ScheduleVisitDocument, type VisitArrangementFragment } from '../generated/graphql';
import { ClockTimePicker } from './clock-pickers';

interface ScheduleValues {
  date: string | null;
  startTime: string | null;
  endTime: string | null;
}

const FIELDS = ['date', 'startTime', 'endTime'] as const;

/** Props of {@link ScheduleVisitDrawer}. */
export interface ScheduleVisitDrawerProps {
  open: boolean;
  inspection: VisitArrangementFragment;
  /** The plan's inspection window (R-PLAN-2): other days cannot be picked. */
  window: { start: string; end: string };
  onClose: () => void;
}

/**
 * Sets the visit's day and hours (R-PLAN-2). The server refuses a day outside the plan's window and
 * an officer already in another visit at that time (CONFLICT on 开始时间, naming the officer).
 */
export function ScheduleVisitDrawer({ open, inspection, window, onClose }: ScheduleVisitDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [scheduleVisit, { loading }] = useMutation(ScheduleVisitDocument);

  // The form is filled when the drawer opens, not again while the user types: the inspection object
  // changes whenever any screen's query touches it in the cache (a department tab loading).
  const latest = useRef(inspection);
  latest.current = inspection;
  useEffect(() => {
    if (!open) return;
    const current = latest.current;
    form.resetFields();
    form.setFieldsValue({
      date: current.scheduledDate ?? null,
      startTime: current.visitStartTime ?? '09:00',
      endTime: current.visitEndTime ?? '11:00',
    });
    setFormError(null);
  }, [open, form]);

  const submit = async (values: ScheduleValues) => {
    setFormError(null);
    try {
      await scheduleVisit({
        variables: { input: { inspectionId: inspection.id, date: values.date!, startTime: values.startTime!, endTime: values.endTime! } },
      });
      message.success('检查时间已安排');
      onClose();
    } catch (error) {
      setFormError(
        showServerError(form, error, FIELDS, {
          fieldLabels: { date: '检查日期', startTime: '开始时间', endTime: '结束时间' },
          texts: { FORBIDDEN: '只有联席办或本检查组的执法人员可以安排检查时间' },
        }),
      );
    }
  };

  return (
    <FormDrawer open={open} onClose={onClose} title="安排检查时间" onSubmit={() => form.submit()} saving={loading} error={formError} testId="visit-schedule-form">
      <Form<ScheduleValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item
          label="检查日期"
          name="date"
          extra={`须在实施方案的检查时间内：${formatDateRange(window.start, window.end)}`}
          rules={[{ required: true, message: '请选择检查日期' }]}
        >
          <IsoDatePicker window={window} testId="visit-date" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="开始时间" name="startTime" rules={[{ required: true, message: '请选择开始时间' }]}>
              <ClockTimePicker placeholder="开始时间" testId="visit-start-time" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="结束时间"
              name="endTime"
              dependencies={['startTime']}
              rules={[
                { required: true, message: '请选择结束时间' },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | null) => {
                    const start = getFieldValue('startTime') as string | null;
                    if (value && start && value <= start) throw new Error('结束时间须晚于开始时间');
                  },
                }),
              ]}
            >
              <ClockTimePicker placeholder="结束时间" testId="visit-end-time" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
