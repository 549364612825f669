import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DEPARTMENT_NAMES, type Department } from '@dr/domain';
import type { SummaryTableRow } from '@dr/documents';
import { AppError, type ErrorCode } from '@dr/subgraph-kit';

const REFUSALS: Record<number, ErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/**
 * Reads each department's 汇总表 rows through the gateway (`/files/{department}/reports/summary-table.ndjson`),
 * with the caller's token, as a stream: the office builds the plan's table without reading a
 * department's tables (ADR 0013) and without holding the rows. A department that cannot answer is
 * SUBGRAPH_UNAVAILABLE naming it: a plan's table without one department's rows would be wrong, not partial.
 */
export class DepartmentRows {
  private readonly origin: string;

  constructor(gatewayUrl: string) {
    this.origin = new URL(gatewayUrl).origin;
  }

  async *rows(department: Department, planId: string, authorization: string | null): AsyncGenerator<SummaryTableRow> {
    const unavailable = () => new AppError('SUBGRAPH_UNAVAILABLE', `暂时无法读取${DEPARTMENT_NAMES[department].full}的检查记录，请稍后重试`, { department });
    let response: Response;
    try {
      response = await fetch(`${this.origin}/files/${department}/reports/summary-table.ndjson?planId=${encodeURIComponent(planId)}`, {
        headers: authorization ? { authorization } : {},
        signal: AbortSignal.timeout(120_000),
      });
    } catch {
      throw unavailable();
    }
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => null)) as { error?: string } | null;
      const code = REFUSALS[response.status];
      if (code) throw new AppError(code, body?.error ?? '无权读取该部门的检查记录');
      throw unavailable();
    }
    const lines = createInterface({ input: Readable.fromWeb(response.body as unknown as WebReadableStream), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as SummaryTableRow;
  }

  /** Every department's rows, one department after the other (the plan's order). */
  async *plan(departments: readonly Department[], planId: string, authorization: string | null, keep: (row: SummaryTableRow) => boolean = () => true): AsyncGenerator<SummaryTableRow> {
    for (const department of departments) for await (const row of this.rows(department, planId, authorization)) if (keep(row)) yield row;
  }
}
