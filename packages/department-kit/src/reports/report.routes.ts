import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, reportMeta, type Department, type Principal, type ReportPlan } from '@dr/domain';
import { renderSummaryTablePdf, SUMMARY_PDF_MAX_ROWS, writeSummaryWorkbook, type SummaryTableRow } from '@dr/documents';
import { AppError, badInput, forbidden, principalOrReply, queryGraph, sendFileError, type HttpRoute } from '@dr/subgraph-kit';
import { departmentSummaryRows } from './summary-rows';

const PLAN_ID = /^[0-9A-Za-z-]{1,36}$/;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback name and the Chinese one (RFC 6266), never cached. */
export function sendAttachmentHead(response: ServerResponse, contentType: string, asciiName: string, chineseName: string): void {
  response.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
    'cache-control': 'private, no-store',
  });
}

/** The plan as the office publishes it, read through the graph with the caller's token (ADR 0013: no other's tables). */
async function planOf(gatewayUrl: string, planId: string, authorization: string | null): Promise<ReportPlan> {
  const data = await queryGraph<{ plan: ReportPlan | null }>(gatewayUrl, {
    query: 'query ReportPlan($id: ID!) { plan(id: $id) { documentNumber title issuingOffice participatingDepartments } }',
    variables: { id: planId },
    authorization,
    unavailable: '暂时无法读取实施方案，请稍后重试',
  });
  if (!data.plan) throw new AppError('NOT_FOUND', '没有找到这个实施方案', { field: 'planId' });
  return data.plan;
}

/** The department's own admin, or the joint office (which reads every department's rows for the plan's table). */
function requireReportReader(principal: Principal, department: Department): void {
  const ownAdmin = principal.department === department && principal.role === 'DEPARTMENT_ADMIN';
  if (!ownAdmin && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的管理员和联席办可以下载本部门的汇总表`);
}

/**
 * `GET /files/{department}/reports/summary-table.{xlsx,pdf,ndjson}?planId=` (R-REP-2): the department's
 * 联合抽查汇总表 and 统计表 from its own records. XLSX streams row by row; the PDF takes at most
 * {@link SUMMARY_PDF_MAX_ROWS} rows; NDJSON is the rows themselves, which the joint office reads through
 * the gateway to build the plan's table (no subgraph reads another's tables).
 */
export function reportRoutes(department: Department, dataSource: DataSource, publicKey: KeyObject, gatewayUrl: string): HttpRoute[] {
  const names = DEPARTMENT_NAMES[department];
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/files/${department}/reports/summary-table\\.(xlsx|pdf|ndjson)$`),
      async handle(request, response, match, url) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          requireReportReader(principal, department);
          const planId = url.searchParams.get('planId') ?? '';
          if (!PLAN_ID.test(planId)) throw badInput('planId', '实施方案编号无效');
          const rows = () => departmentSummaryRows(dataSource, department, planId);
          if (match[1] === 'ndjson') {
            response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'private, no-store' });
            for await (const row of rows()) if (!response.write(`${JSON.stringify(row)}\n`)) await new Promise((resolve) => response.once('drain', resolve));
            response.end();
            return;
          }
          const meta = reportMeta(await planOf(gatewayUrl, planId, request.headers.authorization ?? null), department, new Date());
          const day = chinaDateOf(meta.generatedAt);
          if (match[1] === 'xlsx') {
            sendAttachmentHead(response, XLSX_TYPE, `${department}-summary-table-${day}.xlsx`, `${names.short}联合抽查汇总表-${day}.xlsx`);
            await writeSummaryWorkbook(response, meta, rows());
            return;
          }
          const all: SummaryTableRow[] = [];
          for await (const row of rows()) {
            if (all.length === SUMMARY_PDF_MAX_ROWS) throw badInput('format', `记录超过 ${SUMMARY_PDF_MAX_ROWS} 条，PDF 过大，请下载 Excel 版`);
            all.push(row);
          }
          const pdf = await renderSummaryTablePdf(meta, all);
          sendAttachmentHead(response, 'application/pdf', `${department}-summary-table-${day}.pdf`, `${names.short}联合抽查汇总表-${day}.pdf`);
          response.end(pdf);
        } catch (error) {
          if (response.headersSent) throw error;
          sendFileError(response, error);
        }
      },
    },
  ];
}
