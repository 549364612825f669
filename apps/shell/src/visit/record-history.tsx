import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { CardHeading, departmentName, formatDateTime, SignaturePad, type SignatureImage } from '@dr/ui';
import type { RecordFormAmendmentViewFragment } from '../generated/graphql';
import { GatewayImage } from './gateway-file-views';
import { signingErrorText } from './use-visit-writes';

/** Runs a server call, keeping its refusal as text for the form. */
function useServerCall() {
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const run = async (call: () => Promise<void>): Promise<boolean> => {
    setSaving(true);
    setRefused(null);
    try {
      await call();
      return true;
    } catch (error) {
      setRefused(signingErrorText(error));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, refused, run };
}

/**
 * The leader withdraws a refusal recorded by mistake, with a reason, while no officer has signed the
 * refusal note; the refusal stays in the record's history.
 */
export function RefusalWithdrawal({ online, onWithdraw }: { online: boolean; onWithdraw: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const { saving, refused, run } = useServerCall();
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-testid="withdraw-refusal">
        撤回拒签（误操作时）
      </Button>
    );
  }
  const submit = async () => {
    setTried(true);
    if (reason.trim().length < 2) return;
    if (await run(() => onWithdraw(reason.trim()))) setOpen(false);
  };
  return (
    <Card size="small" title={<CardHeading>撤回拒签</CardHeading>} data-testid="withdraw-refusal-form">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">撤回后，被检查对象可重新签字盖章或拒签；本次拒签及撤回理由保留在记录中。</Typography.Text>
        {!online && <Alert type="warning" showIcon title="撤回拒签须联网" />}
        <Form layout="vertical" component="div">
          <Form.Item label="撤回理由" required validateStatus={refused || (tried && reason.trim().length < 2) ? 'error' : undefined} help={refused ?? (tried && reason.trim().length < 2 ? '请写明撤回理由' : undefined)}>
            <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount aria-label="撤回理由" data-testid="withdraw-refusal-reason" />
          </Form.Item>
        </Form>
        <Flex gap={8}>
          <Button type="primary" loading={saving} disabled={!online} onClick={() => void submit()} data-testid="withdraw-refusal-submit">
            确认撤回
          </Button>
          <Button onClick={() => setOpen(false)}>取消</Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** Refusals withdrawn by the leader: kept and shown, with who withdrew them, when and why. */
export function WithdrawnRefusals({ refusals }: { refusals: readonly { note: string; recordedAt: string; withdrawnAt: string; withdrawnByName: string; reason: string }[] }) {
  if (!refusals.length) return null;
  return (
    <Card size="small" title={<CardHeading>已撤回的拒签记录</CardHeading>} data-testid="withdrawn-refusals">
      <Flex vertical gap={8}>
        {refusals.map((refusal) => (
          <Flex key={refusal.recordedAt} vertical gap={2} data-testid="withdrawn-refusal" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Typography.Text>
              拒签情况：{refusal.note}（{formatDateTime(refusal.recordedAt)}记录）
            </Typography.Text>
            <Typography.Text type="secondary">
              {refusal.withdrawnByName}于{formatDateTime(refusal.withdrawnAt)}撤回，理由：{refusal.reason}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

const changeText = (change: RecordFormAmendmentViewFragment['changes'][number]) => `${change.label}：${change.before ?? '（空）'} → ${change.after ?? '（空）'}`;

/** One amendment after signing, and the venue's acknowledgement of it (or the form to record it). */
function AmendmentEntry({ amendment, index, mayRecord, online, onAcknowledge }: { amendment: RecordFormAmendmentViewFragment; index: number; mayRecord: boolean; online: boolean; onAcknowledge: (input: { amendmentId: string; signerName: string; signature: string }) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [signerName, setSignerName] = useState('');
  const [signature, setSignature] = useState<SignatureImage | null>(null);
  const [tried, setTried] = useState(false);
  const { saving, refused, run } = useServerCall();
  const acknowledgement = amendment.acknowledgement;
  const submit = async () => {
    setTried(true);
    if (!signerName.trim() || !signature) return;
    if (await run(() => onAcknowledge({ amendmentId: amendment.id, signerName: signerName.trim(), signature: signature.dataUrl }))) setOpen(false);
  };
  return (
    <Flex vertical gap={4} data-testid={`amendment-${index + 1}`} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>更正 {index + 1}</Typography.Text>
        <Typography.Text>{departmentName(amendment.department, 'full')}</Typography.Text>
        <Typography.Text type="secondary">
          {amendment.amendedByName} · {formatDateTime(amendment.amendedAt)}
        </Typography.Text>
        {acknowledgement ? (
          <Tag color="success" data-testid="amendment-acknowledged">
            被检查对象已确认
          </Tag>
        ) : (
          <Tag color="warning" data-testid="amendment-unacknowledged">
            未经被检查对象确认
          </Tag>
        )}
      </Flex>
      <Typography.Text>更正原因：{amendment.reason}</Typography.Text>
      {amendment.changes.map((change) => (
        <Typography.Text key={change.label} data-testid="amendment-change">
          {changeText(change)}
        </Typography.Text>
      ))}
      {acknowledgement && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">
            确认人：{acknowledgement.signerName}（{formatDateTime(acknowledgement.acknowledgedAt)}）
          </Typography.Text>
          <GatewayImage src={acknowledgement.signatureUrl} alt={`${acknowledgement.signerName}的确认签名`} height={40} />
        </Flex>
      )}
      {!acknowledgement && mayRecord && !open && (
        <Button onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="amendment-acknowledge">
          记录被检查对象确认
        </Button>
      )}
      {!acknowledgement && open && (
        <Form layout="vertical" component="div" data-testid="amendment-acknowledge-form">
          {!online && <Alert type="warning" showIcon title="记录确认须联网" />}
          <Form.Item label="确认人姓名" required validateStatus={tried && !signerName.trim() ? 'error' : undefined} help={tried && !signerName.trim() ? '请填写确认人姓名' : undefined}>
            <Input size="large" value={signerName} onChange={(event) => setSignerName(event.target.value)} maxLength={50} aria-label="确认人姓名" data-testid="amendment-signer-name" />
          </Form.Item>
          <Form.Item label="确认人签名" required validateStatus={refused || (tried && !signature) ? 'error' : undefined} help={refused ?? (tried && !signature ? '请签名并点“确认签名”' : undefined)}>
            {signature ? (
              <Flex vertical gap={8} data-testid="amendment-signature-done">
                <img src={signature.dataUrl} alt="确认人签名" style={{ maxHeight: 80, maxWidth: '100%', objectFit: 'contain', border: '1px solid #f0f0f0', alignSelf: 'flex-start' }} />
                <Button onClick={() => setSignature(null)} style={{ alignSelf: 'flex-start' }}>
                  重新签名
                </Button>
              </Flex>
            ) : (
              <SignaturePad onConfirm={setSignature} placeholder="被检查对象负责人请在此签名确认更正" />
            )}
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" loading={saving} disabled={!online} onClick={() => void submit()} data-testid="amendment-acknowledge-submit">
              提交确认
            </Button>
            <Button onClick={() => setOpen(false)}>取消</Button>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}

/**
 * Amendments the departments made after the record form was signed: each a dated entry of its own
 * (who, why, before → after) beside the signed content, which stays as signed; 未经被检查对象确认
 * until the team or the office records the venue's acknowledgement.
 */
export function AmendmentsAfterSigning(props: {
  amendments: readonly RecordFormAmendmentViewFragment[];
  signedContentAt: string | null;
  mayRecord: boolean;
  online: boolean;
  onAcknowledge: (input: { amendmentId: string; signerName: string; signature: string }) => Promise<void>;
}) {
  if (!props.amendments.length) return null;
  return (
    <Card size="small" title={<CardHeading>签字后的更正</CardHeading>} data-testid="amendments-after-signing">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          记录表{props.signedContentAt ? `于 ${formatDateTime(props.signedContentAt)} ` : ''}签字后，以下更正单独记录，记录表已签字的内容不变。
        </Typography.Text>
        {props.amendments.map((amendment, index) => (
          <AmendmentEntry key={amendment.id} amendment={amendment} index={index} mayRecord={props.mayRecord} online={props.online} onAcknowledge={props.onAcknowledge} />
        ))}
      </Flex>
    </Card>
  );
}
