import { randomUUID } from 'node:crypto';
import type { Department, Principal, Role } from '@dr/domain';
import { demoId, demoUsers } from '@dr/demo-data';
import { generateAuthKeys, privateKeyFrom, signToken } from '@dr/subgraph-kit';

/** Where a caller sits: one of the three departments, or none (the joint office). */
export type Seat = Department | 'none';
export const SEATS: Seat[] = ['culture', 'market', 'fire', 'none'];
export const ROLE_LIST: Role[] = ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR'];

/** A caller in the matrix: a role at a seat, or nobody signed in. */
export type Caller = { role: Role; seat: Seat } | 'anonymous';

export function callerName(caller: Caller): string {
  return caller === 'anonymous' ? 'anonymous' : `${caller.role}@${caller.seat}`;
}

/** The demo login a caller's token names, when one has that role in that department. */
export function demoAccountOf(caller: Exclude<Caller, 'anonymous'>) {
  const department = caller.seat === 'none' ? null : caller.seat;
  return demoUsers().find((user) => user.role === caller.role && user.department === department);
}

/**
 * The platform's key pair made by the test, so it can sign a token for every role at every seat
 * (also the ones no demo login has, such as an INSPECTOR of no department): the servers check them
 * exactly as they check a login's token.
 */
export class TokenMint {
  readonly keys = generateAuthKeys();
  private readonly cache = new Map<string, string>();

  /** The environment that makes the platform trust this mint. */
  get env(): NodeJS.ProcessEnv {
    return { AUTH_PUBLIC_KEY: this.keys.publicKey, AUTH_PRIVATE_KEY: this.keys.privateKey };
  }

  /** A bearer token for a caller (undefined for anonymous). Inspectors are officer 1 of their department: on demo inspection 1's team. */
  async token(caller: Caller): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    const key = callerName(caller);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const department = caller.seat === 'none' ? null : caller.seat;
    const demo = demoAccountOf(caller);
    const principal: Principal = {
      userId: demo?.id ?? randomUUID(),
      username: demo?.username ?? `matrix-${key}`,
      displayName: demo?.displayName ?? '测试用户',
      role: caller.role,
      department,
      inspectorId: caller.role === 'INSPECTOR' && department ? demoId(`inspector-${department}`, 1) : null,
    };
    // A session of its own: no server has it on its revocation list.
    const { token } = await signToken({ ...principal, sessionId: randomUUID() }, privateKeyFrom(this.keys.privateKey), 3600);
    this.cache.set(key, token);
    return token;
  }
}
