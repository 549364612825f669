import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { format } from '@fast-csv/format';
import type { Principal } from '@dr/domain';
import { Between, LessThanOrEqual, MoreThanOrEqual, type DataSource, type FindOptionsWhere } from 'typeorm';
import { badInput, forbidden } from '../errors';
import type { HttpRoute } from '../http';
import { principalOrReply, sendFileError } from '../http-files';
import { containsText } from '../pagination';
import { AuditEntryEntity } from './audit.entities';
import { appendAudit } from './audit-writer';

/** The filters of a search of the trail; every one optional. */
export interface AuditTrailFilter {
  /** Part of the actor's user name. */
  user?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** An export carries at most this many entries (newest first); `x-truncated: true` says when more matched. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const CHUNK = 1000;

const LIMITS: Record<'user' | 'objectType' | 'objectId' | 'action', number> = { user: 64, objectType: 64, objectId: 200, action: 32 };

/** Checks a filter's sizes and its time range; BAD_USER_INPUT names the field. */
export function checkAuditFilter(filter: AuditTrailFilter): AuditTrailFilter {
  for (const [field, limit] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    const value = filter[field];
    if (value && value.length > limit) throw badInput(field, `筛选条件过长（最多 ${limit} 个字）`);
  }
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('to', '结束时间不能早于开始时间');
  return filter;
}

function whereOf(filter: AuditTrailFilter): FindOptionsWhere<AuditEntryEntity> {
  const where: FindOptionsWhere<AuditEntryEntity> = {};
  if (filter.user?.trim()) where.actorUsername = containsText(filter.user.trim());
  if (filter.objectType?.trim()) where.objectType = filter.objectType.trim();
  if (filter.objectId?.trim()) where.objectId = filter.objectId.trim();
  if (filter.action?.trim()) where.action = filter.action.trim();
  if (filter.from && filter.to) where.at = Between(filter.from, filter.to);
  else if (filter.from) where.at = MoreThanOrEqual(filter.from);
  else if (filter.to) where.at = LessThanOrEqual(filter.to);
  return where;
}

/** Reads one subgraph's trail, newest first. */
export class AuditTrailService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page and the total count. */
  async search(filter: AuditTrailFilter, offset: number, take: number): Promise<[AuditEntryEntity[], number]> {
    return this.dataSource.getRepository(AuditEntryEntity).findAndCount({ where: whereOf(filter), order: { seq: 'DESC' }, skip: offset, take });
  }

  async count(filter: AuditTrailFilter): Promise<number> {
    return this.dataSource.getRepository(AuditEntryEntity).count({ where: whereOf(filter) });
  }

  async chunk(filter: AuditTrailFilter, offset: number, take: number): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: whereOf(filter), order: { seq: 'DESC' }, skip: offset, take });
  }
}

const CSV_HEADER = ['序号', '时间（UTC）', '用户', '用户编号', '角色', '部门', '来源地址', '操作', '对象类型', '对象编号', '结果', '详情', '前序哈希', '哈希'];

const csvRow = (e: AuditEntryEntity) => [e.seq, e.at.toISOString(), e.actorUsername, e.actorUserId ?? '', e.actorRole ?? '', e.actorDepartment ?? '', e.clientAddress ?? '', e.action, e.objectType, e.objectId ?? '', e.outcome, e.detail, e.prevHash, e.hash];

/** The export's filters from query parameters (the GraphQL filter's names; times as ISO 8601). */
function filterFromUrl(url: URL): AuditTrailFilter {
  const time = (name: 'from' | 'to') => {
    const value = url.searchParams.get(name);
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw badInput(name, '时间格式不正确');
    return date;
  };
  const text = (name: string) => url.searchParams.get(name) || null;
  return checkAuditFilter({ user: text('user'), objectType: text('objectType'), objectId: text('objectId'), action: text('action'), from: time('from'), to: time('to') });
}

/** Options of {@link auditExportRoute}. */
export interface AuditExportOptions {
  /** The route's path, e.g. `/files/audit.csv` or `/files/culture/audit.csv`. */
  path: string;
  /** The file name offered to the browser (Chinese). */
  fileName: string;
  dataSource: DataSource;
  publicKey: KeyObject;
  /** Throws FORBIDDEN unless `principal` may read this trail. */
  authorize: (principal: Principal) => void;
}

/**
 * `GET <path>?user=&objectType=&objectId=&action=&from=&to=`: the trail as CSV (UTF-8 with a BOM so
 * Excel opens it in Chinese), newest first, capped at {@link AUDIT_EXPORT_MAX_ROWS}. The export is
 * itself audited.
 */
export function auditExportRoute(options: AuditExportOptions): HttpRoute {
  const service = new AuditTrailService(options.dataSource);
  const pattern = new RegExp(`^${options.path.replace(/[.]/g, '\\.')}$`);
  return {
    method: 'GET',
    pattern,
    async handle(request: IncomingMessage, response: ServerResponse, _match, url) {
      const principal = await principalOrReply(request, response, options.publicKey);
      if (!principal) return;
      let filter: AuditTrailFilter;
      try {
        options.authorize(principal);
        filter = filterFromUrl(url);
      } catch (error) {
        return sendFileError(response, error);
      }
      const total = await service.count(filter);
      await appendAudit(options.dataSource, { action: 'audit.export', objectType: 'audit_entry', detail: { filter, rows: Math.min(total, AUDIT_EXPORT_MAX_ROWS) } });
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit.csv"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
        'cache-control': 'no-store',
        'x-total-count': String(total),
        'x-truncated': String(total > AUDIT_EXPORT_MAX_ROWS),
      });
      // The BOM by hand: fast-csv writes none when no row matched, and Excel then reads the header as GBK.
      response.write('\ufeff');
      const csv = format({ headers: CSV_HEADER, alwaysWriteHeaders: true });
      csv.pipe(response);
      for (let offset = 0; offset < Math.min(total, AUDIT_EXPORT_MAX_ROWS); offset += CHUNK) {
        const rows = await service.chunk(filter, offset, Math.min(CHUNK, AUDIT_EXPORT_MAX_ROWS - offset));
        for (const row of rows) if (!csv.write(csvRow(row))) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
      await new Promise((resolve) => response.once('finish', resolve));
    },
  };
}

/** Refuses everyone but the office (for the office's own trail). */
export function officeOnly(principal: Principal): void {
  if (principal.role !== 'OFFICE_ADMIN') throw forbidden('只有联席办管理员可以查看审计日志');
}

/** The office, and the department's own administrator, may read a department's trail. */
export function officeOrDepartmentAdmin(department: string, departmentName: string) {
  return (principal: Principal): void => {
    if (principal.role === 'OFFICE_ADMIN') return;
    if (principal.role === 'DEPARTMENT_ADMIN' && principal.department === department) return;
    throw forbidden(`只有联席办和${departmentName}的部门管理员可以查看本部门的审计日志`);
  };
}

