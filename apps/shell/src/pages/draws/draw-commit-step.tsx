import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { commitSeed } from '@dr/domain';
import { describeGraphQLError, errorKindOf, serverMessageOf } from '@dr/graphql-client';
import { CardHeading, departmentName, usePrintable, type DepartmentCode } from '@dr/ui';
import { browserSha256 } from '@dr/ui/browser-sha256';
import { CommitDrawDocument, type DrawHeaderFragment } from '../../generated/graphql';
import { describeParameters, toParametersInput, type DrawParameterValues } from '../../draw/draw-parameters';
import { generatePartySecret, partyNameProblem, partySecretProblem } from '../../draw/party-secret';
import { PartySeedCard, type PartySeed } from './party-seed-card';
import { SeedSlip } from './seed-slip';

let partyKeys = 0;
const newParty = (name: string): PartySeed => ({ key: `party-${(partyKeys += 1)}`, name, source: 'generated', secret: generatePartySecret(), kept: false });

/** The next free witness name: 见证人, 见证人2, … */
function witnessName(parties: readonly PartySeed[]): string {
  const names = new Set(parties.map((party) => party.name.trim()));
  if (!names.has('见证人')) return '见证人';
  let n = 2;
  while (names.has(`见证人${n}`)) n += 1;
  return `见证人${n}`;
}

/** Props of {@link DrawCommitStep}. */
export interface DrawCommitStepProps {
  plan: { id: string; documentNumber: string; leadDepartment: DepartmentCode; participatingDepartments: readonly DepartmentCode[] };
  parameters: DrawParameterValues;
  /** The draw this one replaces, for a redraw. */
  supersedesId: string | null;
  onBack: () => void;
  onCommitted: (draw: DrawHeaderFragment) => void;
}

/**
 * Step 2 (承诺): each party (at least two: 联席办 and 公证处 by default, witnesses may join) gets a
 * secret made in this browser or types its own; only the commitments
 * SHA-256("dr-draw/1" ␟ "commit" ␟ party ␟ secret) leave the browser. Publishing fixes the directories,
 * the parameters and the commitments before anyone reveals a secret (R-DRAW-3).
 */
export function DrawCommitStep({ plan, parameters, supersedesId, onBack, onCommitted }: DrawCommitStepProps) {
  const [parties, setParties] = useState<PartySeed[]>(() => [newParty('联席办'), newParty('公证处')]);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [commitDraw, { loading }] = useMutation(CommitDrawDocument);
  const printable = usePrintable();

  const checked = useMemo(
    () =>
      parties.map((party) => {
        const others = parties.filter((other) => other.key !== party.key).map((other) => other.name);
        const nameProblem = partyNameProblem(party.name, others);
        const secretProblem = partySecretProblem(party.secret);
        const commitment = nameProblem || secretProblem ? null : commitSeed(browserSha256, party.name.trim(), party.secret);
        return { party, nameProblem, secretProblem, commitment };
      }),
    [parties],
  );
  const ready = checked.length >= 2 && checked.every((entry) => entry.commitment && entry.party.kept);

  const update = (next: PartySeed) => setParties((list) => list.map((party) => (party.key === next.key ? next : party)));

  const publish = async () => {
    setErrorText(null);
    try {
      const { data } = await commitDraw({
        variables: {
          input: {
            planId: plan.id,
            parameters: toParametersInput(parameters, plan.participatingDepartments),
            seedCommitments: checked.map((entry) => ({ party: entry.party.name.trim(), commitment: entry.commitment! })),
            supersedesId,
            redrawReason: supersedesId ? parameters.redrawReason?.trim() : null,
          },
        },
      });
      if (data) onCommitted(data.commitDraw);
    } catch (error) {
      const kind = errorKindOf(error);
      // The server's sentence names the batch's standing draw, or the parameter at fault.
      const own = kind === 'CONFLICT' || kind === 'BAD_USER_INPUT' ? serverMessageOf(error, kind) : null;
      setErrorText(own ?? describeGraphQLError(error, { texts: { FORBIDDEN: '只有联席办管理员可以发起抽取' } }));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="draw-commit-step">
      <Card size="small" title={<CardHeading>抽取参数（公布承诺后不可更改）</CardHeading>}>
        <Descriptions size="small" column={1} items={describeParameters(parameters, plan.leadDepartment, departmentName).map((line) => ({ key: line.key, label: line.label, children: line.value }))} />
      </Card>
      <Alert
        type="info"
        showIcon
        title="种子承诺"
        description="每个参与方各自产生一个种子（随机数），只公布由种子计算出的承诺。承诺公布后，名录快照、参数和各方承诺即被固定；揭示时各方当场公开种子，由全部种子共同决定抽取结果，任何一方都无法单独左右。"
      />
      <Flex vertical gap={12}>
        {checked.map(({ party, nameProblem, secretProblem, commitment }, index) => (
          <PartySeedCard
            key={party.key}
            index={index}
            party={party}
            commitment={commitment}
            nameProblem={nameProblem}
            secretProblem={secretProblem}
            onChange={update}
            onRegenerate={() => update({ ...party, source: 'generated', secret: generatePartySecret(), kept: false })}
            onPrint={() => printable.print(<SeedSlip plan={plan} batch={parameters.batch} party={party.name.trim()} secret={party.secret} commitment={commitment} />, `种子-${party.name.trim()}`)}
            onRemove={index >= 2 ? () => setParties((list) => list.filter((other) => other.key !== party.key)) : undefined}
          />
        ))}
        <Button type="dashed" icon={<PlusOutlined />} disabled={parties.length >= 10} onClick={() => setParties((list) => [...list, newParty(witnessName(list))])} data-testid="party-add">
          添加见证人
        </Button>
      </Flex>
      {errorText && <Alert type="error" showIcon title={errorText} data-testid="draw-commit-error" />}
      <Flex justify="space-between" gap={8} wrap>
        <Button onClick={onBack}>上一步：修改参数</Button>
        <Flex vertical align="end" gap={4}>
          <Button type="primary" disabled={!ready} loading={loading} onClick={() => void publish()} data-testid="draw-commit">
            公布承诺
          </Button>
          {!ready && <Typography.Text type="secondary">各参与方确认已保管种子后方可公布</Typography.Text>}
        </Flex>
      </Flex>
      {printable.portal}
    </Flex>
  );
}
