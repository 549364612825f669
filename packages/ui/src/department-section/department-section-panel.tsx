import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, Result, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import type { DepartmentSectionState, SectionContent } from '@dr/graphql-client';
import { ChecklistTable } from '../checklist/checklist-table';
import type { ChecklistItem } from '../checklist/checklist-types';
import { prepareEvidenceFile } from '../evidence/prepare-evidence-file';
import { formatDateTime } from '../format/date-format';
import { CardHeading } from '../layout/card-heading';
import { STICKY_BAR_ATTRIBUTE } from '../layout/keep-focus-uncovered';
import { UnavailableNotice } from '../remote-boundary/unavailable-notice';
import { AmendmentList } from './amendment-list';
import { ConflictPanel } from './conflict-panel';
import { MeasuresForm } from './measures-form';
import { liveProblems, saveProblems, submitProblems, type DraftProblem } from './result-check';
import { ResultCodePicker, ResultCodeTags } from './result-code-picker';
import { SyncStatus } from './sync-status';

/** Props of {@link DepartmentSectionPanel}: the department's name plus what `useDepartmentSection` returns. */
export interface DepartmentSectionPanelProps extends DepartmentSectionState {
  /** Short department name, e.g. `文广旅`. */
  departmentName: string;
  /** `data-testid` of the panel; states add suffixes (`-unavailable`, `-items`, `-read-only`). */
  testId: string;
  /** The inspection's day (`YYYY-MM-DD`), from the shell: the earliest 改正期限 an order may set. */
  visitDay?: string | null;
}

const SECTION_STATUS: Record<string, { label: string; color: string }> = {
  NOT_STARTED: { label: '未开始', color: 'default' },
  IN_PROGRESS: { label: '检查中', color: 'processing' },
  SUBMITTED: { label: '已提交', color: 'success' },
};

/** The evidence server limit (docs/visit-lifecycle.md); checked before queueing to save a useless upload. */
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const EVIDENCE_TYPES = /^(image\/(jpeg|png|webp)|application\/pdf)$/;

function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  // Headings below the page's h1 and the card of the tabs (h2), so screen-reader users can jump between parts.
  return (
    <Card size="small" title={<CardHeading level={3}>{title}</CardHeading>} extra={extra} styles={{ body: { padding: 12 } }} data-testid={testId}>
      {children}
    </Card>
  );
}

function ProblemList({ problems, testId }: { problems: readonly DraftProblem[]; testId: string }) {
  if (!problems.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={
        <Flex vertical gap={2}>
          {problems.map((problem) => (
            <span key={problem.message}>{problem.message}</span>
          ))}
        </Flex>
      }
    />
  );
}

/**
 * A department's part of a visit on a phone: each check item with its 检查依据, outcome buttons, note
 * and evidence; the measures taken on a violation (现场笔录, orders); the result codes checked by the
 * domain rules as the user picks them; 保存 and 提交本部门记录 (confirmed, then locked), 更正 with a
 * reason afterwards, and the 更正记录. What the user types is kept on the device and sent through the
 * outbox, whose state is always shown (`sync-status`); a CONFLICT shows who changed what.
 */
export function DepartmentSectionPanel(props: DepartmentSectionPanelProps) {
  const { message, modal } = App.useApp();
  const { section, draft, testId } = props;
  const [attempted, setAttempted] = useState<'save' | 'submit' | null>(null);
  const [reloading, setReloading] = useState(false);

  const itemOrder = useMemo(() => props.items.map((item) => item.id), [props.items]);
  const checklist: ChecklistItem[] = props.items;
  const content: SectionContent | null = draft?.content ?? null;
  const amending = draft?.mode === 'amend' && props.editing;

  switch (props.phase) {
    case 'loading':
      return (
        <div data-testid={`${testId}-loading`}>
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      );
    case 'unavailable':
      return (
        <UnavailableNotice
          title="该部门服务暂不可用"
          description={`${props.departmentName}的检查数据暂时无法读取，检查对象和其他部门的内容不受影响。`}
          onRetry={props.retry}
          retrying={props.retrying}
          testId={`${testId}-unavailable`}
        />
      );
    case 'notFound':
      return <Empty description={props.errorText ?? '未找到该检查记录'} data-testid={`${testId}-not-found`} />;
    case 'empty':
      return <Empty description={`本次检查不含${props.departmentName}的检查事项`} data-testid={`${testId}-empty`} />;
    case 'failed':
      return (
        <Result
          status="error"
          title={`${props.departmentName}检查数据加载失败`}
          subTitle={props.errorText}
          extra={
            <Button onClick={props.retry} loading={props.retrying} data-testid={`${testId}-failed-retry`}>
              重试
            </Button>
          }
          data-testid={`${testId}-failed`}
        />
      );
    case 'ready':
      break;
  }

  const recorded = checklist.filter((item) => item.outcome !== null).length;
  const status = SECTION_STATUS[section?.status ?? ''] ?? { label: section?.status ?? '—', color: 'default' };
  const violation = checklist.some((item) => item.outcome === 'NON_COMPLIANT');
  const { visitDay } = props;
  const live = content ? liveProblems(content, itemOrder, visitDay) : [];
  const blocking = content ? (attempted === 'submit' || amending ? submitProblems(content, itemOrder, visitDay) : attempted === 'save' ? saveProblems(content, visitDay) : []) : [];
  const measuresShown = !!content && (violation || content.orders.length > 0 || !!content.onSiteRecord.facts.trim() || !!content.onSiteRecord.personsPresent.trim());
  const offline = !props.sync.online;

  const addFiles = async (checkItemId: string, files: File[]) => {
    for (const file of files) {
      let prepared;
      try {
        prepared = await prepareEvidenceFile(file);
      } catch {
        prepared = { blob: file as Blob, fileName: file.name, contentType: file.type };
      }
      if (prepared.contentType && !EVIDENCE_TYPES.test(prepared.contentType) && !prepared.contentType.startsWith('image/')) {
        void message.error(`“${file.name}”不是图片或 PDF 文件，不能作为证据上传`);
        continue;
      }
      if (prepared.blob.size > MAX_EVIDENCE_BYTES) {
        void message.error(`“${file.name}”超过 10 MB 的上限，请压缩后再上传`);
        continue;
      }
      await props.addEvidence(checkItemId, prepared);
    }
  };

  const onSave = async () => {
    if (!content) return;
    setAttempted('save');
    if (amending) {
      if (submitProblems(content, itemOrder, props.visitDay).length) return;
      if (props.draft && props.draft.amendReason.trim().length < 2) return;
    } else if (saveProblems(content, props.visitDay).length) {
      return;
    }
    await props.save();
    setAttempted(null);
    if (offline) void message.info('当前离线：已存于本机，联网后自动发送');
  };

  const onSubmit = () => {
    if (!content) return;
    setAttempted('submit');
    if (submitProblems(content, itemOrder, props.visitDay).length) return;
    modal.confirm({
      title: `提交${props.departmentName}检查记录？`,
      content: '提交后本部门记录将被锁定，不能再修改；如需修改，只能提交更正并说明理由，原记录将被保留。',
      okText: '确认提交',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'submit-confirm' } as ButtonProps,
      onOk: async () => {
        await props.submit();
        setAttempted(null);
        if (offline) void message.info('当前离线：提交已存于本机，联网后自动发送');
      },
    });
  };

  const reasonMissing = amending && attempted === 'save' && (draft?.amendReason.trim().length ?? 0) < 2;

  return (
    <Flex vertical gap={12} data-testid={testId} >
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{props.departmentName}检查记录</Typography.Text>
        <Tag color={status.color} style={{ marginInlineEnd: 0 }} data-testid={`${testId}-status`}>
          {status.label}
        </Tag>
        <Typography.Text type="secondary" data-testid={`${testId}-progress`}>
          已录入 {recorded}/{checklist.length} 项
        </Typography.Text>
        {props.canEdit && !props.editing && <SyncStatus sync={props.sync} dirty={props.dirty} />}
      </Flex>

      {!props.canEdit && (
        <Alert
          type="info"
          showIcon
          title={
            props.readOnlyReason === 'team'
              ? `只读：您不在本次检查组中，仅检查组的${props.departmentName}执法人员和部门管理员可以录入。`
              : props.readOnlyReason === 'cancelled'
                ? '只读：本次检查已撤销。'
                : `只读：仅${props.departmentName}的部门管理员和执法检查人员可以录入检查结果。`
          }
          data-testid={`${testId}-read-only`}
        />
      )}
      {props.conflict && (
        <ConflictPanel
          conflict={props.conflict}
          busy={reloading}
          onReload={() => {
            setReloading(true);
            props
              .reloadAndReapply()
              .then(() => void message.success('已载入最新版本，并保留了您的修改；请核对后重新保存'))
              .catch(() => void message.error('无法连接服务器，请联网后重试'))
              .finally(() => setReloading(false));
          }}
          onDiscard={() =>
            modal.confirm({
              title: '放弃您的修改？',
              content: '将载入服务器上的最新版本，本机尚未保存的修改会被丢弃（待上传的证据保留）。',
              okText: '放弃修改',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: () => props.discardDraft(),
            })
          }
        />
      )}
      {props.failure && (
        <Alert
          type="error"
          showIcon
          data-testid="write-failure"
          title={`“${props.failure.label}”被服务器拒绝`}
          description={props.failure.message}
          action={
            <Button size="small" onClick={() => void props.dismissFailure()}>
              知道了
            </Button>
          }
        />
      )}
      {section?.status === 'SUBMITTED' && !amending && (
        <Alert
          type="success"
          showIcon
          data-testid={`${testId}-locked`}
          title={`本部门记录已提交并锁定${section.submittedAt ? `（${formatDateTime(section.submittedAt)}）` : ''}`}
          description={
            <Flex vertical gap={8} align="start">
              <span>如发现错误，可提交更正并说明理由；原记录将被保留。</span>
              {props.canEdit && props.draft && !props.sync.entries.length && (
                <Button onClick={props.startAmend} style={{ minHeight: 40 }} data-testid="amend-start">
                  更正
                </Button>
              )}
            </Flex>
          }
        />
      )}
      {props.locked && section?.status !== 'SUBMITTED' && (
        <Alert type="info" showIcon title="提交已存于本机，联网后自动发送；发送前记录不可修改。" data-testid={`${testId}-submit-waiting`} />
      )}
      {amending && (
        <Section title="更正已提交的记录">
          <Flex vertical gap={6}>
            <Typography.Text type="secondary">修改下方内容后填写更正理由并提交；原记录将被保留，修改前后会记入更正记录。</Typography.Text>
            <Input.TextArea
              value={draft?.amendReason ?? ''}
              onChange={(event) => props.setAmendReason(event.target.value)}
              placeholder="更正理由（必填，2–500 字）"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              status={reasonMissing ? 'error' : undefined}
              aria-label="更正理由"
              data-testid="amend-reason"
            />
            {reasonMissing && <Typography.Text type="danger">请填写更正理由（2–500 字）</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              已提交记录中的证据不能补充或删除；如有误，请在更正理由中说明。
            </Typography.Text>
          </Flex>
        </Section>
      )}

      <ChecklistTable
        items={checklist}
        editable={props.editing}
        evidenceLocked={props.locked}
        testId={`${testId}-items`}
        onOutcome={props.setOutcome}
        onNote={props.setNote}
        onAddEvidence={(checkItemId, files) => void addFiles(checkItemId, files)}
        onRemoveEvidence={(checkItemId, evidence) => void props.removeEvidence(checkItemId, evidence.key)}
        loadEvidence={props.loadEvidence}
      />

      {content && measuresShown && (
        <Section title="现场措施" testId={`${testId}-measures`}>
          <MeasuresForm
            editable={props.editing}
            onSiteRecord={content.onSiteRecord}
            orders={content.orders}
            items={checklist}
            visitDay={visitDay}
            onChange={(patch) => props.updateContent((current) => ({ ...current, ...patch }))}
          />
        </Section>
      )}

      {content && (
        <Section title="本部门检查结果（可多选）" testId={`${testId}-result`}>
          {props.editing ? (
            <ResultCodePicker
              value={content.resultCodes}
              onChange={(codes) => props.updateContent((current) => ({ ...current, resultCodes: codes }))}
              problems={live.filter((problem) => problem.field === 'resultCodes')}
            />
          ) : (
            <ResultCodeTags codes={content.resultCodes} />
          )}
        </Section>
      )}

      {section?.status === 'SUBMITTED' && (
        <Section title="更正记录">
          <AmendmentList amendments={section.amendments ?? []} />
        </Section>
      )}

      <ProblemList problems={blocking} testId="submit-problems" />

      {props.editing && (
        <Flex
          vertical
          gap={6}
          style={{ position: 'sticky', bottom: 0, zIndex: 10, background: '#fff', padding: '6px 0 8px', borderTop: '1px solid #f0f0f0' }}
          data-testid={`${testId}-actions`}
          {...{ [STICKY_BAR_ATTRIBUTE]: 'bottom' }}
        >
          <Flex justify="center">
            <SyncStatus sync={props.sync} dirty={props.dirty} />
          </Flex>
          <Flex gap={8}>
            {amending ? (
              <>
                <Button type="primary" size="large" block onClick={() => void onSave()} style={{ minHeight: 44 }} data-testid="amend-save">
                  提交更正
                </Button>
                <Button size="large" onClick={props.cancelAmend} style={{ minHeight: 44 }} data-testid="amend-cancel">
                  取消
                </Button>
              </>
            ) : (
              <>
                <Button size="large" block onClick={() => void onSave()} style={{ minHeight: 44 }} data-testid="section-save">
                  保存
                </Button>
                <Button type="primary" size="large" block onClick={onSubmit} style={{ minHeight: 44 }} data-testid="section-submit">
                  提交本部门记录
                </Button>
              </>
            )}
          </Flex>
        </Flex>
      )}
    </Flex>
  );
}
