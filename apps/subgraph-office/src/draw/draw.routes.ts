import type { DataSource } from 'typeorm';
import { sendJson, type HttpRoute } from '@dr/subgraph-kit';
import { DrawService } from './draw.service';

/**
 * `GET /files/draws/:id/receipt.json`: a revealed draw's receipt, completed or failed (its result is the failure). Public on purpose: anyone may
 * recompute the draw (R-DRAW-3), so it needs no login.
 */
export function drawRoutes(dataSource: DataSource): HttpRoute[] {
  const service = new DrawService(dataSource);
  return [
    {
      method: 'GET',
      pattern: /^\/files\/draws\/([0-9a-f-]{36})\/receipt\.json$/,
      async handle(_request, response, match) {
        const receipt = await service.receipt(match[1]);
        if (!receipt) {
          sendJson(response, 404, { error: '抽取不存在或尚未揭示' });
          return;
        }
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="draw-${match[1]}-receipt.json"`,
          'cache-control': 'public, max-age=31536000, immutable',
        });
        response.end(JSON.stringify(receipt));
      },
    },
  ];
}
