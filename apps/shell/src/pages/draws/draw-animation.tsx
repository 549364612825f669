import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import CheckCircleFilled from '@ant-design/icons/es/icons/CheckCircleFilled';
import CloseCircleFilled from '@ant-design/icons/es/icons/CloseCircleFilled';
import FullscreenOutlined from '@ant-design/icons/es/icons/FullscreenOutlined';
import { BRAND_COLORS, departmentName, riskClassLabel, toDepartmentCode } from '@dr/ui';
import type { DrawReplay } from '../../draw/draw-replay';
import type { DrawNames } from '../../draw/use-draw-names';
import { describeStratumRule } from '../../draw/draw-parameters';

/** The whole display lasts about this long, whatever the number of venues. */
const TOTAL_MS = 15_000;
const MIN_STEP_MS = 120;
const MAX_STEP_MS = 700;

const KEYFRAMES = `
@keyframes dr-draw-in { from { opacity: 0; transform: translateY(-8px); } to { opacity: 1; transform: none; } }
.dr-draw-in { animation: dr-draw-in 0.45s ease-out; }
@media (prefers-reduced-motion: reduce) { .dr-draw-in { animation: none; } }`;

const MONO = "'SFMono-Regular', Consolas, 'Liberation Mono', monospace";
const WHITE = { color: '#ffffff' } as const;
const DIM = { color: 'rgba(255, 255, 255, 0.72)' } as const;

function Verdict({ ok, what }: { ok: boolean; what: string }) {
  return ok ? (
    <Typography.Text style={{ color: '#95de64' }}>
      <CheckCircleFilled /> {what}与公布结果一致
    </Typography.Text>
  ) : (
    <Typography.Text style={{ color: '#ff7875' }}>
      <CloseCircleFilled /> {what}与公布结果不一致
    </Typography.Text>
  );
}

/** Props of {@link DrawAnimation}. */
export interface DrawAnimationProps {
  replay: DrawReplay;
  names: DrawNames;
  /** Play step by step (a draw revealed just now); otherwise show everything at once with 重新演示. */
  animate: boolean;
  /** Called when everything is on screen. */
  onFinished: () => void;
}

/**
 * The draw as the meeting room watches it on the projector: stratum by stratum the drawn venues
 * appear in ticket order with their tickets, then the teams form. Every ticket and team shown was
 * recomputed in this browser from the receipt (docs/draw-algorithm.md §4–§5) and is checked against
 * the published result.
 */
export function DrawAnimation({ replay, names, animate, onFinished }: DrawAnimationProps) {
  const panel = useRef<HTMLDivElement>(null);
  const total = useMemo(() => replay.strata.reduce((sum, stratum) => sum + 1 + stratum.drawn.length, 0) + 1 + replay.teams.length, [replay]);
  const [shown, setShown] = useState(animate ? 0 : total);
  const [playing, setPlaying] = useState(animate);
  const finished = shown >= total;

  useEffect(() => {
    if (!playing || finished) return;
    const step = Math.min(MAX_STEP_MS, Math.max(MIN_STEP_MS, Math.floor(TOTAL_MS / total)));
    const timer = setTimeout(() => setShown((count) => count + 1), step);
    return () => clearTimeout(timer);
  }, [playing, finished, shown, total]);

  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  const venueName = (venueId: string) => names.venues.get(venueId)?.name ?? venueId;
  const officerName = (officerId: string) => names.officers.get(officerId)?.name ?? officerId;

  let frame = 0;
  const strata = replay.strata.map((stratum) => {
    const headerAt = frame;
    frame += 1 + stratum.drawn.length;
    if (shown <= headerAt) return null;
    const visible = stratum.drawn.slice(0, Math.max(0, shown - headerAt - 1));
    const done = visible.length === stratum.drawn.length;
    return (
      <div key={stratum.riskClass} className="dr-draw-in" data-testid={`animation-stratum-${stratum.riskClass}`}>
        <Typography.Title level={4} style={{ ...WHITE, marginTop: 16 }}>
          {riskClassLabel(stratum.riskClass)}：符合条件 {stratum.eligible} 家，按 {describeStratumRule(stratum.rule)} 抽取 {stratum.drawn.length} 家
        </Typography.Title>
        <Flex vertical gap={6}>
          {visible.map((venue, position) => (
            <Flex key={venue.venueId} gap={12} align="baseline" wrap className="dr-draw-in" data-testid={`drawn-venue-${venue.venueId}`}>
              <Tag color="gold" style={{ fontSize: 16, padding: '2px 8px' }}>
                {position + 1}
              </Tag>
              <Typography.Text style={{ ...DIM, fontFamily: MONO, fontSize: 15 }} title={venue.ticket} data-testid="drawn-ticket">
                {venue.ticket.slice(0, 16)}…
              </Typography.Text>
              <Typography.Text style={{ ...WHITE, fontSize: 20 }}>{venueName(venue.venueId)}</Typography.Text>
              <Typography.Text style={DIM}>{names.venues.get(venue.venueId)?.street}</Typography.Text>
            </Flex>
          ))}
        </Flex>
        {done && <Verdict ok={stratum.matchesReceipt} what="本层抽中的检查对象及顺序" />}
      </div>
    );
  });

  const teamsAt = frame;
  const teams = replay.teams.slice(0, Math.max(0, shown - teamsAt - 1));
  return (
    <div
      ref={panel}
      style={{ background: BRAND_COLORS.header, borderRadius: 8, padding: 20, minHeight: 240, overflow: 'auto' }}
      data-testid="draw-animation"
      data-finished={finished ? 'true' : 'false'}
    >
      <style>{KEYFRAMES}</style>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div>
          <Typography.Title level={3} style={{ ...WHITE, margin: 0 }}>
            抽取过程
          </Typography.Title>
          <Typography.Text style={DIM}>
            随机种子（由各方公开的种子计算）：<span style={{ fontFamily: MONO, wordBreak: 'break-all' }}>{replay.seed}</span>
          </Typography.Text>
          <div>
            <Verdict ok={replay.seedMatchesReceipt} what="随机种子" />
          </div>
        </div>
        <Flex gap={8}>
          {!finished && (
            <Button onClick={() => setShown(total)} data-testid="draw-animation-skip">
              跳过演示
            </Button>
          )}
          {finished && (
            <Button
              onClick={() => {
                setShown(0);
                setPlaying(true);
              }}
              data-testid="draw-animation-replay"
            >
              重新演示
            </Button>
          )}
          <Button icon={<FullscreenOutlined />} onClick={() => void panel.current?.requestFullscreen?.()} aria-label="全屏投影">
            全屏
          </Button>
        </Flex>
      </Flex>
      {strata}
      {shown > teamsAt && (
        <div className="dr-draw-in">
          <Typography.Title level={4} style={{ ...WHITE, marginTop: 24 }}>
            检查组组成（组长由{departmentName(toDepartmentCode(replay.leadDepartment))}执法人员担任）
          </Typography.Title>
          <Flex vertical gap={10}>
            {teams.map((team) => (
              <div key={team.venueId} className="dr-draw-in" style={{ borderInlineStart: '4px solid #faad14', paddingInlineStart: 12 }} data-testid={`team-${team.venueId}`}>
                <Typography.Text style={{ ...WHITE, fontSize: 18 }} strong>
                  {venueName(team.venueId)}
                </Typography.Text>
                <Flex gap={16} wrap style={{ marginTop: 4 }}>
                  {team.officers.map(({ department, officerIds }) => (
                    <Typography.Text key={department} style={WHITE}>
                      {departmentName(toDepartmentCode(department))}：
                      {officerIds.map((id, index) => (
                        <span key={id}>
                          {index > 0 && '、'}
                          {officerName(id)}
                          {id === team.leaderId && (
                            <Tag color="gold" style={{ marginInlineStart: 4 }}>
                              组长
                            </Tag>
                          )}
                        </span>
                      ))}
                    </Typography.Text>
                  ))}
                </Flex>
                {!team.matchesReceipt && <Verdict ok={false} what="本组" />}
              </div>
            ))}
          </Flex>
          {finished && <Verdict ok={replay.teams.every((team) => team.matchesReceipt)} what="全部检查组" />}
        </div>
      )}
    </div>
  );
}
