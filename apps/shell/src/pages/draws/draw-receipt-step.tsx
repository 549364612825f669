import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import PrinterOutlined from '@ant-design/icons/es/icons/PrinterOutlined';
import { Link } from 'react-router-dom';
import { CardHeading, downloadBlob, usePrintable } from '@dr/ui';
import type { DrawDetailQuery } from '../../generated/graphql';
import type { DrawReceiptState } from '../../draw/use-draw-receipt';
import type { DrawNames } from '../../draw/use-draw-names';
import { verifyPageUrl } from '../public/public-site';
import { ReceiptDocument } from './receipt-document';

type Draw = NonNullable<DrawDetailQuery['draw']>;

/** Props of {@link DrawReceiptStep}. */
export interface DrawReceiptStepProps {
  draw: Draw;
  receipt: DrawReceiptState;
  names: DrawNames;
}

/**
 * Step 5 (凭证): the receipt as published (JSON) for anyone to recompute, a printed receipt for the
 * file and the meeting's signatures, and how to verify.
 */
export function DrawReceiptStep({ draw, receipt, names }: DrawReceiptStepProps) {
  const printable = usePrintable();
  const verifyUrl = verifyPageUrl(draw.id);
  const ready = !!receipt.text && !!receipt.replay;

  return (
    <Flex vertical gap={16} data-testid="draw-receipt-step">
      <Card size="small" title={<CardHeading>抽取凭证</CardHeading>}>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            抽取凭证包含本次抽取的全部输入与结果：名录快照、抽取参数、各方承诺与公开的种子、随机种子、抽取结果及结果哈希。凭证公开发布，任何人无需登录即可下载验证。
          </Typography.Paragraph>
          {receipt.error && <Alert type="error" showIcon title={receipt.error} action={<Button onClick={receipt.retry}>重试</Button>} />}
          {!ready && !receipt.error && <Spin />}
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              disabled={!receipt.text}
              onClick={() => downloadBlob(new Blob([receipt.text ?? ''], { type: 'application/json' }), `draw-${draw.id}-receipt.json`)}
              data-testid="receipt-download"
            >
              下载凭证（JSON）
            </Button>
            <Button
              icon={<PrinterOutlined />}
              disabled={!ready}
              onClick={() => receipt.replay && printable.print(<ReceiptDocument draw={draw} replay={receipt.replay} names={names} verifyUrl={verifyUrl} />, `双随机抽取凭证-${draw.batch}`)}
              data-testid="receipt-print"
            >
              打印凭证
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={<CardHeading>如何验证</CardHeading>}>
        <Typography.Paragraph>任何人都可以用公开的算法重新计算本次抽取，核对结果是否与公布的一致：</Typography.Paragraph>
        <ol style={{ paddingInlineStart: 20 }}>
          <li>
            <Typography.Text>
              下载凭证（receipt.json），用按公开算法说明编写的任何程序独立重算；
            </Typography.Text>
          </li>
          <li>
            <Typography.Text>
              或打开公开验证页面（无需登录）：
              <Link to={`/public/verify?drawId=${draw.id}`} data-testid="receipt-verify-link">
                {verifyUrl}
              </Link>
            </Typography.Text>
          </li>
        </ol>
        <Typography.Text type="secondary">抽取编号：</Typography.Text>
        <Typography.Text code copyable data-testid="receipt-draw-id">
          {draw.id}
        </Typography.Text>
      </Card>
      {printable.portal}
    </Flex>
  );
}
