import type { KeyObject } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { chinaDateOf, findUnsafeCharacter, mayManageOffice } from '@dr/domain';
import { badInput, principalOrReply, sendFileError, type HttpRoute } from '@dr/subgraph-kit';
import { filteredInspections } from '../inspection/inspection-list.query';
import { InspectionStatus } from '../inspection/inspection.entity';
import { InspectionStage } from './inspection-stage';

const EXPORT_PAGE = 1000;
const STATUS_LABELS: Record<InspectionStatus, string> = { SCHEDULED: '待检查', IN_PROGRESS: '检查中', COMPLETED: '已完成', CANCELLED: '已撤销' };

function readFilter(url: URL) {
  const pick = <T extends string>(key: string, allowed: readonly string[], label: string) => {
    const value = url.searchParams.get(key);
    if (value === null || value === '') return null;
    if (!allowed.includes(value)) throw badInput(key, `${label}无效`);
    return value as T;
  };
  const text = (key: string, label: string) => {
    const value = url.searchParams.get(key);
    if (value === null || value === '') return null;
    if (value.length > 50 || findUnsafeCharacter(value, {}) !== null) throw badInput(key, `${label}无效`);
    return value;
  };
  return {
    stage: pick<InspectionStage>('stage', Object.values(InspectionStage), '进度'),
    status: pick<InspectionStatus>('status', Object.values(InspectionStatus), '检查状态'),
    street: text('street', '街道名称'),
    search: text('search', '搜索内容'),
  };
}

/**
 * `GET /files/plans/:planId/inspections.xlsx?stage=&status=&street=&search=`: the plan's task list behind an
 * office figure, with the same filters as `Plan.inspections`, streamed in keyset pages. R-NOTE-1: an
 * undisclosed visit's date is left blank for anyone who may not see it, as on screen.
 */
export function inspectionExportRoutes(dataSource: DataSource, publicKey: KeyObject): HttpRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/files\/plans\/([0-9A-Za-z-]{1,36})\/inspections\.xlsx$/,
      async handle(request, response, match, url) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          const filter = readFilter(url);
          const date = chinaDateOf(new Date());
          const office = mayManageOffice(principal);
          response.writeHead(200, {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition': `attachment; filename="inspections-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`检查任务-${date}.xlsx`)}`,
            'cache-control': 'no-store',
          });
          const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true });
          const sheet = workbook.addWorksheet('检查任务');
          sheet.columns = [
            { header: '检查对象', width: 40 },
            { header: '统一社会信用代码', width: 22 },
            { header: '所属街道', width: 16 },
            { header: '计划检查日期', width: 14 },
            { header: '状态', width: 10 },
          ];
          const hiddenDate = `inspection.notice_mode = 'UNDISCLOSED' AND NOT EXISTS (SELECT 1 FROM team_member viewer WHERE viewer.inspection_id = inspection.id AND viewer.inspector_id = :viewer)`;
          for (let last = ''; ; ) {
            const rows = await filteredInspections(dataSource, match[1], filter, principal)
              .select('inspection.id', 'id')
              .addSelect('venue.name', 'name')
              .addSelect('venue.uscc', 'uscc')
              .addSelect('venue.street', 'street')
              .addSelect(office ? 'inspection.scheduled_date' : `CASE WHEN ${hiddenDate} THEN NULL ELSE inspection.scheduled_date END`, 'date')
              .addSelect('inspection.status', 'status')
              .andWhere('inspection.id > :last', { last, viewer: principal.inspectorId ?? '' })
              .orderBy('inspection.id', 'ASC')
              .limit(EXPORT_PAGE)
              .getRawMany<{ id: string; name: string; uscc: string; street: string; date: string | null; status: InspectionStatus }>();
            for (const row of rows) sheet.addRow([row.name, row.uscc, row.street, row.date ?? '', STATUS_LABELS[row.status]]).commit();
            if (rows.length < EXPORT_PAGE) break;
            last = rows[rows.length - 1].id;
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
