import { useState } from 'react';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { CalendarOutlined, NotificationOutlined } from '@ant-design/icons';
import { CardHeading, formatDate, formatDateTime, InfoDescriptions } from '@dr/ui';
import type { InspectionStatus, VisitArrangementFragment } from '../generated/graphql';
import { usePermissions } from '../session/use-permissions';
import { PdfButtons } from './gateway-file-views';
import { prepareItems, visitHours } from './notice-text';
import { RecordNoticeDrawer } from './record-notice-drawer';
import { ScheduleVisitDrawer } from './schedule-visit-drawer';
import { NOTICE_MODES, UNDISCLOSED_TEXT } from './visit-labels';

/** Props of {@link VisitArrangementCard}. */
export interface VisitArrangementCardProps {
  inspection: VisitArrangementFragment & { status: InspectionStatus };
  /** The plan's inspection window (R-PLAN-2). */
  window: { start: string; end: string };
  venueName: string;
}

/** The visit's day and hours as one line. */
export function visitTimeText(inspection: Pick<VisitArrangementFragment, 'scheduledDate' | 'visitStartTime' | 'visitEndTime' | 'visitHidden'>): string {
  if (inspection.visitHidden) return '检查时间不公开';
  if (!inspection.scheduledDate) return '未安排';
  const hours = visitHours(inspection.visitStartTime, inspection.visitEndTime);
  return hours ? `${formatDate(inspection.scheduledDate)} ${hours}` : `${formatDate(inspection.scheduledDate)}（具体时间未安排）`;
}

/**
 * 检查安排: before the visit, the team (or the joint office) sets its day and hours inside the
 * plan's window (R-PLAN-2) and records how the venue was told, with the 告知书 to download or
 * print (R-NOTE-1). An undisclosed visit has no letter, and its time is shown only to the team and
 * the office. Once an officer has signed the record form, the arrangement is fixed.
 */
export function VisitArrangementCard({ inspection, window, venueName }: VisitArrangementCardProps) {
  const permissions = usePermissions();
  const [open, setOpen] = useState<'schedule' | 'notice' | null>(null);

  if (inspection.visitHidden) {
    return (
      <Card title={<CardHeading>检查安排</CardHeading>}>
        <Alert type="info" showIcon title="检查时间不公开" description="本次检查不予告知，检查时间仅检查组和联席办可见。" data-testid="visit-hidden" />
      </Card>
    );
  }

  const notice = inspection.notice;
  const closed = inspection.status === 'COMPLETED' || inspection.status === 'CANCELLED';
  const signed = inspection.recordForm.status !== 'OPEN';
  const mayArrange = (permissions.office || inspection.viewerOnTeam) && !closed && !signed;
  const items = prepareItems(notice?.prepare);

  return (
    <Card
      title={<CardHeading>检查安排</CardHeading>}
      data-testid="visit-arrangement"
      extra={
        mayArrange && (
          <Flex gap={8} wrap>
            <Button icon={<CalendarOutlined />} onClick={() => setOpen('schedule')} data-testid="visit-schedule-open">
              {inspection.visitStartTime ? '调整时间' : '安排时间'}
            </Button>
            <Button icon={<NotificationOutlined />} onClick={() => setOpen('notice')} data-testid="notice-open">
              告知
            </Button>
          </Flex>
        )
      }
    >
      <Flex vertical gap={12}>
        <InfoDescriptions
          testId="visit-descriptions"
          items={[
            { key: 'time', label: '检查时间', children: <span data-testid="visit-time">{visitTimeText(inspection)}</span> },
            {
              key: 'mode',
              label: '告知方式',
              children: notice ? (
                <Tag color={NOTICE_MODES[notice.mode].color} data-testid="notice-mode-value">
                  {NOTICE_MODES[notice.mode].label}
                </Tag>
              ) : (
                <Typography.Text type="secondary" data-testid="notice-mode-value">
                  未告知
                </Typography.Text>
              ),
            },
            ...(notice && notice.mode !== 'UNDISCLOSED'
              ? [
                  { key: 'at', label: '告知时间', children: formatDateTime(notice.noticeAt) },
                  {
                    key: 'prepare',
                    label: '需准备的资料',
                    children: (
                      <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="notice-prepare-list">
                        {items.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ol>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {mayArrange && !inspection.visitStartTime && !notice && (
          <Typography.Text type="secondary">请先安排检查时间，再告知被检查对象（告知内容须包括检查时间）；不予告知的检查可直接记录。</Typography.Text>
        )}
        {notice?.mode === 'UNDISCLOSED' && <Alert type="warning" showIcon title={UNDISCLOSED_TEXT} data-testid="notice-undisclosed" />}
        {inspection.noticeLetterUrl && (
          <PdfButtons path={inspection.noticeLetterUrl} fileName={`检查告知书-${venueName}.pdf`} what="告知书" testId="notice-letter" />
        )}
        {signed && !closed && <Typography.Text type="secondary">记录表已有执法人员签字，检查安排和告知信息不能再修改。</Typography.Text>}
      </Flex>
      <ScheduleVisitDrawer open={open === 'schedule'} inspection={inspection} window={window} onClose={() => setOpen(null)} />
      <RecordNoticeDrawer open={open === 'notice'} inspection={inspection} onClose={() => setOpen(null)} />
    </Card>
  );
}
