import type { HttpRoute } from '@dr/subgraph-kit';
import { appendAudit, principalOrReply, sendFileError } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { ORDER_NOTICE_TITLE, renderOrderNotice } from './order-notice.renderer';
import type { OrderNoticeService } from './order-notice.service';
import type { KeyObject } from 'node:crypto';

/** `GET /files/fire/orders/:orderId/notice.pdf`: the 责令改正通知书 of one order, rendered on request. */
export function orderNoticeRoutes(notices: OrderNoticeService, publicKey: KeyObject, dataSource: DataSource): HttpRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/files\/fire\/orders\/([^/]{1,64})\/notice\.pdf$/,
      async handle(request, response, match) {
        const principal = await principalOrReply(request, response, publicKey);
        if (!principal) return;
        try {
          const notice = await notices.forPrint(match[1], principal, request.headers.authorization ?? null);
          // One page in the request's own thread: a letter this size takes milliseconds once the font is parsed.
          const bytes = await renderOrderNotice(notice);
          await appendAudit(dataSource, { action: 'file.read', objectType: 'order-notice.pdf', objectId: match[1] });
          response.writeHead(200, {
            'content-type': 'application/pdf',
            'content-length': bytes.length,
            'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`${ORDER_NOTICE_TITLE}-${notice.venueName}.pdf`)}`,
            'cache-control': 'private, no-store',
          });
          response.end(bytes);
        } catch (error) {
          sendFileError(response, error);
        }
      },
    },
  ];
}
