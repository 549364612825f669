import { useState } from 'react';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { CardHeading, departmentName, formatDateTime, SignaturePad, type SignatureImage } from '@dr/ui';
import { GatewayImage } from './gateway-file-views';
import type { OfficerSignatureView, TeamOfficer } from './signing-state';

/** A row of a signature list: who, when (or 未发送), and the signature itself. */
export function SignatureRow({ signature, testId }: { signature: OfficerSignatureView; testId: string }) {
  const { officer } = signature;
  const image = signature.imageUrl ?? signature.localImage;
  return (
    <Flex justify="space-between" align="center" gap={8} wrap data-testid={testId} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <CheckCircleFilled style={{ color: signature.pending ? '#faad14' : '#52c41a' }} />
          <Typography.Text strong>{officer.name}</Typography.Text>
          {officer.leader && <Tag color="gold">组长</Tag>}
          <Typography.Text type="secondary">{departmentName(officer.department)}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          执法证号：{officer.certificateNumber}
        </Typography.Text>
        {signature.pending ? (
          <Tag color="warning" style={{ width: 'fit-content' }} data-testid="signature-pending">
            未发送
          </Tag>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="signature-time">
            签字时间：{formatDateTime(signature.signedAt)}
          </Typography.Text>
        )}
      </Flex>
      {image && <GatewayImage src={image} alt={`${officer.name}的签名`} height={48} />}
    </Flex>
  );
}

/** Props of {@link OfficerSigningPanel}. */
export interface OfficerSigningPanelProps {
  title: string;
  /** What must be signed and by whom, in one or two sentences. */
  hint: string;
  signatures: readonly OfficerSignatureView[];
  /** Team members who have not signed yet. */
  candidates: readonly TeamOfficer[];
  /** Still needed, e.g. `组长`, `消防`; empty when enough have signed. */
  missing: readonly string[];
  /** False for viewers who may only look (not on the team). */
  maySign: boolean;
  onSign: (officer: TeamOfficer, image: SignatureImage) => Promise<void>;
  /** Prefix of test ids: `${testId}-signature-{id}`. */
  testId: string;
}

/**
 * The officers present sign one after another on the same phone: pick who signs (with the 执法证号
 * they show), sign on the pad, confirm; the next one picks their name. Each signature is kept on the
 * device and sent through the outbox, so the list shows it at once (未发送 until the server has it).
 */
export function OfficerSigningPanel({ title, hint, signatures, candidates, missing, maySign, onSign, testId }: OfficerSigningPanelProps) {
  const [signer, setSigner] = useState<TeamOfficer | null>(null);
  const [saving, setSaving] = useState(false);
  const [padKey, setPadKey] = useState(0);
  // Once enough have signed, the others present may still sign, but the list no longer takes the screen.
  const [showMore, setShowMore] = useState(false);
  const offerCandidates = missing.length > 0 || showMore;

  const confirm = async (image: SignatureImage) => {
    if (!signer) return;
    setSaving(true);
    try {
      await onSign(signer, image);
      setSigner(null);
      setPadKey((key) => key + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<CardHeading>{title}</CardHeading>} data-testid={testId}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {hint}
        </Typography.Paragraph>
        {missing.length > 0 && (
          <Typography.Text type="warning" data-testid={`${testId}-missing`}>
            尚需签字：{missing.join('、')}
          </Typography.Text>
        )}
        {signatures.length > 0 ? (
          <div>
            {signatures.map((signature) => (
              <SignatureRow key={signature.officer.id} signature={signature} testId={`${testId}-signature-${signature.officer.id}`} />
            ))}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无执法人员签字" />
        )}
        {maySign && !signer && candidates.length > 0 && !offerCandidates && (
          <Button onClick={() => setShowMore(true)} data-testid={`${testId}-more`}>
            其他在场执法人员补充签字
          </Button>
        )}
        {maySign && !signer && candidates.length > 0 && offerCandidates && (
          <Flex vertical gap={8} data-testid={`${testId}-officers`}>
            <Typography.Text strong>请选择签字的执法人员</Typography.Text>
            {candidates.map((officer) => (
              <Button
                key={officer.id}
                size="large"
                block
                icon={<EditOutlined />}
                onClick={() => setSigner(officer)}
                data-testid={`officer-pick-${officer.id}`}
                style={{ height: 'auto', minHeight: 52, justifyContent: 'flex-start', textAlign: 'left', whiteSpace: 'normal', padding: '8px 12px' }}
              >
                <Flex vertical gap={0}>
                  <span>
                    {officer.name}
                    {officer.leader ? '（组长）' : ''} · {departmentName(officer.department)}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    执法证号：{officer.certificateNumber}
                  </Typography.Text>
                </Flex>
              </Button>
            ))}
          </Flex>
        )}
        {maySign && signer && (
          <Flex vertical gap={8} data-testid={`${testId}-signing`}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong data-testid="current-signer">
                请 {signer.name}（执法证号 {signer.certificateNumber}）在框内签名
              </Typography.Text>
              <Button type="link" onClick={() => setSigner(null)} data-testid="signer-change" style={{ padding: 0 }}>
                更换签字人
              </Button>
            </Flex>
            <SignaturePad key={padKey} onConfirm={(image) => void confirm(image)} confirming={saving} placeholder={`${signer.name} 请在此签名`} />
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
