import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { format } from '@fast-csv/format';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, resultLabel, type Department } from '@dr/domain';
import { appendAudit, badInput, forbidden, principalOrReply, sendFileError, type HttpRoute } from '@dr/subgraph-kit';
import { parseResultCodes } from '../section-state';
import { ResultEntity } from './result.entity';

const EXPORT_PAGE = 500;

/** The columns the provincial platform and the national credit publicity system import, in order. */
export const RESULT_EXPORT_HEADERS = ['统一社会信用代码', '名称', '抽查任务', '检查日期', '检查机关', '结果代码', '结果', '公示日期'] as const;

/** One exported row per published result, as the publicity system reads it. */
export function resultExportRow(department: Department, row: ResultEntity): string[] {
  const codes = parseResultCodes(row.resultCodes);
  return [row.venueUscc, row.venueName, row.planTitle, row.inspectedOn, DEPARTMENT_NAMES[department].full, codes.join(','), codes.map((code) => resultLabel(code)).join('；'), row.publishedOn ?? ''];
}

function attachment(response: ServerResponse, department: Department, extension: 'csv' | 'xlsx', contentType: string): void {
  const date = chinaDateOf(new Date());
  response.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${department}-results-${date}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${DEPARTMENT_NAMES[department].short}检查结果-${date}.${extension}`)}`,
    'cache-control': 'no-store',
  });
}

/**
 * `GET /files/{department}/results.csv|.xlsx[?planId=]`: the department's published results for the
 * provincial platform and the national enterprise credit publicity system (R-PUB-1). The department's
 * staff and the joint office may export. The CSV is UTF-8 with a BOM (so Excel reads the Chinese) and
 * every field quoted; rows are read and written page by page.
 */
export function resultExportRoutes(department: Department, dataSource: DataSource, publicKey: KeyObject): HttpRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/files/${department}/results\\.(csv|xlsx)$`),
      async handle(request, response, match, url) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员和联席办可以导出本部门的检查结果`);
          const planId = url.searchParams.get('planId');
          if (planId !== null && !/^[0-9A-Za-z-]{1,36}$/.test(planId)) throw badInput('planId', '实施方案编号无效');
          const next = () => publishedRows(dataSource, planId, department);
          await appendAudit(dataSource, { action: 'file.read', objectType: `results.${match[1]}`, detail: { planId } });
          if (match[1] === 'csv') {
            attachment(response, department, 'csv', 'text/csv; charset=utf-8');
            const csv = format({ headers: [...RESULT_EXPORT_HEADERS], writeBOM: true, quoteColumns: true, quoteHeaders: true, alwaysWriteHeaders: true });
            csv.pipe(response);
            for await (const row of next()) if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
            csv.end();
          } else {
            attachment(response, department, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true });
            const sheet = workbook.addWorksheet('检查结果');
            sheet.columns = RESULT_EXPORT_HEADERS.map((header) => ({ header, width: header === '名称' || header === '抽查任务' ? 40 : 20 }));
            for await (const row of next()) sheet.addRow(row).commit();
            sheet.commit();
            await workbook.commit();
          }
        } catch (error) {
          if (response.headersSent) throw error;
          sendFileError(response, error);
        }
      },
    },
  ];
}

/** The published results in pages of 500, so a district's year of results is never all in memory at once. */
async function* publishedRows(dataSource: DataSource, planId: string | null, department: Department): AsyncGenerator<string[]> {
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const query = dataSource.getRepository(ResultEntity).createQueryBuilder('result').where("result.status = 'PUBLISHED'");
    if (planId) query.andWhere('result.plan_id = :planId', { planId });
    const page = await query.orderBy('result.published_on', 'ASC').addOrderBy('result.inspection_id', 'ASC').skip(offset).take(EXPORT_PAGE).getMany();
    for (const row of page) yield resultExportRow(department, row);
    if (page.length < EXPORT_PAGE) return;
  }
}
