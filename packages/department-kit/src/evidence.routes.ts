import { randomUUID, type KeyObject } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEPARTMENT_NAMES, mayEditDepartment, mayManageOffice, type Department } from '@dr/domain';
import { badInput, conflict, forbidden, notFound, principalOrReply, readBody, sendFileError, sendJson, sniffContentType, type FileStore, type HttpRoute } from '@dr/subgraph-kit';
import { CheckItemEntity, EvidenceEntity, SectionEntity } from './entities';
import type { VisitAccessCheck } from './visit-access';

/** Largest evidence file: a phone photo after the browser scales it down is far smaller. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const UUID = '[0-9a-f-]{36}';

function evidenceJson(department: Department, row: EvidenceEntity) {
  return { id: row.id, checkItemId: row.checkItemId, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, uploadedAt: row.uploadedAt, url: `/files/${department}/evidence/${row.id}` };
}

/**
 * Evidence taken on site (R-VISIT-1): `POST /files/{department}/evidence?inspectionId=&checkItemId=`
 * with the raw bytes, and `GET /files/{department}/evidence/:id`. The type is read from the content,
 * the bytes are stored by their SHA-256, and the same bytes for the same item of an inspection are one
 * evidence (a resent upload is idempotent; the same photo for two items is evidence of each). Evidence
 * removed from a draft (`…RemoveEvidence`) and uploaded again for its item is put back.
 */
export function evidenceRoutes(department: Department, dataSource: DataSource, files: FileStore, access: VisitAccessCheck, publicKey: KeyObject, logger: Logger): HttpRoute[] {
  const base = `/files/${department}/evidence`;
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${base}$`),
      async handle(request, response, _match, url) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          if (!mayEditDepartment(principal, department)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员可以上传本部门的证据`);
          const inspectionId = url.searchParams.get('inspectionId') ?? '';
          const checkItemId = url.searchParams.get('checkItemId') || null;
          if (!/^[0-9A-Za-z-]{1,36}$/.test(inspectionId)) throw badInput('inspectionId', '检查编号无效');
          if (checkItemId) {
            const item = await dataSource.getRepository(CheckItemEntity).findOneBy({ id: checkItemId });
            if (!item || item.department !== department) throw badInput('checkItemId', '检查事项不存在，或不属于本部门');
          }
          await access.assertMayWrite(inspectionId, principal, request.headers.authorization ?? null);
          const section = await dataSource.getRepository(SectionEntity).findOneBy({ inspectionId });
          if (section?.status === 'SUBMITTED') throw conflict('本部门检查记录已提交并锁定，不能再添加证据', { field: 'inspectionId' });
          const bytes = await readBody(request, MAX_EVIDENCE_BYTES);
          if (bytes.length === 0) throw badInput('file', '文件为空');
          const contentType = sniffContentType(bytes);
          if (!contentType) {
            sendJson(response, 415, { error: '文件类型不支持：只接受 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断）', code: 'BAD_USER_INPUT', field: 'file' });
            return;
          }
          const fileName = decodeFileName(request.headers['x-file-name']);
          const sha256 = await files.put(bytes);
          const repository = dataSource.getRepository(EvidenceEntity);
          const same = { inspectionId, checkItemId: checkItemId ?? IsNull(), sha256 };
          const existing = await repository.findOneBy(same);
          if (existing && !existing.removedAt) {
            sendJson(response, 200, evidenceJson(department, existing));
            return;
          }
          if (existing) {
            // Removed from the draft earlier and taken again for the same item: it comes back.
            const restored: EvidenceEntity = { ...existing, fileName, uploadedBy: principal.userId, uploadedAt: new Date(), removedAt: null, removedBy: null };
            await repository.update({ id: existing.id }, { fileName, uploadedBy: restored.uploadedBy, uploadedAt: restored.uploadedAt, removedAt: null, removedBy: null });
            logger.info({ inspectionId, checkItemId, sha256, by: principal.userId }, 'evidence restored');
            sendJson(response, 201, evidenceJson(department, restored));
            return;
          }
          const row: EvidenceEntity = { id: randomUUID(), inspectionId, checkItemId, sha256, contentType, size: bytes.length, fileName, uploadedBy: principal.userId, uploadedAt: new Date(), removedAt: null, removedBy: null };
          try {
            await repository.insert(row);
          } catch (error) {
            // Two deliveries of the same upload at once: the other one won, answer with its row.
            const winner = await repository.findOneBy(same);
            if (!winner) throw error;
            sendJson(response, 200, evidenceJson(department, winner));
            return;
          }
          logger.info({ inspectionId, checkItemId, sha256, size: bytes.length, by: principal.userId }, 'evidence stored');
          sendJson(response, 201, evidenceJson(department, row));
        } catch (error) {
          request.resume();
          sendFileError(response, error);
        }
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/(${UUID})$`),
      async handle(request, response, match) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          const row = await dataSource.getRepository(EvidenceEntity).findOneBy({ id: match[1] });
          if (!row) throw notFound('证据', match[1]);
          // Photos from a venue may show its customers (minors, in an internet cafe): the office, the
          // department and the visit's team see them, no one else.
          const mayView = mayManageOffice(principal) || principal.department === department || (await access.onTeam(row.inspectionId, request.headers.authorization ?? null));
          if (!mayView) throw forbidden('只有联席办、本部门和本次检查组的人员可以查看现场证据');
          response.writeHead(200, {
            'content-type': row.contentType,
            'content-length': row.size,
            'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
            'cache-control': 'private, max-age=86400, immutable',
            'x-content-type-options': 'nosniff',
          });
          files.open(row.sha256).pipe(response);
        } catch (error) {
          sendFileError(response, error);
        }
      },
    },
  ];
}

function decodeFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let name = '现场证据';
  try {
    if (raw) name = decodeURIComponent(raw);
  } catch {
    name = raw ?? name;
  }
  // Only the last path segment, no control characters, at most 200 characters.
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f]/g, '').slice(0, 200) || '现场证据';
}
