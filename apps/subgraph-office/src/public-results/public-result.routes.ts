import type { ServerResponse } from 'node:http';
import { format } from '@fast-csv/format';
import { isDepartment } from '@dr/domain';
import { sendJson, type HttpRoute } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { PublicResultService, type PublicResultQuery } from './public-result.service';
import type { PublicResult } from './public-result.types';

/** Open-data files carry at most this many rows (newest first); `x-truncated: true` says when more matched. */
export const OPEN_DATA_MAX_ROWS = 100_000;
const CHUNK = 1000;

const CSV_HEADER = ['实施方案', '检查对象名称', '统一社会信用代码', '街道', '检查部门', '检查结果', '检查日期', '公示日期', '更正情况'];

const correctionText = (result: PublicResult) => result.corrections.map((c) => `${c.correctedOn} 更正：${c.reason}`).join('；');

function csvRow(result: PublicResult): string[] {
  return [result.planName, result.venueName, result.uscc, result.street, result.departmentName, result.resultLabels.join('；'), result.inspectedOn, result.publishedOn, correctionText(result)];
}

/** The public fields only, in the GraphQL names, so the two forms read alike. */
function jsonRow(result: PublicResult) {
  const { inspectionId: _id, planId: _plan, revision: _revision, ...published } = result;
  return published;
}

/** Query parameters to a filter, or a Chinese reason for a 400. */
function filterFrom(url: URL): PublicResultQuery | string {
  const department = url.searchParams.get('department')?.toLowerCase() || null;
  if (department && !isDepartment(department)) return '检查部门无效，应为 culture、market 或 fire';
  const planId = url.searchParams.get('planId') || null;
  if (planId && planId.length > 36) return '实施方案编号无效';
  const search = url.searchParams.get('search') || null;
  if (search && search.length > 100) return '搜索内容不能超过 100 个字';
  return { planId, department: department as PublicResultQuery['department'], search };
}

/** Writes and waits for the socket when it is full, so a slow reader never makes the rows pile up in memory. */
function write(response: ServerResponse, text: string): Promise<void> {
  return response.write(text) ? Promise.resolve() : new Promise((resolve) => response.once('drain', resolve));
}

async function* chunks(service: PublicResultService, filter: PublicResultQuery, total: number): AsyncGenerator<PublicResult[]> {
  for (let offset = 0; offset < Math.min(total, OPEN_DATA_MAX_ROWS); offset += CHUNK) {
    yield service.chunk(filter, offset, Math.min(CHUNK, OPEN_DATA_MAX_ROWS - offset));
  }
}

/**
 * `GET /files/public/results.{csv,json}`: 一公开 as open data, no login, the page's filters as query
 * parameters (`planId`, `department`, `search`). Streamed in chunks of 1,000 rows and capped at
 * {@link OPEN_DATA_MAX_ROWS}; CSV is UTF-8 with a BOM so that Excel opens it in Chinese.
 */
export function publicResultRoutes(dataSource: DataSource): HttpRoute[] {
  const service = new PublicResultService(dataSource);
  const headers = async (response: ServerResponse, filter: PublicResultQuery, type: string, extension: string) => {
    const total = await service.count(filter);
    response.writeHead(200, {
      'content-type': type,
      'content-disposition': `attachment; filename="public-results.${extension}"; filename*=UTF-8''${encodeURIComponent(`抽查检查结果公示.${extension}`)}`,
      'cache-control': 'public, max-age=60',
      'x-total-count': String(total),
      'x-truncated': String(total > OPEN_DATA_MAX_ROWS),
    });
    return total;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/files\/public\/results\.csv$/,
      async handle(_request, response, _match, url) {
        const filter = filterFrom(url);
        if (typeof filter === 'string') return sendJson(response, 400, { error: filter });
        const total = await headers(response, filter, 'text/csv; charset=utf-8', 'csv');
        const csv = format({ headers: CSV_HEADER, writeBOM: true, alwaysWriteHeaders: true });
        csv.pipe(response);
        for await (const rows of chunks(service, filter, total)) {
          for (const row of rows) if (!csv.write(csvRow(row))) await new Promise((resolve) => csv.once('drain', resolve));
        }
        csv.end();
        await new Promise((resolve) => response.once('finish', resolve));
      },
    },
    {
      method: 'GET',
      pattern: /^\/files\/public\/results\.json$/,
      async handle(_request, response, _match, url) {
        const filter = filterFrom(url);
        if (typeof filter === 'string') return sendJson(response, 400, { error: filter });
        const total = await headers(response, filter, 'application/json; charset=utf-8', 'json');
        await write(response, `{"totalCount":${total},"truncated":${total > OPEN_DATA_MAX_ROWS},"results":[`);
        let first = true;
        for await (const rows of chunks(service, filter, total)) {
          const text = rows.map((row) => JSON.stringify(jsonRow(row))).join(',');
          if (!text) continue;
          await write(response, (first ? '' : ',') + text);
          first = false;
        }
        response.end(']}');
      },
    },
  ];
}
