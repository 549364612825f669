import { registerEnumType } from 'type-graphql';

export enum ReferralState {
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}
registerEnumType(ReferralState, {
  name: 'ReferralState',
  description: '移送状态（R-RES-3）',
  valuesConfig: { SENT: { description: '已移送' }, ACCEPTED: { description: '已接收' }, RETURNED: { description: '已退回' }, ACKNOWLEDGED: { description: '对方已确认收到' } },
});

export enum ReferralChannel {
  LETTER = 'LETTER',
  SYSTEM = 'SYSTEM',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ReferralChannel, {
  name: 'ReferralChannel',
  description: '移送方式',
  valuesConfig: { LETTER: { description: '公函' }, SYSTEM: { description: '系统' }, IN_PERSON: { description: '当面' } },
});

export enum ReferralDecision {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
}
registerEnumType(ReferralDecision, {
  name: 'ReferralDecision',
  description: '对收到的移送的答复',
  valuesConfig: { ACCEPT: { description: '接收' }, RETURN: { description: '退回（须说明理由）' } },
});
