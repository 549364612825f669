import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { RenderPoolBusy, type RenderPool } from '@dr/documents';
import { appendAudit, notFound, principalOrReply, sendFileError, sendJson, type FileStore, type HttpRoute } from '@dr/subgraph-kit';
import { RecordAmendment, RecordSignature, VenueResponse } from './visit.entities';
import { RecordFormSource } from './record-form.source';
import type { DepartmentSections } from './department-sections.client';

const ID = '([0-9A-Za-z-]{1,36})';

function sendPdf(response: ServerResponse, bytes: Buffer, fileName: string): void {
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': bytes.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
  });
  response.end(bytes);
}

/**
 * The visit's paperwork as PDFs (告知书, 记录表, 统计表) and its signature and stamp images, each for
 * a signed-in user; the PDFs are rendered on request (a signed form's departments from the content
 * frozen at signing, ADR 0015), in the render pool's
 * worker threads (a full pool answers 503 with Retry-After rather than queueing without end).
 */
export function visitRoutes(options: { dataSource: DataSource; files: FileStore; sections: DepartmentSections; renderer: RenderPool; publicKey: KeyObject; logger: Logger }): HttpRoute[] {
  const { dataSource, files, publicKey, logger, renderer } = options;
  const source = new RecordFormSource(dataSource, files, options.sections);
  const pdf = (name: string, render: (inspectionId: string, authorization: string | null, principal: Parameters<RecordFormSource['noticeLetter']>[1]) => Promise<Buffer>): HttpRoute => ({
    method: 'GET',
    pattern: new RegExp(`^/files/inspections/${ID}/${name}\\.pdf$`),
    async handle(request, response, match) {
      const principal = await principalOrReply(request, response, publicKey);
      if (!principal) return;
      try {
        // Refuse before reading three departments through the graph for a document that would wait.
        renderer.assertNotBusy();
        const started = performance.now();
        const bytes = await render(match[1], request.headers.authorization ?? null, principal);
        logger.info({ inspectionId: match[1], document: name, bytes: bytes.length, ms: Math.round(performance.now() - started) }, 'document rendered');
        await appendAudit(dataSource, { action: 'file.read', objectType: `${name}.pdf`, objectId: match[1] });
        sendPdf(response, bytes, `${name}-${match[1]}.pdf`);
      } catch (error) {
        if (error instanceof RenderPoolBusy) {
          logger.warn({ inspectionId: match[1], document: name, queued: error.queued }, 'document render queue full');
          response.setHeader('retry-after', '5');
          sendJson(response, 503, { error: '正在生成的文书较多，请几秒后再试', code: null });
          return;
        }
        sendFileError(response, error);
      }
    },
  });
  return [
    pdf('notice', async (id, authorization, principal) => renderer.renderNoticeLetter(await source.noticeLetter(id, principal, authorization))),
    pdf('record-form', async (id, authorization, principal) => renderer.renderRecordForm(await source.recordForm(id, authorization, principal))),
    pdf('statistics-form', async (id, authorization, principal) => renderer.renderStatisticsForm(await source.recordForm(id, authorization, principal))),
    {
      method: 'GET',
      pattern: new RegExp(`^/files/inspections/${ID}/images/([0-9a-f]{64})$`),
      async handle(request, response, match) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          const [inspectionId, sha256] = [match[1], match[2]];
          // Only images that belong to this inspection's record form.
          const known =
            (await dataSource.manager.existsBy(RecordSignature, { inspectionId, imageSha256: sha256 })) ||
            (await dataSource.manager.existsBy(VenueResponse, { inspectionId, signatureSha256: sha256 })) ||
            (await dataSource.manager.existsBy(VenueResponse, { inspectionId, stampSha256: sha256 })) ||
            (await dataSource.manager.existsBy(RecordAmendment, { inspectionId, acknowledgementSha256: sha256 }));
          if (!known) throw notFound('图片', sha256);
          const bytes = await files.read(sha256);
          await appendAudit(dataSource, { action: 'file.read', objectType: 'record-form-image', objectId: inspectionId, detail: { sha256 } });
          response.writeHead(200, { 'content-type': bytes[0] === 0xff ? 'image/jpeg' : 'image/png', 'content-length': bytes.length, 'cache-control': 'private, max-age=86400, immutable', 'x-content-type-options': 'nosniff' });
          response.end(bytes);
        } catch (error) {
          sendFileError(response, error);
        }
      },
    },
  ];
}
