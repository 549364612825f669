import { usccCheckCharacter, USCC_ALPHABET, type VenueStatusCode } from '@dr/domain';
import { demoId, demoRandom } from './ids';
import { WEIDONG_DIVISION_CODE, WEIDONG_STREETS } from './streets';

/** A demo internet cafe (互联网上网服务营业场所). Names and people are fictional. */
export interface DemoVenue {
  id: string;
  name: string;
  uscc: string;
  licenseNumber: string;
  address: string;
  street: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  terminals: number;
  status: VenueStatusCode;
  riskClass: string;
  lastInspectionDate: string | null;
  lastInspectionProblemFound: boolean | null;
}

const BRANDS = ['星河', '极光', '蓝鲸', '云端', '飞跃', '晨曦', '竞界', '聚点', '光速', '启航', '畅联', '银杏', '海川', '乐游', '铂悦'];
const KINDS = ['网咖', '网络会所', '电竞馆', '网吧'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚'];

/** A fictional 18-character code with a correct GB 32100-2015 check character. */
function demoUscc(random: () => number): string {
  // 9 = registered by market regulation, 1 = company; then the district's division code.
  let orgCode = '';
  for (let i = 0; i < 9; i++) orgCode += USCC_ALPHABET[Math.floor(random() * (i === 8 ? 10 : USCC_ALPHABET.length))];
  const body = `91${WEIDONG_DIVISION_CODE}${orgCode}`;
  return body + usccCheckCharacter(body);
}

export function demoPerson(random: () => number): string {
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
  const given = GIVEN[Math.floor(random() * GIVEN.length)] + (random() < 0.5 ? GIVEN[Math.floor(random() * GIVEN.length)] : '');
  return surname + given;
}

/** `count` demo venues spread round-robin over every street of the district. */
export function demoVenues(count = 60): DemoVenue[] {
  const random = demoRandom('venues');
  return Array.from({ length: count }, (_, i) => {
    const street = WEIDONG_STREETS[i % WEIDONG_STREETS.length];
    const road = street.roads[Math.floor(random() * street.roads.length)];
    const brand = BRANDS[i % BRANDS.length];
    const kind = KINDS[Math.floor(i / BRANDS.length) % KINDS.length];
    return {
      id: demoId('venue', i + 1),
      name: `${brand}${kind}（${street.name.replace('街道', '')}店）`,
      uscc: demoUscc(random),
      licenseNumber: `豫网文〔2022〕${String(410403000 + i + 1).padStart(9, '0')}号`,
      address: `河南省平顶山市卫东区${road}${10 + Math.floor(random() * 290)}号`,
      street: street.name,
      legalRepresentative: demoPerson(random),
      phone: `1${['37', '38', '39', '58', '86'][i % 5]}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      terminals: 40 + Math.floor(random() * 160),
      contactPerson: demoPerson(random),
      // Mostly operating and in good standing; a few suspended or closed, a few high-risk.
      status: i % 29 === 7 ? 'SUSPENDED' : i % 31 === 11 ? 'CLOSED' : 'OPERATING',
      riskClass: ['A', 'A', 'B', 'A', 'B', 'C', 'A', 'B', 'A', 'D'][i % 10],
      lastInspectionDate: i % 4 === 1 ? `2021-${String(3 + (i % 9)).padStart(2, '0')}-15` : null,
      lastInspectionProblemFound: i % 4 === 1 ? i % 8 === 1 : null,
    };
  });
}
