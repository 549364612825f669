import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Segmented, Typography, type ButtonProps } from 'antd';
import { CardHeading, CameraPhotoInput, SignaturePad, type SignatureImage } from '@dr/ui';
import { DEFAULT_REFUSAL_NOTE } from './visit-labels';

/** What the venue's person in charge gives: a name, a signature and a photo of the stamped form. */
export interface VenueSignatureValues {
  signerName: string;
  signature: string;
  stamp: string;
}

/** Props of {@link VenueResponsePanel}. */
export interface VenueResponsePanelProps {
  venueName: string;
  /** Prefills the signer (法定代表人), who may hand over to the manager present. */
  legalRepresentative: string | null;
  maySign: boolean;
  onSign: (values: VenueSignatureValues) => Promise<void>;
  onRefuse: (note: string) => Promise<void>;
}

/**
 * R-VISIT-3, the venue's turn: its person in charge signs on the pad and the stamped form is
 * photographed; or the venue refuses, and the team writes down the refusal (which the officers
 * then sign).
 */
export function VenueResponsePanel({ venueName, legalRepresentative, maySign, onSign, onRefuse }: VenueResponsePanelProps) {
  const [mode, setMode] = useState<'sign' | 'refuse'>('sign');
  const [signerName, setSignerName] = useState(legalRepresentative ?? '');
  const [signature, setSignature] = useState<SignatureImage | null>(null);
  const [stamp, setStamp] = useState<string | null>(null);
  const [note, setNote] = useState(DEFAULT_REFUSAL_NOTE);
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const { modal } = App.useApp();

  if (!maySign) {
    return (
      <Card title={<CardHeading>被检查对象签字盖章</CardHeading>} data-testid="venue-response">
        <Typography.Text type="secondary">等待检查组在现场组织被检查对象签字盖章。</Typography.Text>
      </Card>
    );
  }

  const run = async (action: () => Promise<void>) => {
    setSaving(true);
    try {
      await action();
    } finally {
      setSaving(false);
    }
  };

  const submitSignature = () => {
    setTried(true);
    if (!signerName.trim() || !signature || !stamp) return;
    void run(() => onSign({ signerName: signerName.trim(), signature: signature.dataUrl, stamp }));
  };

  // A refusal changes what happens next for everyone present: say so, and ask once more.
  const submitRefusal = () => {
    setTried(true);
    if (note.trim().length < 2) return;
    modal.confirm({
      title: '确认记录被检查对象拒绝签字盖章？',
      content: (
        <Flex vertical gap={4} data-testid="refusal-confirm-text">
          <span>记录后，记录表不再由被检查对象签字盖章，改由组长和至少一名其他执法人员在拒签说明上签字，见证拒签。</span>
          <span>拒签情况将写入记录表并保留备查。如属误操作，组长可在执法人员签署拒签说明前撤回（须写明理由）；执法人员签字后不能撤回。</span>
        </Flex>
      ),
      okText: '确认记录拒签',
      okButtonProps: { danger: true, 'data-testid': 'refusal-confirm-ok' } as ButtonProps,
      cancelText: '返回',
      cancelButtonProps: { 'data-testid': 'refusal-confirm-cancel' } as ButtonProps,
      onOk: () => run(() => onRefuse(note.trim())),
    });
  };

  return (
    <Card title={<CardHeading>被检查对象签字盖章</CardHeading>} data-testid="venue-response">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          请{venueName}的负责人核对记录表后签字，并在纸质记录表上加盖公章后拍照；拒绝签字的，如实记录拒签情况，由执法人员签字确认。
        </Typography.Paragraph>
        <Segmented<'sign' | 'refuse'>
          block
          size="large"
          value={mode}
          onChange={(value) => {
            setMode(value);
            setTried(false);
          }}
          options={[
            { value: 'sign', label: <span data-testid="venue-mode-sign">签字盖章</span> },
            { value: 'refuse', label: <span data-testid="venue-refuse">拒绝签字</span> },
          ]}
        />
        {mode === 'sign' ? (
          <Form layout="vertical" component="div">
            <Form.Item label="签字人姓名" required validateStatus={tried && !signerName.trim() ? 'error' : undefined} help={tried && !signerName.trim() ? '请填写签字人姓名' : undefined}>
              <Input size="large" value={signerName} onChange={(event) => setSignerName(event.target.value)} maxLength={50} data-testid="venue-signer-name" />
            </Form.Item>
            <Form.Item label="签名" required validateStatus={tried && !signature ? 'error' : undefined} help={tried && !signature ? '请签名并点“确认签名”' : undefined}>
              {signature ? (
                <Flex vertical gap={8} data-testid="venue-signature-done">
                  <img src={signature.dataUrl} alt="被检查对象签名" style={{ maxHeight: 96, maxWidth: '100%', objectFit: 'contain', border: '1px solid #f0f0f0', alignSelf: 'flex-start' }} />
                  <Button onClick={() => setSignature(null)} style={{ alignSelf: 'flex-start' }} data-testid="venue-signature-redo">
                    重新签名
                  </Button>
                </Flex>
              ) : (
                <SignaturePad onConfirm={setSignature} placeholder="被检查对象负责人请在此签名" />
              )}
            </Form.Item>
            <Form.Item
              label="盖章照片"
              required
              extra="在纸质记录表上加盖公章后拍照，照片会压缩后上传"
              validateStatus={tried && !stamp ? 'error' : undefined}
              help={tried && !stamp ? '请拍摄盖章照片' : undefined}
            >
              <CameraPhotoInput value={stamp} onChange={setStamp} buttonText="拍摄盖章照片" testId="venue-stamp" />
            </Form.Item>
            <Button type="primary" size="large" block loading={saving} onClick={submitSignature} data-testid="venue-sign-submit">
              提交签字盖章
            </Button>
          </Form>
        ) : (
          <Flex vertical gap={8}>
            <Alert type="warning" showIcon title="记录拒签后，由组长和至少一名其他执法人员在拒签说明上签字" />
            <Form layout="vertical" component="div">
              <Form.Item label="拒签情况说明" required validateStatus={tried && note.trim().length < 2 ? 'error' : undefined} help={tried && note.trim().length < 2 ? '请写明拒签情况' : undefined}>
                <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount data-testid="venue-refusal-note" />
              </Form.Item>
            </Form>
            <Button danger type="primary" size="large" block loading={saving} onClick={submitRefusal} data-testid="venue-refusal-submit">
              记录拒签
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
