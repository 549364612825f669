import { mayEditDepartment, mayManageOffice, DEPARTMENT_NAMES, type Department, type Principal } from '@dr/domain';
import type { Logger } from 'pino';
import { forbidden, unauthenticated } from './errors';

/** What every resolver gets: who is asking, a request-scoped logger, and request-scoped loaders. */
export interface RequestContext<Loaders = unknown> {
  principal: Principal | null;
  /** The request's `Authorization` header, for calls this server makes on the caller's behalf. */
  authorization: string | null;
  requestId: string;
  /** The caller's network address as the gateway reports it (`clientAddressOf`), for login throttling. */
  clientAddress: string;
  logger: Logger;
  loaders: Loaders;
  /** Aborted when the caller disconnects or the request's time budget runs out; resolvers then stop. */
  signal: AbortSignal;
}

export function requirePrincipal(context: RequestContext<unknown>): Principal {
  if (!context.principal) throw unauthenticated();
  return context.principal;
}

/** The joint office manages plans, directories and inspections. */
export function requireOffice(context: RequestContext<unknown>): Principal {
  const principal = requirePrincipal(context);
  if (!mayManageOffice(principal)) throw forbidden('只有联席办管理员可以执行此操作');
  return principal;
}

/** A department's data is changed only by that department's own staff (R-PUB-2). */
export function requireDepartment(context: RequestContext<unknown>, department: Department): Principal {
  const principal = requirePrincipal(context);
  if (!mayEditDepartment(principal, department)) {
    throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员可以修改本部门的检查记录`);
  }
  return principal;
}
