import { todayInChina } from '@dr/ui';

/** Props of {@link SeedSlip}. */
export interface SeedSlipProps {
  plan: { documentNumber: string };
  batch: string;
  party: string;
  secret: string;
  commitment: string | null;
}

/** A party's printed seed slip: what it must bring to the reveal, and what it must not do before. */
export function SeedSlip({ plan, batch, party, secret, commitment }: SeedSlipProps) {
  return (
    <div>
      <h1 style={{ textAlign: 'center', fontSize: '20pt' }}>双随机抽取种子（{party}）</h1>
      <p>
        方案：{plan.documentNumber}　批次：{batch}　打印日期：{todayInChina()}
      </p>
      <p>种子：</p>
      <p style={{ fontSize: '22pt', fontFamily: "'Courier New', monospace", letterSpacing: '2px', wordBreak: 'break-all', border: '2px solid #000', padding: '12px' }}>{secret}</p>
      {commitment && (
        <p>
          已公布的承诺（SHA-256）：<code>{commitment}</code>
        </p>
      )}
      <p>注意：揭示时须当场输入本种子；丢失将无法完成本次抽取。揭示前不得告知任何人，包括其他参与方。</p>
      <p style={{ marginTop: '48px' }}>保管人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿</p>
    </div>
  );
}
