import type { Department, InspectorStatusCode, Role } from '@dr/domain';
import { demoId, demoRandom } from './ids';
import { demoPerson } from './venues';

/** A demo enforcement officer (执法检查人员); the names are fictional. */
export interface DemoInspector {
  id: string;
  name: string;
  department: Department;
  /** 执法证 number. */
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidUntil: string;
  status: InspectorStatusCode;
  expertise: string[];
}

const PREFIX: Record<Department, string> = { culture: 'WG', market: 'SJ', fire: 'XF' };
const EXPERTISE: Record<Department, string[]> = {
  culture: ['文化市场', '网络文化', '未成年人保护'],
  market: ['登记注册', '食品安全', '价格监管'],
  fire: ['消防监督', '建筑消防设施', '应急疏散'],
};

export const DEMO_INSPECTOR_COUNTS: Record<Department, number> = { culture: 10, market: 8, fire: 8 };

export function demoInspectors(): DemoInspector[] {
  const random = demoRandom('inspectors');
  return (Object.keys(DEMO_INSPECTOR_COUNTS) as Department[]).flatMap((department) =>
    Array.from({ length: DEMO_INSPECTOR_COUNTS[department] }, (_, i) => ({
      id: demoId(`inspector-${department}`, i + 1),
      name: demoPerson(random),
      department,
      certificateNumber: `豫${PREFIX[department]}41040300${String(i + 1).padStart(3, '0')}`,
      certificateValidFrom: `${2019 + (i % 3)}-01-01`,
      certificateValidUntil: `${2024 + (i % 3)}-12-31`,
      // One officer per department is on leave, so the draw has someone to leave out.
      status: i === DEMO_INSPECTOR_COUNTS[department] - 1 ? 'ON_LEAVE' : 'ACTIVE',
      expertise: EXPERTISE[department].filter((_, k) => (i + k) % 2 === 0),
    })),
  );
}

/** A demo login. The password is for the demo only and is listed in the README. */
export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  /** The demo officer this login belongs to (inspectors only). */
  inspectorId: string | null;
  password: string;
}

export const DEMO_PASSWORD = 'Demo@2022';

export function demoUsers(): DemoUser[] {
  const user = (n: number, username: string, displayName: string, role: Role, department: Department | null): DemoUser => ({
    id: demoId('user', n),
    username,
    displayName,
    role,
    department,
    // Each demo inspector login is the first officer of its department, on the team of demo inspection 1.
    inspectorId: role === 'INSPECTOR' && department ? demoId(`inspector-${department}`, 1) : null,
    password: DEMO_PASSWORD,
  });
  return [
    user(1, 'office', '联席办管理员（演示）', 'OFFICE_ADMIN', null),
    user(2, 'culture-admin', '文广旅局管理员（演示）', 'DEPARTMENT_ADMIN', 'culture'),
    user(3, 'market-admin', '市场监管局管理员（演示）', 'DEPARTMENT_ADMIN', 'market'),
    user(4, 'fire-admin', '消防救援大队管理员（演示）', 'DEPARTMENT_ADMIN', 'fire'),
    user(5, 'culture-inspector', '文广旅执法人员（演示）', 'INSPECTOR', 'culture'),
    user(6, 'market-inspector', '市场监管执法人员（演示）', 'INSPECTOR', 'market'),
    user(7, 'fire-inspector', '消防执法人员（演示）', 'INSPECTOR', 'fire'),
    ...officerLogins(),
  ];
}

/**
 * Every other demo officer has a login of their own (`culture-officer-2` …), so each team member can
 * confirm their own signature (本人确认) with their own password.
 */
function officerLogins(): DemoUser[] {
  const inspectors = demoInspectors();
  return (Object.keys(DEMO_INSPECTOR_COUNTS) as Department[]).flatMap((department) =>
    inspectors
      .filter((inspector) => inspector.department === department)
      .slice(1)
      .map((inspector, i) => ({
        id: demoId(`user-${department}-officer`, i + 2),
        username: `${department}-officer-${i + 2}`,
        displayName: inspector.name,
        role: 'INSPECTOR' as const,
        department,
        inspectorId: inspector.id,
        password: DEMO_PASSWORD,
      })),
  );
}

/** The demo login of an officer (by inspector id), as the signer types it to confirm a signature. */
export function demoSignerLogin(inspectorId: string): { username: string; password: string } {
  const login = demoUsers().find((user) => user.inspectorId === inspectorId);
  if (!login) throw new Error(`no demo login for inspector ${inspectorId}`);
  return { username: login.username, password: login.password };
}

/** Declared conflicts of interest (回避) in the demo directory: officer, venue, relation, reason. */
export function demoConflicts(): { inspectorId: string; venueId: string; relation: string; reason: string }[] {
  return [
    { inspectorId: demoId('inspector-culture', 2), venueId: demoId('venue', 3), relation: '近亲属', reason: '配偶为该场所股东' },
    { inspectorId: demoId('inspector-market', 3), venueId: demoId('venue', 10), relation: '曾任职', reason: '两年内曾在该场所任职' },
  ];
}
