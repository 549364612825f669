import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, reportMeta, type Department } from '@dr/domain';
import { renderBriefingsDocx, renderSummaryTablePdf, renderWorkSummaryDocx, SUMMARY_PDF_MAX_ROWS, SummaryTally, writeSummaryWorkbook, type BriefingData, type SummaryTableRow } from '@dr/documents';
import { badInput, DOCX_CONTENT_TYPE, fileNameFromHeader, forbidden, principalOrReply, queryGraph, readBody, sendFileError, sendJson, type FileStore, type HttpRoute } from '@dr/subgraph-kit';
import type { Principal } from '@dr/domain';
import type { DepartmentRows } from './department-rows.client';
import { ReportService } from './report.service';

const ID = '([0-9A-Za-z-]{1,36})';
/** A work summary is a few pages of text and a table; 20 MB leaves room for pictures. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(response: ServerResponse, contentType: string, asciiName: string, chineseName: string): void {
  response.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
    'cache-control': 'private, no-store',
  });
}

function requireOfficeFile(principal: Principal): void {
  if (!mayManageOffice(principal)) throw forbidden('只有联席办管理员可以下载或上传实施方案的报表；各部门管理员请在本部门页面下载本部门的汇总表');
}

/** Each participating department's latest briefing, read through the graph (R-REP-1). */
async function latestBriefings(gatewayUrl: string, departments: readonly Department[], planId: string, authorization: string | null): Promise<BriefingData[]> {
  const fields = departments.map((d) => `${d}: ${d}Briefings(planId: $planId, first: 1) { nodes { highlights problems suggestions createdByName createdAt } }`).join('\n');
  const data = await queryGraph<Record<string, { nodes: { highlights: string; problems: string; suggestions: string; createdByName: string; createdAt: string }[] } | null>>(gatewayUrl, {
    query: `query ReportBriefings($planId: ID!) { ${fields} }`,
    variables: { planId },
    authorization,
    unavailable: '暂时无法读取各部门的专项简报，请稍后重试',
  });
  return departments.flatMap((d) => {
    const latest = data[d]?.nodes[0];
    return latest ? [{ departmentName: DEPARTMENT_NAMES[d].full, highlights: latest.highlights, problems: latest.problems, suggestions: latest.suggestions, updatedByName: latest.createdByName, updatedAt: new Date(latest.createdAt) }] : [];
  });
}

/**
 * The plan's reports for the joint office (R-REP-1/2), under `/files/plans/:planId/reports/`:
 * `summary-table.xlsx|pdf[?since=<submissionId>]` (the plan's 汇总表 and 统计表 from every department's
 * rows, read through the gateway; `since`: only inspections completed after that 报送, for 补充报送),
 * `work-summary.docx` (the draft with the figures), `briefings.docx` (the departments' latest 专项简报),
 * `POST work-summary` (the final version, DOCX or PDF by content, else 415) and `documents/:id`.
 */
export function reportRoutes(options: { dataSource: DataSource; files: FileStore; rows: DepartmentRows; gatewayUrl: string; publicKey: KeyObject; logger: Logger }): HttpRoute[] {
  const { dataSource, files, rows, gatewayUrl, publicKey, logger } = options;
  const service = new ReportService(dataSource, files);
  const route = (method: 'GET' | 'POST', path: string, handle: (context: { principal: Principal; planId: string; match: RegExpMatchArray; url: URL; authorization: string | null; request: Parameters<HttpRoute['handle']>[0]; response: ServerResponse }) => Promise<void>): HttpRoute => ({
    method,
    pattern: new RegExp(`^/files/plans/${ID}/reports/${path}$`),
    async handle(request, response, match, url) {
      const principal = await principalOrReply(request, response, publicKey);
      if (!principal) return;
      try {
        requireOfficeFile(principal);
        await handle({ principal, planId: match[1], match, url, authorization: request.headers.authorization ?? null, request, response });
      } catch (error) {
        if (response.headersSent) throw error;
        sendFileError(response, error);
      }
    },
  });

  return [
    route('GET', 'summary-table\\.(xlsx|pdf)', async ({ planId, match, url, authorization, response }) => {
      const plan = await service.plan(planId);
      const since = url.searchParams.get('since');
      let keep: (row: SummaryTableRow) => boolean = () => true;
      let label = '联合抽查汇总表';
      if (since !== null) {
        const after = await service.submission(plan.id, since);
        const ids = await service.completedAfter(plan.id, after.recordedAt);
        keep = (row) => ids.has(row.inspectionId);
        label = '联合抽查汇总表（补充报送）';
      }
      const meta = reportMeta(plan, null, new Date());
      const day = chinaDateOf(meta.generatedAt);
      const source = rows.plan(plan.participatingDepartments, plan.id, authorization, keep);
      const started = performance.now();
      if (match[2] === 'xlsx') {
        // The first department's rows are asked for before the head goes out, so a refusal is still a clean error.
        const iterator = source[Symbol.asyncIterator]();
        const first = await iterator.next();
        attachment(response, XLSX_TYPE, `summary-table-${day}.xlsx`, `${label}-${day}.xlsx`);
        const all = (async function* () {
          if (!first.done) yield first.value;
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
        })();
        const tally = await writeSummaryWorkbook(response, meta, all);
        logger.info({ planId, rows: tally.total().inspections, ms: Math.round(performance.now() - started) }, 'summary table written');
        return;
      }
      const collected: SummaryTableRow[] = [];
      for await (const row of source) {
        if (collected.length === SUMMARY_PDF_MAX_ROWS) throw badInput('format', `记录超过 ${SUMMARY_PDF_MAX_ROWS} 条，PDF 过大，请下载 Excel 版`);
        collected.push(row);
      }
      const pdf = await renderSummaryTablePdf(meta, collected);
      attachment(response, 'application/pdf', `summary-table-${day}.pdf`, `${label}-${day}.pdf`);
      response.end(pdf);
    }),

    route('GET', 'work-summary\\.docx', async ({ planId, authorization, response }) => {
      const plan = await service.plan(planId);
      const meta = reportMeta(plan, null, new Date());
      const tally = new SummaryTally(meta);
      for await (const row of rows.plan(plan.participatingDepartments, plan.id, authorization)) tally.add(row);
      const briefings = await latestBriefings(gatewayUrl, plan.participatingDepartments, plan.id, authorization);
      const docx = await renderWorkSummaryDocx({ meta, tally, reportingDeadline: plan.reportingDeadline, reportTo: DEPARTMENT_NAMES[plan.reportTo].full, briefings });
      const day = chinaDateOf(meta.generatedAt);
      attachment(response, DOCX_CONTENT_TYPE, `work-summary-draft-${day}.docx`, `工作总结（草稿）-${day}.docx`);
      response.end(docx);
    }),

    route('GET', 'briefings\\.docx', async ({ planId, authorization, response }) => {
      const plan = await service.plan(planId);
      const briefings = await latestBriefings(gatewayUrl, plan.participatingDepartments, plan.id, authorization);
      const docx = await renderBriefingsDocx({ plan, generatedAt: new Date() }, briefings);
      const day = chinaDateOf(new Date());
      attachment(response, DOCX_CONTENT_TYPE, `briefings-${day}.docx`, `专项简报汇编-${day}.docx`);
      response.end(docx);
    }),

    route('POST', 'work-summary', async ({ planId, principal, request, response }) => {
      const fileName = fileNameFromHeader(request.headers['x-file-name'], '工作总结');
      const bytes = await readBody(request, MAX_REPORT_BYTES);
      const stored = await service.uploadWorkSummary(planId, bytes, fileName, principal);
      if (stored === 'UNSUPPORTED') {
        sendJson(response, 415, { error: '只能上传完整的 Word 文档（.docx）或 PDF 文件（按文件内容判断）', code: 'BAD_USER_INPUT', field: 'file' });
        return;
      }
      logger.info({ planId, documentId: stored.id, version: stored.version, bytes: stored.size, by: principal.userId }, 'work summary uploaded');
      sendJson(response, 201, { id: stored.id, version: stored.version, fileName: stored.fileName, contentType: stored.contentType, sha256: stored.sha256 });
    }),

    route('GET', `documents/${ID}`, async ({ planId, match, response }) => {
      const document = await service.document(planId, match[2]);
      response.writeHead(200, {
        'content-type': document.contentType,
        'content-length': document.size,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      const stream = files.open(document.sha256);
      stream.on('error', (error) => {
        logger.error({ err: error, planId, documentId: document.id }, 'report document unreadable');
        response.destroy();
      });
      stream.pipe(response);
    }),
  ];
}
