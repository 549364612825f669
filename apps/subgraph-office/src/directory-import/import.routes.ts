import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { GraphQLError } from 'graphql';
import { writeDirectoryXlsx, type InspectorRecord, type VenueRecord } from '@dr/directory-import';
import type { Principal } from '@dr/domain';
import { actorOf, appendAudit, fileNameFromHeader, principalFromHeader, sendJson, type HttpRoute } from '@dr/subgraph-kit';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { InspectorConflict } from '../inspector/conflict.entity';
import { ImportKind } from './import-job.entity';
import { UploadTooLarge, type ImportService } from './import.service';

const PAGE = 2_000;

async function principalOf(request: IncomingMessage, response: ServerResponse, publicKey: KeyObject): Promise<Principal | null> {
  try {
    const principal = await principalFromHeader(request.headers.authorization, publicKey);
    if (principal) return principal;
    sendJson(response, 401, { error: '请先登录', code: 'UNAUTHENTICATED' });
  } catch (error) {
    sendJson(response, 401, { error: error instanceof Error ? error.message : '请先登录', code: 'UNAUTHENTICATED' });
  }
  return null;
}

function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof UploadTooLarge) return sendJson(response, 413, { error: '文件超过 50 MB 的上限；请拆分后分别导入', code: 'BAD_USER_INPUT' });
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code);
    return sendJson(response, code === 'FORBIDDEN' ? 403 : 400, { error: error.message, code, field: error.extensions.field ?? null });
  }
  throw error;
}

/** Every venue, page by page (keyset on id), as import records: what an export writes. */
async function* venueRecords(dataSource: DataSource): AsyncGenerator<VenueRecord> {
  let after = '';
  for (;;) {
    const page = await dataSource.getRepository(Venue).createQueryBuilder('v').where('v.id > :after', { after }).orderBy('v.id', 'ASC').take(PAGE).getMany();
    for (const v of page) {
      yield {
        name: v.name, uscc: v.uscc, codeKind: v.codeKind, licenseNumber: v.licenseNumber, address: v.address, street: v.street, legalRepresentative: v.legalRepresentative,
        contactPerson: v.contactPerson, phone: v.phone, terminals: v.terminals, status: v.status, riskClass: v.riskClass, lastInspectionDate: v.lastInspectionDate, lastInspectionProblemFound: v.lastInspectionProblemFound,
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}

async function* inspectorRecords(dataSource: DataSource): AsyncGenerator<InspectorRecord> {
  let after = '';
  for (;;) {
    const page = await dataSource.getRepository(Inspector).createQueryBuilder('i').where('i.id > :after', { after }).orderBy('i.id', 'ASC').take(PAGE).getMany();
    const conflicts = page.length ? await dataSource.getRepository(InspectorConflict).createQueryBuilder('c').where('c.inspector_id IN (:...ids)', { ids: page.map((i) => i.id) }).getMany() : [];
    const venueIds = [...new Set(conflicts.map((c) => c.venueId))];
    const venues = new Map(venueIds.length ? (await dataSource.getRepository(Venue).createQueryBuilder('v').select(['v.id', 'v.uscc', 'v.codeKind']).where('v.id IN (:...ids)', { ids: venueIds }).getMany()).map((v) => [v.id, v]) : []);
    for (const i of page) {
      yield {
        name: i.name, department: i.department, certificateNumber: i.certificateNumber, certificateValidFrom: i.certificateValidFrom ?? '', certificateValidUntil: i.certificateValidUntil ?? '',
        expertise: i.expertise ?? [], status: i.status,
        conflicts: conflicts.filter((c) => c.inspectorId === i.id && venues.has(c.venueId)).map((c) => ({ uscc: venues.get(c.venueId)!.uscc, codeKind: venues.get(c.venueId)!.codeKind, relation: c.relation, reason: c.reason || null })),
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}

/**
 * `POST /files/imports?kind=venues|inspectors` (the file as the body, its name in `x-file-name`) starts
 * a dry run and answers 202 `{ importId }`; `GET /files/exports/venues.xlsx|inspectors.xlsx` streams the
 * directory in the import's own layout, so an export imports back unchanged.
 */
export function importRoutes(dataSource: DataSource, service: ImportService, publicKey: KeyObject): HttpRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/files\/imports$/,
      async handle(request, response, _match, url) {
        const principal = await principalOf(request, response, publicKey);
        if (!principal) return;
        const kind = url.searchParams.get('kind');
        if (kind !== ImportKind.VENUES && kind !== ImportKind.INSPECTORS) return sendJson(response, 400, { error: 'kind 应为 venues 或 inspectors', code: 'BAD_USER_INPUT' });
        try {
          const fileName = fileNameFromHeader(request.headers['x-file-name'], '');
          service.assertMayImport(kind, principal);
          const job = await service.upload(request, kind, fileName, principal);
          sendJson(response, 202, { importId: job.id });
        } catch (error) {
          sendError(response, error);
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/files\/exports\/(venues|inspectors)\.xlsx$/,
      async handle(request, response, match) {
        const principal = await principalOf(request, response, publicKey);
        if (!principal) return;
        const kind = match[1] as 'venues' | 'inspectors';
        const date = new Date().toISOString().slice(0, 10);
        const name = `${kind === 'venues' ? '检查对象名录库' : '执法检查人员名录库'}-${date}.xlsx`;
        await appendAudit(dataSource, { action: 'file.read', objectType: `${kind}.xlsx`, actor: actorOf(principal) });
        response.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${kind}-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
        if (kind === 'venues') await writeDirectoryXlsx({ kind, rows: venueRecords(dataSource), stream: response });
        else await writeDirectoryXlsx({ kind, rows: inspectorRecords(dataSource), stream: response });
      },
    },
  ];
}
