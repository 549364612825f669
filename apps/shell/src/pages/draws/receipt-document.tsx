import { departmentName, formatDateTime, riskClassLabel, toDepartmentCode } from '@dr/ui';
import type { DrawDetailQuery } from '../../generated/graphql';
import { describeParameters, parameterValuesOf } from '../../draw/draw-parameters';
import type { DrawReplay } from '../../draw/draw-replay';
import type { DrawNames } from '../../draw/use-draw-names';
import { ISSUING_OFFICE } from '../public/public-site';

type Draw = NonNullable<DrawDetailQuery['draw']>;

const cell = { fontFamily: "'Courier New', monospace", wordBreak: 'break-all' } as const;

/** Props of {@link ReceiptDocument}. */
export interface ReceiptDocumentProps {
  draw: Draw;
  replay: DrawReplay;
  names: DrawNames;
  /** The public verification page for this draw. */
  verifyUrl: string;
}

/**
 * The printed receipt of a draw (双随机抽取凭证): plan and batch, the commitment and the snapshot
 * hashes, the parameters, every party with its commitment and revealed secret, the seed, the result
 * hash, the drawn venues with their teams, and how anyone can verify it.
 */
export function ReceiptDocument({ draw, replay, names, verifyUrl }: ReceiptDocumentProps) {
  const parameters = describeParameters(parameterValuesOf(draw.parameters), draw.parameters.leadDepartment, departmentName);
  const reveals = new Map((draw.reveals ?? []).map((reveal) => [reveal.party, reveal.secret]));
  const officer = (id: string) => names.officers.get(id)?.name ?? id;
  let number = 0;
  return (
    <div>
      <h1 style={{ textAlign: 'center', fontSize: '20pt', marginBottom: 4 }}>双随机抽取凭证</h1>
      <p style={{ textAlign: 'center', marginTop: 0 }}>{ISSUING_OFFICE}</p>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '22%' }}>实施方案</th>
            <td>
              {draw.plan.documentNumber}　{draw.plan.title}
            </td>
          </tr>
          <tr>
            <th>抽取编号</th>
            <td style={cell}>{draw.id}</td>
          </tr>
          <tr>
            <th>公布承诺时间</th>
            <td>{formatDateTime(draw.createdAt)}</td>
          </tr>
          <tr>
            <th>揭示抽取时间</th>
            <td>{formatDateTime(draw.revealedAt)}</td>
          </tr>
          <tr>
            <th>算法版本</th>
            <td>{draw.algorithm}</td>
          </tr>
          <tr>
            <th>抽取承诺</th>
            <td style={cell}>{draw.commitment}</td>
          </tr>
          <tr>
            <th>检查对象名录快照</th>
            <td style={cell}>
              {draw.venueCount} 家　{draw.venueSnapshotHash}
            </td>
          </tr>
          <tr>
            <th>执法人员名录快照</th>
            <td style={cell}>
              {draw.inspectorCount} 人　{draw.inspectorSnapshotHash}
            </td>
          </tr>
          {parameters.map((line) => (
            <tr key={line.key}>
              <th>{line.label}</th>
              <td>{line.value}</td>
            </tr>
          ))}
          <tr>
            <th>随机种子</th>
            <td style={cell}>{draw.seed}</td>
          </tr>
          <tr>
            <th>结果哈希</th>
            <td style={cell}>{draw.resultHash}</td>
          </tr>
        </tbody>
      </table>

      <h2 style={{ fontSize: '14pt' }}>参与方、种子承诺与公开的种子</h2>
      <table>
        <thead>
          <tr>
            <th>参与方</th>
            <th>事先公布的承诺</th>
            <th>揭示时公开的种子</th>
            <th>签字</th>
          </tr>
        </thead>
        <tbody>
          {draw.seedCommitments.map(({ party, commitment }) => (
            <tr key={party}>
              <td>{party}</td>
              <td style={cell}>{commitment}</td>
              <td style={cell}>{reveals.get(party)}</td>
              <td style={{ width: '16%' }} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2 style={{ fontSize: '14pt' }} className="dr-print-break">
        抽取结果（{draw.drawnCount ?? 0} 家）
      </h2>
      <table>
        <thead>
          <tr>
            <th>序号</th>
            <th>分类</th>
            <th>检查对象</th>
            <th>检查组（组长在前）</th>
          </tr>
        </thead>
        <tbody>
          {replay.strata.flatMap((stratum) =>
            stratum.drawn.map((venue) => {
              number += 1;
              const team = replay.teams.find((candidate) => candidate.venueId === venue.venueId);
              const venueName = names.venues.get(venue.venueId);
              return (
                <tr key={venue.venueId}>
                  <td>{number}</td>
                  <td>{riskClassLabel(stratum.riskClass)}</td>
                  <td>
                    {venueName ? `${venueName.name}（${venueName.street}）` : venue.venueId}
                  </td>
                  <td>
                    {team && `组长：${officer(team.leaderId)}；`}
                    {team?.officers.map(({ department, officerIds }) => `${departmentName(toDepartmentCode(department))}：${officerIds.map(officer).join('、')}`).join('；')}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>

      <h2 style={{ fontSize: '14pt' }}>验证方法</h2>
      <p>
        本次抽取的全部输入（名录快照、参数、各方承诺与公开的种子）和结果均已公开。任何人均可下载抽取凭证（receipt.json），用公开的算法（dr-draw/1）重新计算，核对结果是否一致：
      </p>
      <ol>
        <li>
          用按公开算法说明编写的任何程序，对下载的凭证独立重算；
        </li>
        <li>
          或访问公开验证页面：<code>{verifyUrl}</code>，输入抽取编号或上传凭证文件。
        </li>
      </ol>
      <p style={{ marginTop: 40 }}>经办人：＿＿＿＿＿＿＿＿　　监督人：＿＿＿＿＿＿＿＿　　（盖章）</p>
    </div>
  );
}
