import { Alert, Button, Card, Checkbox, Flex, Input, Segmented, Typography } from 'antd';
import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import PrinterOutlined from '@ant-design/icons/es/icons/PrinterOutlined';
import ReloadOutlined from '@ant-design/icons/es/icons/ReloadOutlined';
import { HashText } from '../../components/hash-text';
import { MIN_SECRET_LENGTH } from '../../draw/party-secret';

/** One party's contribution to the seed, as the commitment step keeps it in the browser. */
export interface PartySeed {
  key: string;
  name: string;
  /** `generated`: 32 hex characters from the browser's CSPRNG; `typed`: the party's own text. */
  source: 'generated' | 'typed';
  secret: string;
  /** The party confirmed it has kept its secret (copied, written down or printed). */
  kept: boolean;
}

/** Props of {@link PartySeedCard}. */
export interface PartySeedCardProps {
  index: number;
  party: PartySeed;
  /** The commitment of the party's current name and secret, or null while either is invalid. */
  commitment: string | null;
  nameProblem: string | null;
  secretProblem: string | null;
  onChange: (party: PartySeed) => void;
  onRegenerate: () => void;
  onPrint: () => void;
  /** Absent for the two parties every draw needs. */
  onRemove?: () => void;
}

const SECRET_STYLE = {
  fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', monospace",
  fontSize: 24,
  letterSpacing: 1,
  wordBreak: 'break-all',
  margin: 0,
} as const;

/**
 * One party's seed: its name, the secret (generated here or typed by the party), the commitment
 * that will be published, and the party's confirmation that it keeps the secret for the reveal.
 */
export function PartySeedCard({ index, party, commitment, nameProblem, secretProblem, onChange, onRegenerate, onPrint, onRemove }: PartySeedCardProps) {
  return (
    <Card
      size="small"
      title={`参与方 ${index + 1}`}
      extra={onRemove && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该参与方" onClick={onRemove} style={{ minWidth: 40, minHeight: 40 }} />}
      data-testid={`party-${index}`}
    >
      <Flex vertical gap={12}>
        <div>
          <Typography.Text>参与方名称</Typography.Text>
          <Input value={party.name} status={nameProblem ? 'error' : undefined} onChange={(event) => onChange({ ...party, name: event.target.value })} maxLength={64} data-testid={`party-name-${index}`} />
          {nameProblem && <Typography.Text type="danger">{nameProblem}</Typography.Text>}
        </div>
        <Segmented<PartySeed['source']>
          block
          value={party.source}
          onChange={(source) => (source === 'generated' ? onRegenerate() : onChange({ ...party, source, secret: '', kept: false }))}
          options={[
            { value: 'generated', label: '浏览器随机生成' },
            { value: 'typed', label: '本方自行输入' },
          ]}
        />
        {party.source === 'generated' ? (
          <Flex vertical gap={8}>
            <Typography.Paragraph copyable={{ text: party.secret, tooltips: ['复制种子', '已复制'] }} style={SECRET_STYLE} data-testid={`party-secret-${index}`}>
              {party.secret}
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              <Button icon={<ReloadOutlined />} onClick={onRegenerate}>
                重新生成
              </Button>
              <Button icon={<PrinterOutlined />} onClick={onPrint} data-testid={`party-print-${index}`}>
                打印
              </Button>
            </Flex>
          </Flex>
        ) : (
          <div>
            <Input.Password
              value={party.secret}
              status={secretProblem && party.secret ? 'error' : undefined}
              onChange={(event) => onChange({ ...party, secret: event.target.value, kept: false })}
              placeholder={`本方自行设定的种子，至少 ${MIN_SECRET_LENGTH} 个字符`}
              maxLength={200}
              size="large"
              data-testid={`party-secret-input-${index}`}
            />
            {secretProblem && party.secret && <Typography.Text type="danger">{secretProblem}</Typography.Text>}
          </div>
        )}
        <div>
          <Typography.Text type="secondary">本方承诺（将公布）：</Typography.Text>
          {commitment ? <HashText value={commitment} testId={`party-commitment-${index}`} /> : <Typography.Text type="secondary">填写名称和种子后自动计算</Typography.Text>}
        </div>
        <Alert type="warning" showIcon title="种子由本方保管：揭示时需当场输入，丢失将无法完成本次抽取；揭示前不得告知任何人。" />
        <Checkbox
          checked={party.kept}
          disabled={!commitment}
          onChange={(event) => onChange({ ...party, kept: event.target.checked })}
          style={{ minHeight: 40, alignItems: 'center' }}
          data-testid={`party-kept-${index}`}
        >
          本方已抄录、复制或打印种子并妥善保管
        </Checkbox>
      </Flex>
    </Card>
  );
}
