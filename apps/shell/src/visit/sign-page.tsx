import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Result, Steps, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { CardHeading, departmentName, formatDateTime } from '@dr/ui';
import { InspectionSigningDocument, type RecordFormStatus } from '../generated/graphql';
import { usePageFrame } from '../layout/page-frame';
import { DetailPageBody } from '../pages/page-states';
import { DEPARTMENT_REMOTES } from '../remotes/department-remotes';
import { GatewayImage, PdfButtons } from './gateway-file-views';
import { OfficerSigningPanel, SignatureRow } from './officer-signing-panel';
import { signingViewOf, unsignedOfficers, type SigningInspection, type SigningStage, type SigningView } from './signing-state';
import { useVisitWrites, type VisitWrites } from './use-visit-writes';
import { VenueResponsePanel } from './venue-response-panel';
import { AmendmentsAfterSigning, RefusalWithdrawal, WithdrawnRefusals } from './record-history';
import { useCurrentUser } from '../session/use-current-user';
import { RECORD_FORM_STATUS, SECTION_STATUS } from './visit-labels';

const STEP_OF: Record<SigningStage, number> = { sections: 0, officers: 1, venue: 2, refusal: 2, completed: 3 };

/** Where the record form stands (R-VISIT-3): the four steps and the server's status. */
function RecordFormSteps({ view, status }: { view: SigningView; status: RecordFormStatus }) {
  const refused = !!view.refusal;
  const label = RECORD_FORM_STATUS[status];
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>记录表状态：</Typography.Text>
          <Tag color={label.color} data-testid="record-form-status" data-status={status}>
            {label.label}
          </Tag>
          {view.waitingToSend && <Tag color="warning">本机已完成，待发送</Tag>}
        </Flex>
        <Steps
          size="small"
          titlePlacement="vertical"
          responsive={false}
          current={STEP_OF[view.stage]}
          status={view.stage === 'completed' && !view.waitingToSend ? 'finish' : 'process'}
          items={[
            { title: '部门提交' },
            { title: '执法签字' },
            { title: refused ? '拒签说明' : '对象签章' },
            { title: '已签署' },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** Each participating department's section: signing waits for all of them (R-RES-1). */
function SectionsCard({ view, inspectionId }: { view: SigningView; inspectionId: string }) {
  return (
    <Card title={<CardHeading>各部门检查记录</CardHeading>} size="small" data-testid="signing-sections">
      <Flex vertical gap={8}>
        {view.sections.map((section) => {
          const remote = DEPARTMENT_REMOTES.find((candidate) => candidate.department === section.department);
          const status = section.status ? SECTION_STATUS[section.status] : { label: '暂不可用', color: 'default' };
          return (
            <Flex key={section.department} justify="space-between" align="center" data-testid={`section-status-${section.department}`}>
              <Typography.Text>{departmentName(section.department, 'full')}</Typography.Text>
              <Flex gap={4} align="center">
                <Tag color={status.color}>{status.label}</Tag>
                {section.status !== 'SUBMITTED' && remote && <Link to={`/inspections/${inspectionId}?tab=${remote.key}`}>查看</Link>}
              </Flex>
            </Flex>
          );
        })}
        {view.sectionsMissing.length > 0 && view.stage === 'sections' && (
          <Alert
            type="warning"
            showIcon
            title={`以下部门尚未提交检查记录，暂不能签字：${view.sectionsMissing.map((department) => departmentName(department)).join('、')}`}
            description="各部门提交本部门检查记录（提交后锁定）后，方可在记录表上签字。"
            data-testid="sections-missing"
          />
        )}
      </Flex>
    </Card>
  );
}

/** Signatures made on this device that wait for the network, and any the server refused. */
function OutboxState({ writes }: { writes: VisitWrites }) {
  const { scope, pending } = writes;
  const waiting = pending.filter((write) => !write.failed);
  const failed = pending.filter((write) => write.failed);
  if (!pending.length) return null;
  return (
    <Flex vertical gap={8} data-testid="visit-outbox">
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${waiting.length} 项签字未发送`}
          description={
            !scope.online
              ? '当前无网络。签字已保存在本机，联网后自动发送，每项只发送一次。'
              : scope.retryAt
                ? '暂时无法连接服务器，签字已保存在本机，稍后自动重试。'
                : '正在发送……'
          }
          data-testid="visit-outbox-pending"
        />
      )}
      {failed.map((write) => (
        <Alert
          key={write.entryId}
          type="error"
          showIcon
          title={`${scope.entries.find((entry) => entry.id === write.entryId)?.label ?? '签字'}未能保存`}
          description={write.failureMessage ?? '服务器拒绝了该操作'}
          data-testid="visit-outbox-failed"
          action={
            <Flex vertical gap={4}>
              <Button size="small" onClick={() => writes.retry(write.entryId)}>
                重试
              </Button>
              <Button size="small" danger onClick={() => writes.discard(write.entryId)}>
                放弃
              </Button>
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}

/** The signed form: locked, with its PDFs once the server has every signature. */
function CompletedCard({ view, inspection }: { view: SigningView; inspection: SigningInspection }) {
  const form = inspection.recordForm;
  const complete = form.status === 'COMPLETED';
  const venue = inspection.venue.name;
  return (
    <Card data-testid="record-form-complete">
      <Result
        status={complete ? 'success' : 'info'}
        title={complete ? '已签署，记录已锁定' : '签字已完成，待发送'}
        subTitle={complete ? '部门联合抽查检查情况记录表已签署，不能再修改。' : '签字已保存在本机，联网后自动发送；发送完成后可下载记录表。'}
        style={{ padding: '16px 0' }}
      />
      {complete && (
        <Flex vertical gap={12}>
          <Typography.Text strong>部门联合抽查检查情况记录表</Typography.Text>
          <PdfButtons path={form.pdfUrl} fileName={`检查情况记录表-${venue}.pdf`} what="记录表" testId="record-form-pdf" block />
          <Typography.Text strong>联合监管统计表</Typography.Text>
          <PdfButtons path={form.statisticsPdfUrl} fileName={`联合监管统计表-${venue}.pdf`} what="统计表" testId="statistics-pdf" block />
        </Flex>
      )}
      <Flex vertical gap={4} style={{ marginTop: 16 }}>
        <Typography.Text strong>执法人员签字</Typography.Text>
        {view.officerSignatures.map((signature) => (
          <SignatureRow key={signature.officer.id} signature={signature} testId={`record-signature-${signature.officer.id}`} />
        ))}
        {view.venueSignature && (
          <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="venue-signature-summary">
            <Typography.Text strong>被检查对象签字盖章</Typography.Text>
            <Typography.Text>
              签字人：{view.venueSignature.signerName}
              {view.venueSignature.pending ? <Tag color="warning" style={{ marginLeft: 8 }}>未发送</Tag> : `（${formatDateTime(view.venueSignature.signedAt)}）`}
            </Typography.Text>
            <Flex gap={12} wrap>
              {view.venueSignature.signatureUrl && <GatewayImage src={view.venueSignature.signatureUrl} alt="被检查对象签名" height={56} />}
              {view.venueSignature.stampUrl && <GatewayImage src={view.venueSignature.stampUrl} alt="盖章照片" height={96} />}
            </Flex>
          </Flex>
        )}
        {view.refusal && (
          <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="refusal-summary">
            <Typography.Text strong>拒签说明</Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }}>{view.refusal.note}</Typography.Paragraph>
            {view.refusalSignatures.map((signature) => (
              <SignatureRow key={signature.officer.id} signature={signature} testId={`refusal-summary-signature-${signature.officer.id}`} />
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function SigningBody({ inspection }: { inspection: SigningInspection }) {
  const { message } = App.useApp();
  const writes = useVisitWrites(inspection.id);
  const view = useMemo(() => signingViewOf(inspection, writes.pending), [inspection, writes.pending]);
  const maySign = inspection.viewerOnTeam;
  const user = useCurrentUser();
  const form = inspection.recordForm;
  const online = writes.scope.online;
  const usernames = useMemo(() => new Map(form.signers.map((signer) => [signer.inspector.id, signer.username ?? null])), [form.signers]);
  const saved = (what: string) => void message.success(writes.scope.online ? `${what}已保存` : `${what}已保存在本机，联网后自动发送`);

  return (
    <>
      <RecordFormSteps view={view} status={inspection.recordForm.status} />
      <OutboxState writes={writes} />
      {!maySign && view.stage !== 'completed' && (
        <Alert type="info" showIcon title="只有本检查组的执法人员可以在现场组织签字，此处仅可查看签署进度。" data-testid="signing-not-on-team" />
      )}
      <SectionsCard view={view} inspectionId={inspection.id} />
      {(view.stage === 'officers' || view.stage === 'venue') && (
        <OfficerSigningPanel
          title="执法人员签字"
          hint="在场的执法人员依次选择本人姓名并签字。组长和每个参加部门至少一名执法人员签字后，由被检查对象签字盖章。"
          signatures={view.officerSignatures}
          candidates={unsignedOfficers(view, view.officerSignatures)}
          missing={view.missingSigners}
          maySign={maySign}
          usernames={usernames}
          online={online}
          testId="record-signatures"
          onSign={async (officer, image, credentials) => {
            await writes.signRecordForm({ inspectorId: officer.id, image: image.dataUrl, ...credentials });
            saved(`${officer.name}的签字`);
          }}
        />
      )}
      {view.stage === 'venue' && (
        <VenueResponsePanel
          venueName={inspection.venue.name}
          legalRepresentative={inspection.venue.legalRepresentative ?? null}
          maySign={maySign}
          onSign={async (values) => {
            await writes.recordVenueSignature(values);
            saved('被检查对象签字盖章');
          }}
          onRefuse={async (note) => {
            await writes.recordVenueRefusal({ note });
            saved('拒签情况');
          }}
        />
      )}
      {view.stage === 'refusal' && view.refusal && (
        <>
          <Card title={<CardHeading>拒签情况说明</CardHeading>} size="small" data-testid="refusal-note">
            <Typography.Paragraph style={{ margin: 0 }}>{view.refusal.note}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {view.refusal.pending ? <Tag color="warning">未发送</Tag> : `记录时间：${formatDateTime(view.refusal.recordedAt)}`}
            </Typography.Text>
          </Card>
          <OfficerSigningPanel
            title="执法人员在拒签说明上签字"
            hint="被检查对象拒绝签字盖章时，由组长和至少一名其他执法人员在拒签说明上签字。"
            signatures={view.refusalSignatures}
            candidates={unsignedOfficers(view, view.refusalSignatures)}
            missing={view.refusalNoteComplete ? [] : view.refusalSignatures.some((signature) => signature.officer.leader) ? ['其他执法人员'] : ['组长']}
            maySign={maySign}
            usernames={usernames}
            online={online}
            testId="refusal-signatures"
            onSign={async (officer, image, credentials) => {
              await writes.signRefusalNote({ inspectorId: officer.id, image: image.dataUrl, ...credentials });
              saved(`${officer.name}的签字`);
            }}
          />
          {form.viewerMayWithdrawRefusal && (
            <RefusalWithdrawal
              online={online}
              onWithdraw={async (reason) => {
                await writes.withdrawVenueRefusal(reason);
                void message.success('拒签记录已撤回，可重新由被检查对象签字盖章');
              }}
            />
          )}
        </>
      )}
      <WithdrawnRefusals refusals={form.withdrawnRefusals} />
      <AmendmentsAfterSigning
        amendments={form.amendmentsAfterSigning}
        signedContentAt={form.signedContentAt ?? null}
        mayRecord={maySign || user?.role === 'OFFICE_ADMIN'}
        online={online}
        onAcknowledge={async (input) => {
          await writes.acknowledgeAmendment(input);
          void message.success('已记录被检查对象的确认');
        }}
      />
      {view.stage === 'completed' && <CompletedCard view={view} inspection={inspection} />}
    </>
  );
}

/**
 * 签字确认 (R-VISIT-3, R-RES-1): at the end of the visit, on the phone of one of the team. Once
 * every participating department has submitted its section, the officers sign the record form one
 * after another, then the venue signs and stamps it, or refuses and the officers sign the refusal.
 * Every signature goes through the device's outbox, so the steps work without network.
 */
export function SignPage() {
  const { inspectionId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(InspectionSigningDocument, { variables: { id: inspectionId }, errorPolicy: 'all' });
  const inspection = data?.inspection;
  usePageFrame(inspection ? `签字确认 - ${inspection.venue.name}` : '签字确认', [
    { title: '抽查计划', to: '/' },
    ...(inspection ? [{ title: inspection.venue.name, to: `/inspections/${inspection.id}` }] : []),
    { title: '签字确认' },
  ]);

  return (
    <DetailPageBody what="检查记录" record={inspection} loading={loading} error={error} onRetry={() => void refetch()} testId="sign-page">
      {inspection && (
        <>
          <Card size="small">
            <Flex vertical gap={4}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {inspection.venue.name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {inspection.plan.documentNumber} · 部门联合抽查检查情况记录表
              </Typography.Text>
              <Link to={`/inspections/${inspection.id}`} data-testid="back-to-inspection">
                返回检查详情
              </Link>
            </Flex>
          </Card>
          <SigningBody inspection={inspection} />
        </>
      )}
    </DetailPageBody>
  );
}
