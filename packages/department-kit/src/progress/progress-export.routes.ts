import type { KeyObject } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, findUnsafeCharacter, mayManageOffice, resultLabel, type Department } from '@dr/domain';
import { badInput, forbidden, principalOrReply, sendFileError, type HttpRoute } from '@dr/subgraph-kit';
import { ResultEntity } from '../results/result.entity';
import { RESULT_STATUS_LABELS, ResultStatus } from '../results/result-status.enum';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { parseResultCodes } from '../section-state';
import { applyFollowUpFilter, applyResultFilter, type FollowUpFilter, type ResultFilter } from './progress-filters';

/** Rows read per statement: keyset pages on the primary key, so the 100th page costs what the first does. */
const EXPORT_PAGE = 1000;

const OUTCOME_LABELS: Record<string, string> = { RECTIFIED: '整改到位', NOT_RECTIFIED: '逾期未改', CASE_OPENED: '转立案' };

/** Reads the drill-down filters from the query string with the same bounds as the GraphQL arguments. */
function readFilters(url: URL): ResultFilter & FollowUpFilter {
  const text = (key: string, pattern: RegExp, label: string) => {
    const value = url.searchParams.get(key);
    if (value === null || value === '') return null;
    if (!pattern.test(value)) throw badInput(key, `${label}无效`);
    return value;
  };
  const flag = (key: string) => {
    const value = url.searchParams.get(key);
    if (value === null) return null;
    if (value !== 'true' && value !== 'false') throw badInput(key, '筛选条件无效');
    return value === 'true';
  };
  const street = url.searchParams.get('street');
  if (street !== null && (street.length > 50 || findUnsafeCharacter(street, {}) !== null)) throw badInput('street', '街道名称无效');
  const resultCode = text('resultCode', /^(10|[1-9])$/, '检查结果代码');
  return {
    planId: text('planId', /^[0-9A-Za-z-]{1,36}$/, '实施方案编号'),
    status: text('status', new RegExp(`^(${Object.values(ResultStatus).join('|')})$`), '结果状态') as ResultFilter['status'],
    entered: flag('entered'),
    street: street || null,
    resultCode: resultCode === null ? null : Number(resultCode),
    problemFound: flag('problemFound'),
    overdue: flag('overdue'),
    referralOverdue: flag('referralOverdue'),
    state: text('state', /^(OPEN|CLOSED)$/, '复查状态') as FollowUpFilter['state'],
    outcome: text('outcome', /^(RECTIFIED|NOT_RECTIFIED|CASE_OPENED)$/, '复查结论'),
  };
}

async function* keysetPages<T extends { id: string }>(query: () => SelectQueryBuilder<T>, alias: string): AsyncGenerator<T> {
  let last = '';
  for (;;) {
    const page = await query().andWhere(`${alias}.id > :last`, { last }).orderBy(`${alias}.id`, 'ASC').take(EXPORT_PAGE).getMany();
    yield* page;
    if (page.length < EXPORT_PAGE) return;
    last = page[page.length - 1].id;
  }
}

const SHEETS = {
  results: {
    name: '检查结果',
    columns: [
      ['检查对象', 40],
      ['统一社会信用代码', 22],
      ['所属街道', 16],
      ['检查日期', 12],
      ['公示期限', 12],
      ['状态', 10],
      ['结果代码', 10],
      ['结果', 40],
      ['公示日期', 12],
    ],
  },
  'follow-ups': {
    name: '复查任务',
    columns: [
      ['检查对象', 40],
      ['责令内容', 50],
      ['改正期限', 12],
      ['应复查日期', 12],
      ['状态', 10],
      ['复查结论', 12],
      ['复查日期', 12],
    ],
  },
} as const;

/**
 * `GET /files/{department}/progress/results.xlsx|follow-ups.xlsx?planId=&…`: the whole list behind a
 * dashboard figure, with the same filters (`progress-filters.ts`), streamed row by row (exceljs'
 * WorkbookWriter), so a province's 100,000 rows never sit in memory. The department's staff and the office.
 */
export function progressExportRoutes(department: Department, dataSource: DataSource, publicKey: KeyObject): HttpRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/files/${department}/progress/(results|follow-ups)\\.xlsx$`),
      async handle(request, response, match, url) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员和联席办可以导出本部门的清单`);
          const filter = readFilters(url);
          const today = chinaDateOf(new Date());
          const kind = match[1] as keyof typeof SHEETS;
          const sheetSpec = SHEETS[kind];
          response.writeHead(200, {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition': `attachment; filename="${department}-${kind}-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${DEPARTMENT_NAMES[department].short}${sheetSpec.name}-${today}.xlsx`)}`,
            'cache-control': 'no-store',
          });
          const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true });
          const sheet = workbook.addWorksheet(sheetSpec.name);
          sheet.columns = sheetSpec.columns.map(([header, width]) => ({ header, width }));
          if (kind === 'results') {
            const rows = keysetPages(() => applyResultFilter(dataSource.getRepository(ResultEntity).createQueryBuilder('result'), filter, today), 'result');
            for await (const row of rows) {
              const codes = parseResultCodes(row.resultCodes);
              sheet.addRow([row.venueName, row.venueUscc, row.venueStreet, row.inspectedOn, row.publicationDeadline ?? '', RESULT_STATUS_LABELS[row.status as ResultStatus], codes.join(','), codes.map((code) => resultLabel(code)).join('；'), row.publishedOn ?? '']).commit();
            }
          } else {
            const rows = keysetPages(() => applyFollowUpFilter(dataSource.getRepository(FollowUpEntity).createQueryBuilder('task'), filter, today), 'task');
            for await (const row of rows) {
              sheet.addRow([row.venueName, row.orderContent, row.rectificationDeadline, row.dueOn ?? '', row.state === 'OPEN' ? '待复查' : '已办结', row.outcome ? OUTCOME_LABELS[row.outcome] : '', row.reinspectedOn ?? '']).commit();
            }
          }
          sheet.commit();
          await workbook.commit();
        } catch (error) {
          if (response.headersSent) throw error;
          sendFileError(response, error);
        }
      },
    },
  ];
}
