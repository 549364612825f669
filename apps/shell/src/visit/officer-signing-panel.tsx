import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { CardHeading, departmentName, formatDateTime, SignaturePad, type SignatureImage } from '@dr/ui';
import { GatewayImage } from './gateway-file-views';
import type { OfficerSignatureView, TeamOfficer } from './signing-state';
import { signingErrorText } from './use-visit-writes';

/** 本人确认: the signer's own login, typed by the signer. */
export interface SignerCredentials {
  signerUsername: string;
  signerPassword: string;
}

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
  /** Each officer's login (inspector id → username), prefilled for 本人确认; null: the officer has no login yet. */
  usernames: ReadonlyMap<string, string | null>;
  /** Signing checks the signer's password with the server, so it needs the network. */
  online: boolean;
  /** Refuses (throws) when the server refuses, e.g. a wrong password. */
  onSign: (officer: TeamOfficer, image: SignatureImage, credentials: SignerCredentials) => Promise<void>;
  /** Prefix of test ids: `${testId}-signature-{id}`. */
  testId: string;
}

/**
 * The officers present sign one after another on the same phone: pick who signs (with the 执法证号
 * they show), confirm it is them with their own login and password (本人确认), sign on the pad; the
 * next one picks their name. The password is checked by the server at once and never stored, so
 * signing needs the network (ADR 0015).
 */
export function OfficerSigningPanel({ title, hint, signatures, candidates, missing, maySign, usernames, online, onSign, testId }: OfficerSigningPanelProps) {
  const [signer, setSignerState] = useState<TeamOfficer | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [padKey, setPadKey] = useState(0);
  // Once enough have signed, the others present may still sign, but the list no longer takes the screen.
  const [showMore, setShowMore] = useState(false);
  const offerCandidates = missing.length > 0 || showMore;

  const setSigner = (officer: TeamOfficer | null) => {
    setSignerState(officer);
    setUsername(officer ? (usernames.get(officer.id) ?? '') : '');
    setPassword('');
    setTried(false);
    setRefused(null);
  };

  const confirm = async (image: SignatureImage) => {
    if (!signer) return;
    setTried(true);
    if (!username.trim() || !password) return;
    setSaving(true);
    setRefused(null);
    try {
      await onSign(signer, image, { signerUsername: username.trim(), signerPassword: password });
      setSigner(null);
      setPadKey((key) => key + 1);
    } catch (error) {
      // The signature stays on the pad; only the password is typed again.
      setPassword('');
      setRefused(signingErrorText(error));
    } finally {
      setSaving(false);
    }
  };
  const noLogin = signer !== null && !usernames.get(signer.id);

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
            {!online && (
              <Alert type="warning" showIcon title="签字须联网" description="签字前须由签字人本人输入账号和密码核对，密码不保存在本机。请联网后再签字。" data-testid="signing-needs-network" />
            )}
            {noLogin ? (
              <Alert type="error" showIcon title="该执法人员尚无登录账号，不能签字" description="请联系联席办为其开通账号后再签字。" data-testid="signer-no-login" />
            ) : (
              <>
                <Form layout="vertical" component="div" data-testid="signer-confirmation">
                  <Typography.Text strong>本人确认：请 {signer.name} 本人输入自己的账号密码</Typography.Text>
                  <Form.Item label="用户名" required validateStatus={tried && !username.trim() ? 'error' : undefined} help={tried && !username.trim() ? '请输入签字人本人的用户名' : undefined} style={{ marginBottom: 8, marginTop: 8 }}>
                    <Input size="large" value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" maxLength={50} aria-label="签字人本人的用户名" data-testid="signer-username" />
                  </Form.Item>
                  <Form.Item
                    label="密码"
                    required
                    validateStatus={refused || (tried && !password) ? 'error' : undefined}
                    help={refused ? <span data-testid="signer-confirmation-error">{refused}</span> : tried && !password ? '请签字人本人输入登录密码' : undefined}
                    style={{ marginBottom: 8 }}
                  >
                    <Input.Password size="large" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" maxLength={200} aria-label="签字人本人的登录密码" data-testid="signer-password" />
                  </Form.Item>
                </Form>
                <SignaturePad key={padKey} onConfirm={(image) => void confirm(image)} confirming={saving} disabled={!online} placeholder={`${signer.name} 请在此签名`} />
              </>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
