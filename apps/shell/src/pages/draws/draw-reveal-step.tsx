import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import CheckCircleFilled from '@ant-design/icons/es/icons/CheckCircleFilled';
import CloseCircleFilled from '@ant-design/icons/es/icons/CloseCircleFilled';
import { commitSeed } from '@dr/domain';
import { describeGraphQLError, fieldErrorOf } from '@dr/graphql-client';
import { browserSha256 } from '@dr/ui/browser-sha256';
import { RevealDrawDocument, type DrawHeaderFragment, type RevealDrawMutation } from '../../generated/graphql';
import { HashText } from '../../components/hash-text';
import { partySecretProblem } from '../../draw/party-secret';
import { CardHeading } from '@dr/ui';

/** Does this secret reproduce the party's published commitment? Null while it cannot be a secret yet. */
function matchesCommitment(party: string, commitment: string, secret: string): boolean | null {
  if (partySecretProblem(secret)) return null;
  return commitSeed(browserSha256, party, secret) === commitment;
}

/** Props of {@link DrawRevealStep}. */
export interface DrawRevealStepProps {
  draw: DrawHeaderFragment;
  onRevealed: (draw: RevealDrawMutation['revealDraw']) => void;
}

/**
 * Step 3 (揭示): each party types its secret; the server checks every one against the published
 * commitment, derives the seed from all of them and draws. A secret that does not match is refused
 * (nothing is recorded) and shown next to its party.
 */
export function DrawRevealStep({ draw, onRevealed }: DrawRevealStepProps) {
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [partyErrors, setPartyErrors] = useState<Record<string, string>>({});
  const [errorText, setErrorText] = useState<string | null>(null);
  const [revealDraw, { loading }] = useMutation(RevealDrawDocument);
  const complete = draw.seedCommitments.every(({ party }) => !partySecretProblem(secrets[party] ?? ''));

  const reveal = async () => {
    setErrorText(null);
    setPartyErrors({});
    try {
      const { data } = await revealDraw({
        variables: { input: { drawId: draw.id, reveals: draw.seedCommitments.map(({ party }) => ({ party, secret: secrets[party] ?? '' })) } },
      });
      if (data) onRevealed(data.revealDraw);
    } catch (error) {
      const fieldError = fieldErrorOf(error);
      if (fieldError?.field === 'reveals') {
        // The parties at fault are those whose secret does not reproduce their commitment: checked here
        // with the same function, so the server's sentence lands next to the right party.
        const wrong = draw.seedCommitments.filter(({ party, commitment }) => matchesCommitment(party, commitment, secrets[party] ?? '') !== true);
        if (wrong.length) {
          setPartyErrors(Object.fromEntries(wrong.map(({ party }) => [party, fieldError.message])));
          return;
        }
      }
      setErrorText(describeGraphQLError(error, { fieldLabels: { reveals: '公开的种子' }, texts: { FORBIDDEN: '只有联席办管理员可以揭示抽取' } }));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="draw-reveal-step">
      <Alert
        type="info"
        showIcon
        title="当场揭示"
        description="请各参与方依次输入本方保管的种子。系统逐一核对种子与事先公布的承诺，全部相符后由全部种子计算随机种子并完成抽取；种子和抽取结果随后公开，任何人均可重新计算验证。"
      />
      {draw.seedCommitments.map(({ party, commitment }, index) => {
        const secret = secrets[party] ?? '';
        const match = matchesCommitment(party, commitment, secret);
        const serverError = partyErrors[party];
        return (
          <Card key={party} size="small" title={<CardHeading level={3}>{party}</CardHeading>} data-testid={`reveal-party-${index}`}>
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">
                已公布的承诺：<HashText value={commitment} short={24} />
              </Typography.Text>
              <Input.Password
                size="large"
                value={secret}
                status={serverError || match === false ? 'error' : undefined}
                onChange={(event) => {
                  setSecrets((current) => ({ ...current, [party]: event.target.value }));
                  setPartyErrors(({ [party]: _cleared, ...rest }) => rest);
                }}
                placeholder={`${party}的种子`}
                autoComplete="off"
                data-testid={`reveal-secret-${index}`}
              />
              {match === true && (
                <Typography.Text type="success" data-testid={`reveal-match-${index}`}>
                  <CheckCircleFilled /> 与承诺相符
                </Typography.Text>
              )}
              {match === false && !serverError && (
                <Typography.Text type="warning">
                  <CloseCircleFilled /> 与承诺不符，请核对
                </Typography.Text>
              )}
              {serverError && (
                <Alert type="error" showIcon title={serverError} data-testid={`reveal-error-${index}`} />
              )}
            </Flex>
          </Card>
        );
      })}
      {errorText && <Alert type="error" showIcon title={errorText} data-testid="draw-reveal-error" />}
      <Flex justify="end">
        <Button type="primary" size="large" disabled={!complete} loading={loading} onClick={() => void reveal()} data-testid="draw-reveal">
          揭示并抽取
        </Button>
      </Flex>
    </Flex>
  );
}
