import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Card, Collapse, Descriptions, Flex, Input, List, Result, Spin, Typography, Upload } from 'antd';
import InboxOutlined from '@ant-design/icons/es/icons/InboxOutlined';
import { useSearchParams } from 'react-router-dom';
import type { VerificationCheck } from '@dr/domain';
import { describeGraphQLError, errorKindOf, fetchGatewayFile } from '@dr/graphql-client';
import { CardHeading, useIsPhone } from '@dr/ui';
import { useGatewayUrl } from '../../config/runtime-config-context';
import { DrawWorkerError, runDrawWorker } from '../../draw/draw-worker-client';
import type { ReceiptSummary } from '../../draw/draw-worker-protocol';
import { HashText } from '../../components/hash-text';
import { SYSTEM_NAME } from '../../layout/page-frame';
import { PublicFrame } from './public-frame';

const DRAW_ID = /^[0-9a-f-]{36}$/;
/** A receipt file larger than this is refused before reading (a 1,000,000-venue receipt is ~120 MB). */
const MAX_RECEIPT_BYTES = 300 * 1024 * 1024;

type Verification =
  | { state: 'idle' }
  | { state: 'running'; source: string; text: string; records?: { venues: number; inspectors: number } }
  | { state: 'done'; source: string; ok: boolean; checks: VerificationCheck[]; summary: ReceiptSummary }
  | { state: 'failed'; source: string; message: string };

/** How anyone can recompute a draw: docs/draw-algorithm.md in a few sentences. */
const ALGORITHM_STEPS = [
  '抽取前，联席办公布“承诺”：它是检查对象名录快照、执法人员名录快照、抽取参数和各参与方种子承诺的 SHA-256 哈希。承诺公布后，任何输入改动都会使承诺改变。',
  '各参与方（如联席办、公证处）事先只公布自己种子的哈希；揭示时当场公开种子，任何人都可核对种子与承诺是否相符。全部种子按参与方名称排序后共同算出随机种子，任何一方都无法单独左右结果。',
  '按参数排除不在定向街道、非营业、近期已检查且未发现问题的检查对象，其余按信用风险分类分层。每层抽取数为符合条件数乘以比例后向上取整（或固定数量）。',
  '每个检查对象的“签”是 SHA-256(随机种子、分类、编号)，签最小的若干家被抽中；执法人员按任务量最少优先、同等时按各自的签排序选派，申报回避的不派往相应检查对象，组长由牵头部门人员中担任组长次数最少者担任。',
  '本页面用与服务器相同的公开算法（dr-draw/1），在您的浏览器中重新计算名录快照哈希、承诺、各方种子和全部抽取结果，逐项核对。也可下载凭证，用按公开算法说明编写的任何程序独立验证。',
];

function ChecksList({ checks }: { checks: VerificationCheck[] }) {
  return (
    <List
      dataSource={checks}
      rowKey="check"
      renderItem={(check) => (
        <List.Item data-testid={`verify-check-${check.check}`} data-ok={check.ok ? 'true' : 'false'}>
          <Typography.Text type={check.ok ? 'success' : 'danger'} style={{ fontSize: 16 }}>
            {check.ok ? '✔' : '✘'} {check.message}
          </Typography.Text>
        </List.Item>
      )}
      data-testid="verify-checks"
    />
  );
}

function SummaryDescriptions({ summary }: { summary: ReceiptSummary }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'batch', label: '批次', children: summary.batch },
        { key: 'parties', label: '参与方', children: summary.parties.join('、') },
        { key: 'snapshots', label: '名录快照', children: `检查对象 ${summary.venues} 家，执法人员 ${summary.inspectors} 人` },
        { key: 'drawn', label: '抽中', children: `${summary.drawn} 家` },
        { key: 'commitment', label: '抽取承诺', children: <HashText value={summary.commitment} /> },
        { key: 'result', label: '结果哈希', children: <HashText value={summary.resultHash} /> },
      ]}
    />
  );
}

/**
 * 抽取结果公开验证 (R-DRAW-3): anyone, without an account, enters a draw's id (the receipt is public) or
 * drops a receipt file, and the page recomputes the whole draw in a Web Worker with the same pure
 * code the server ran, then shows every check and the verdict.
 */
export function VerifyPage() {
  const isPhone = useIsPhone();
  const gatewayUrl = useGatewayUrl();
  const [searchParams, setSearchParams] = useSearchParams();
  const [drawId, setDrawId] = useState(searchParams.get('drawId') ?? '');
  const [idError, setIdError] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    document.title = `抽取结果公开验证 - ${SYSTEM_NAME}`;
    return () => abort.current?.abort();
  }, []);

  const verify = useCallback(async (source: string, text: string) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setVerification({ state: 'running', source, text });
    try {
      const outcome = await runDrawWorker(
        { task: 'verify', receiptText: text },
        (progress) => {
          if (progress.venues !== undefined && progress.inspectors !== undefined) {
            setVerification({ state: 'running', source, text, records: { venues: progress.venues, inspectors: progress.inspectors } });
          }
        },
        controller.signal,
      );
      if (outcome.type === 'verified') setVerification({ state: 'done', source, ok: outcome.ok, checks: outcome.checks, summary: outcome.summary });
    } catch (error) {
      if (controller.signal.aborted) return;
      setVerification({ state: 'failed', source, message: error instanceof DrawWorkerError ? error.message : describeGraphQLError(error) });
    }
  }, []);

  const verifyById = useCallback(
    async (value: string) => {
      const id = value.trim().toLowerCase();
      if (!DRAW_ID.test(id)) {
        setIdError('抽取编号应为 36 位字母、数字和连字符，可在抽取凭证或公示信息中找到');
        return;
      }
      setIdError(null);
      setSearchParams({ drawId: id }, { replace: true });
      setVerification({ state: 'running', source: `抽取编号 ${id}`, text: '' });
      try {
        const response = await fetchGatewayFile({ gatewayUrl, path: `/files/draws/${id}/receipt.json` });
        await verify(`抽取编号 ${id}`, await response.text());
      } catch (error) {
        const message = errorKindOf(error) === 'NOT_FOUND' ? '未找到该抽取，或该抽取尚未完成（凭证在揭示完成后公开）' : `凭证获取失败：${describeGraphQLError(error)}`;
        setVerification({ state: 'failed', source: `抽取编号 ${id}`, message });
      }
    },
    [gatewayUrl, setSearchParams, verify],
  );

  // A link from a receipt (…/public/verify?drawId=…) verifies at once, once.
  const initialId = useRef(searchParams.get('drawId'));
  useEffect(() => {
    const id = initialId.current;
    initialId.current = null;
    if (id) void verifyById(id);
  }, [verifyById]);

  const running = verification.state === 'running';
  return (
    <PublicFrame section="抽取结果公开验证">
      <Flex vertical gap={16} data-testid="verify-page">
        <Card>
          <Typography.Title level={2} style={{ fontSize: isPhone ? 20 : 24, marginTop: 0 }}>
            双随机抽取结果公开验证
          </Typography.Title>
          <Typography.Paragraph>
            “双随机、一公开”抽取的全部输入和结果都已公开。输入抽取编号，或上传抽取凭证文件（receipt.json），本页将按公开的算法在您的浏览器中重新计算整个抽取过程，逐项核对结果是否与公布的一致。无需登录。
          </Typography.Paragraph>
          <Flex vertical={isPhone} gap={16}>
            <Card size="small" title={<CardHeading>按抽取编号验证</CardHeading>} style={{ flex: 1 }}>
              <Flex vertical gap={8}>
                <Input.Search
                  value={drawId}
                  onChange={(event) => setDrawId(event.target.value)}
                  onSearch={(value) => void verifyById(value)}
                  enterButton="验证"
                  placeholder="抽取编号"
                  status={idError ? 'error' : undefined}
                  disabled={running}
                  size="large"
                  data-testid="verify-draw-id"
                />
                {idError && <Typography.Text type="danger">{idError}</Typography.Text>}
              </Flex>
            </Card>
            <Card size="small" title={<CardHeading>上传凭证文件验证</CardHeading>} style={{ flex: 1 }}>
              <div data-testid="verify-file">
                <Upload.Dragger
                  accept=".json,application/json"
                  maxCount={1}
                  showUploadList={false}
                  disabled={running}
                  beforeUpload={(file) => {
                    if (file.size > MAX_RECEIPT_BYTES) {
                      setVerification({ state: 'failed', source: file.name, message: '文件过大，不是有效的抽取凭证' });
                    } else {
                      void file.text().then((text) => verify(`文件 ${file.name}`, text));
                    }
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">点击或将 receipt.json 拖到此处</p>
                </Upload.Dragger>
              </div>
            </Card>
          </Flex>
        </Card>

        {verification.state === 'running' && (
          <Card>
            <Flex vertical align="center" gap={8} style={{ padding: 24 }} data-testid="verify-running">
              <Spin size="large" />
              <Typography.Text>
                {verification.records
                  ? `正在重新计算：检查对象 ${verification.records.venues} 家、执法人员 ${verification.records.inspectors} 人…`
                  : `正在读取${verification.source}的凭证…`}
              </Typography.Text>
            </Flex>
          </Card>
        )}
        {verification.state === 'failed' && (
          <Card>
            <Result status="error" title="验证未通过" subTitle={verification.message} data-testid="verify-result" data-ok="false" />
          </Card>
        )}
        {verification.state === 'done' && (
          <Card>
            <Result
              status={verification.ok ? 'success' : 'error'}
              title={verification.ok ? '验证通过' : '验证未通过'}
              subTitle={verification.ok ? `重新计算的结果与公布的结果完全一致（${verification.source}）` : `凭证与重新计算的结果不符，结果可能被改动（${verification.source}）`}
              data-testid="verify-result"
              data-ok={verification.ok ? 'true' : 'false'}
            />
            <ChecksList checks={verification.checks} />
            <SummaryDescriptions summary={verification.summary} />
          </Card>
        )}

        <Collapse
          items={[
            {
              key: 'algorithm',
              label: '验证原理：任何人都可以重新计算',
              children: (
                <ol style={{ paddingInlineStart: 20, margin: 0 }}>
                  {ALGORITHM_STEPS.map((step) => (
                    <li key={step} style={{ marginBottom: 8 }}>
                      {step}
                    </li>
                  ))}
                </ol>
              ),
            },
          ]}
          data-testid="verify-algorithm"
        />
        {verification.state === 'idle' && <Alert type="info" showIcon title="抽取编号印在抽取凭证上，也随抽取结果一并公示。" />}
      </Flex>
    </PublicFrame>
  );
}
