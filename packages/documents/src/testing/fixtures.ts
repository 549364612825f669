import type { NoticeLetterData, OfficerInfo, RecordFormData, SignatureInfo } from '../types';
import { createSignaturePng, createStampPng } from './png.builder';

const NET_CAFE = '《互联网上网服务营业场所管理条例》';
const FIRE_LAW = '《中华人民共和国消防法》';

/** The twelve items of the 2022 plan (7 culture, 2 market, 3 fire), as @dr/domain lists them. */
export const SAMPLE_ITEMS = {
  culture: [
    ['C1', '未成年人进入互联网上网服务营业场所检查', `${NET_CAFE}第二十一条、第三十一条`],
    ['C2', '擅自停止实施经营管理技术措施检查', `${NET_CAFE}第十九条、第三十一条`],
    ['C3', '未按规定核对上网消费者的有效身份证件检查', `${NET_CAFE}第二十三条、第三十二条`],
    ['C4', '未悬挂《网络文化经营许可证》检查', `${NET_CAFE}第二十条、第三十一条`],
    ['C5', '未悬挂未成年人禁入标志的检查', `${NET_CAFE}第二十一条、第三十一条`],
    ['C6', '提供未通过局域网的方式接入互联网检查', `${NET_CAFE}第三十二条`],
    ['C7', '未建立场内巡查制度的检查', `${NET_CAFE}第十九条、第三十二条`],
  ],
  market: [
    ['M1', '营业执照(登记证)规范使用情况的检查(检查是否将营业执照置于住所或营业场所醒目位置、营业执照是否存在涂改行为)', '《中华人民共和国市场主体登记管理条例》第三十六条、第三十七条'],
    ['M2', '食品销售监督检查(经营资质、经营条件、食品标签和外观质量的检查)', '《中华人民共和国食品安全法》第三十三条、第三十五条、第六十七条'],
  ],
  fire: [
    ['F1', '消防安全制度、灭火和应急疏散预案制定情况', `${FIRE_LAW}第十六条第一款第（一）项`],
    ['F2', '组织开展防火检查、消防演练和员工消防安全教育情况', `${FIRE_LAW}第十六条第一款第（五）项、第（六）项`],
    ['F3', '单位建筑消防设施、器材维护保养情况', `${FIRE_LAW}第十六条第一款第（二）项、第（三）项`],
  ],
} as const;

export const SAMPLE_TEAM: OfficerInfo[] = [
  { name: '张建国', department: 'culture', certificateNumber: '豫WL41040300001', leader: true },
  { name: '李晓梅', department: 'culture', certificateNumber: '豫WL41040300002', leader: false },
  { name: '王志强', department: 'market', certificateNumber: '豫SJ41040300003', leader: false },
  { name: '陈静怡', department: 'fire', certificateNumber: '豫XF41040300004', leader: false },
];

const DEPARTMENT_NAMES = { culture: '卫东区文化广电和旅游局', market: '卫东区市场监督管理局', fire: '卫东区消防救援大队' };

export interface SampleRecordOptions {
  /** The venue refused to sign (default false: it signed and stamped). */
  refused?: boolean;
  /** Length of the note on C3, to force page breaks (default: a short note). */
  longNoteLength?: number;
  /** Grain of the stamp photo; 12 gives a file of about 100 KB. */
  stampGrain?: number;
}

function signature(officer: OfficerInfo, at: Date): SignatureInfo {
  return {
    name: officer.name,
    department: officer.department,
    certificateNumber: officer.certificateNumber,
    signedAt: at,
    image: createSignaturePng(officer.name),
  };
}

/**
 * A realistic record form of one visit to a 网吧: three departments with 7 + 2 + 3 items, one
 * non-compliant item (C3) with an order to rectify, a 现场笔录, an amendment, all officers' signatures,
 * and either the venue's signature and stamp or its refusal. All names are fictional.
 */
export function sampleRecordFormData(options: SampleRecordOptions = {}): RecordFormData {
  const at = (hhmm: string) => new Date(`2022-08-10T${hhmm}:00+08:00`);
  const longNote = options.longNoteLength
    ? '现场检查发现：'.concat('吧台登记系统中有多名上网消费者未登记有效身份证件，收银员称系熟客、未逐一核对。'.repeat(40)).slice(0, options.longNoteLength)
    : '吧台3号收银机有2名上网消费者未核对有效身份证件';
  const items = (department: keyof typeof SAMPLE_ITEMS) =>
    SAMPLE_ITEMS[department].map(([code, title, legalBasis]) => ({
      code,
      title,
      legalBasis,
      outcome: code === 'C3' ? ('NON_COMPLIANT' as const) : code === 'M2' ? ('NOT_APPLICABLE' as const) : ('COMPLIANT' as const),
      note: code === 'C3' ? longNote : code === 'M2' ? '场所未销售预包装食品' : null,
      evidenceCount: code === 'C3' ? 3 : code.endsWith('1') ? 1 : 0,
    }));
  const officerSignatures = SAMPLE_TEAM.map((o, i) => signature(o, at(`11:0${i}`)));
  return {
    plan: { documentNumber: '平卫双随机办〔2022〕25号', title: '卫东区2022年互联网上网服务营业场所部门联合双随机抽查实施方案', issuingOffice: '卫东区双随机联合抽查工作办公室' },
    inspection: { id: 'INS-2022-0810-0007', date: '2022-08-10', startTime: '09:30', endTime: '11:00' },
    venue: {
      name: '星际网络会所（东安路店）',
      uscc: '91410403MA44B2C71X',
      address: '河南省平顶山市卫东区建设路东段186号二楼',
      street: '东安路街道',
      legalRepresentative: '赵德明',
      phone: '0375-2912345',
    },
    team: SAMPLE_TEAM,
    departments: [
      {
        department: 'culture',
        name: DEPARTMENT_NAMES.culture,
        status: '已提交',
        items: items('culture'),
        resultCodes: [{ code: 5, label: '发现问题已责令改正' }],
        onSiteRecord: {
          facts: '检查组于2022年8月10日9时30分到达现场，出示执法证件，告知检查事项。经查，吧台3号收银机有2名上网消费者未核对有效身份证件即开机上网。',
          personsPresent: '赵德明（法定代表人）、孙丽（收银员）',
        },
        orders: [
          { kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', content: '责令于2022年8月17日前对全部上网消费者逐一核对、登记有效身份证件，并提交整改报告', deadline: '2022-08-17' },
        ],
        amendments: [
          { at: at('10:52'), by: '李晓梅', reason: '证据数量录入有误', summary: 'C3 证据由 2 份改为 3 份' },
        ],
      },
      { department: 'market', name: DEPARTMENT_NAMES.market, status: '已提交', items: items('market'), resultCodes: [{ code: 1, label: '未发现问题' }], onSiteRecord: null, orders: [], amendments: [] },
      { department: 'fire', name: DEPARTMENT_NAMES.fire, status: '已提交', items: items('fire'), resultCodes: [{ code: 9, label: '合格' }], onSiteRecord: null, orders: [], amendments: [] },
    ],
    officerSignatures,
    venueSignature: options.refused
      ? null
      : { signerName: '赵德明', signedAt: at('11:08'), signature: createSignaturePng('赵德明'), stamp: createStampPng('星际网络会所', 320, options.stampGrain ?? 12) },
    refusal: options.refused
      ? {
          note: '检查结束后，检查组向被检查对象宣读检查记录，法定代表人赵德明对记录内容无异议，但拒绝在记录表上签字盖章。',
          at: at('11:10'),
          signatures: officerSignatures.slice(0, 2).map((s) => ({ ...s, signedAt: at('11:12') })),
        }
      : null,
    generatedAt: at('11:20'),
  };
}

/** The notice letter for the same visit. */
export function sampleNoticeLetterData(): NoticeLetterData {
  return {
    plan: { documentNumber: '平卫双随机办〔2022〕25号', title: '卫东区2022年互联网上网服务营业场所部门联合双随机抽查实施方案', issuingOffice: '卫东区双随机联合抽查工作办公室' },
    venue: { name: '星际网络会所（东安路店）', address: '河南省平顶山市卫东区建设路东段186号二楼' },
    visit: { date: '2022-08-10', startTime: '09:00', endTime: '11:00' },
    team: SAMPLE_TEAM,
    items: (Object.keys(SAMPLE_ITEMS) as (keyof typeof SAMPLE_ITEMS)[]).flatMap((department) =>
      SAMPLE_ITEMS[department].map(([code, title]) => ({ department, departmentName: DEPARTMENT_NAMES[department], code, title })),
    ),
    prepare: '营业执照、网络文化经营许可证原件；上网消费者登记记录（近三个月）；场内巡查记录；消防安全制度、灭火和应急疏散预案及消防设施维护保养记录；食品经营相关资质证明（如有）。',
    mode: 'WRITTEN',
    noticeAt: new Date('2022-08-08T10:00:00+08:00'),
    contact: '卫东区双随机联合抽查工作办公室 李晓梅 0375-2918800',
  };
}
