import { REVOKED_SESSIONS_PATH, runAsBackgroundWork, sameSecret, sendJson, type HttpRoute } from '@dr/subgraph-kit';
import type { SessionService } from './session.service';

/**
 * `GET /internal/revoked-sessions`: the sessions ended within the last access-token lifetime, for the
 * servers that poll without Redis. Only holders of EVENTS_TOKEN (the other servers) may ask; like
 * `/internal/events`, a deployment's proxy must not expose `/internal/`.
 */
export function sessionRoutes(sessions: SessionService, eventsToken: string | undefined): HttpRoute[] {
  if (!eventsToken) return [];
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${REVOKED_SESSIONS_PATH}$`),
      async handle(request, response) {
        const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
        if (!match || !sameSecret(match[1], eventsToken)) {
          sendJson(response, 401, { error: 'unauthorized' });
          return;
        }
        // The other servers' polling, not a user's request: left out of the SQL statement count.
        sendJson(response, 200, { sessionIds: await runAsBackgroundWork(() => sessions.revokedSessionIds()) });
      },
    },
  ];
}
