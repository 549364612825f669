import { randomUUID, type KeyObject } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEPARTMENT_NAMES, mayEditDepartment, mayManageOffice, type Department } from '@dr/domain';
import { AppError, appendAudit, badInput, claimIdempotencyKey, conflict, fileNameFromHeader, forbidden, forUpdate, notFound, principalOrReply, readBody, retryingTransaction, sendFileError, sendJson, sha256Hex, sniffContentType, type FileStore, type HttpRoute } from '@dr/subgraph-kit';
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
 * with the raw bytes (and an `Idempotency-Key`, which the phone's outbox sends: a resend answers the
 * first answer), and `GET /files/{department}/evidence/:id`. The type is read from the content,
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
          const key = headerValue(request.headers['idempotency-key']);
          const fileName = fileNameFromHeader(request.headers['x-file-name'], '现场证据');
          const bytes = await readBody(request, MAX_EVIDENCE_BYTES);
          if (bytes.length === 0) throw badInput('file', '文件为空');
          const contentType = sniffContentType(bytes);
          if (!contentType) {
            sendJson(response, 415, { error: '文件类型不支持或文件不完整：只接受完整的 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断）', code: 'BAD_USER_INPUT', field: 'file' });
            return;
          }
          const sha256 = sha256Hex(bytes);
          const same = { inspectionId, checkItemId: checkItemId ?? IsNull(), sha256 };
          let answer: { status: 200 | 201; row: EvidenceEntity; event?: string };
          try {
            answer = await retryingTransaction(dataSource, async (manager) => {
              const section = await forUpdate(manager.createQueryBuilder(SectionEntity, 'section').where('section.inspection_id = :inspectionId', { inspectionId })).getOne();
              if (key) {
                const claim = await claimIdempotencyKey(manager, { userId: principal.userId, key, operation: `${department}.UPLOAD_EVIDENCE`, targetId: inspectionId });
                const earlier = claim === 'replay' ? await manager.findOneBy(EvidenceEntity, same) : null;
                // A resend of an upload that was taken: the same answer, even if the photo was removed since
                // (a late resend from a phone must not bring back what someone removed).
                if (claim === 'replay' && earlier?.removedAt) throw conflict('这份证据上传后已被删除；如仍需要，请重新添加', { field: 'file' });
                if (earlier) return { status: 200, row: earlier };
              }
              if (section?.status === 'SUBMITTED') throw conflict('本部门检查记录已提交并锁定，不能再添加证据', { field: 'inspectionId' });
              const existing = await manager.findOneBy(EvidenceEntity, same);
              if (existing && !existing.removedAt) return { status: 200, row: existing };
              const now = new Date();
              if (existing) {
                // Removed from the draft earlier and taken again for the same item: it comes back (the
                // removal stays in evidence_removal).
                const restored = { fileName, uploadedBy: principal.userId, uploadedAt: now, removedAt: null, removedBy: null };
                await manager.update(EvidenceEntity, { id: existing.id }, restored);
                return { status: 201, row: { ...existing, ...restored }, event: 'evidence restored' };
              }
              // Written only now, when the upload is taken: a refused one leaves no file that no row names.
              // Never deleted here either, since the same bytes may be another row's file (content-addressed).
              await files.put(bytes);
              const row: EvidenceEntity = { id: randomUUID(), inspectionId, checkItemId, sha256, contentType, size: bytes.length, fileName, uploadedBy: principal.userId, uploadedAt: now, removedAt: null, removedBy: null };
              await manager.insert(EvidenceEntity, row);
              return { status: 201, row, event: 'evidence stored' };
            });
          } catch (error) {
            // Two deliveries of the same upload at once: the other one won, answer with its row.
            const winner = await dataSource.getRepository(EvidenceEntity).findOneBy(same);
            if (!winner || winner.removedAt || error instanceof AppError) throw error;
            answer = { status: 200, row: winner };
          }
          if (answer.event) logger.info({ inspectionId, checkItemId, sha256, size: bytes.length, by: principal.userId }, answer.event);
          sendJson(response, answer.status, evidenceJson(department, answer.row));
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
          await appendAudit(dataSource, { action: 'file.read', objectType: 'evidence', objectId: row.id, detail: { inspectionId: row.inspectionId } });
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

function headerValue(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim() || null;
}
