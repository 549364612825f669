import { GatewayFileError, isApiErrorCode, type ApiErrorCode } from './graphql-error';
import { csrfHeaders, ensureFreshSession } from './browser-session';

/** What an HTTP status of a file route means when the body names no code. */
const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
};

/**
 * The gateway's origin (`http://localhost:4000`), which serves `/files/…` beside `/graphql`.
 * @param gatewayUrl - the GraphQL endpoint from the runtime configuration
 */
export function gatewayOrigin(gatewayUrl: string): string {
  // A relative gateway URL (`/graphql` behind one reverse proxy) is relative to the page.
  return new URL(gatewayUrl, typeof location === 'undefined' ? undefined : location.href).origin;
}

/** Reads a failed answer's code and Chinese message (`{ error, code }` or `{ errors: [{ message, extensions }] }`). */
async function failureOf(response: Response): Promise<GatewayFileError> {
  let code: ApiErrorCode | null = CODE_BY_STATUS[response.status] ?? null;
  let message = '';
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: unknown } }[]; error?: string; code?: unknown };
    const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
    const bodyCode = first?.extensions?.code ?? body.code;
    if (isApiErrorCode(bodyCode)) code = bodyCode;
    message = first?.message ?? body.error ?? '';
  } catch {
    // Not JSON (a proxy's error page): the status alone decides.
  }
  return new GatewayFileError(response.status, code, message);
}

/** A request to one of the gateway's file routes. */
export interface GatewayFileRequest {
  /** The GraphQL endpoint from the runtime configuration; its origin serves the files. */
  gatewayUrl: string;
  /** Path below the origin, e.g. `/files/exports/venues.xlsx` or a draw's `receiptPath`. */
  path: string;
  /** A bearer token for callers outside the browser; the browser's session goes by cookie (ADR 0019). */
  token?: string | null;
  /** `POST` for uploads; `GET` by default. */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: BodyInit;
}

/**
 * Calls a file route of the gateway and returns the successful answer; anything else throws a
 * {@link GatewayFileError} (status 0 when the gateway could not be reached).
 * @param request - where, with which token, and what to send
 */
export async function fetchGatewayFile(request: GatewayFileRequest): Promise<Response> {
  if (!request.token) await ensureFreshSession(request.gatewayUrl);
  const headers: Record<string, string> = { ...request.headers, ...(request.token ? { authorization: `Bearer ${request.token}` } : csrfHeaders()) };
  let response: Response;
  try {
    const url = new URL(request.path, `${gatewayOrigin(request.gatewayUrl)}/`);
    response = await fetch(url, { method: request.method ?? 'GET', headers, body: request.body, credentials: 'include' });
  } catch {
    throw new GatewayFileError(0, null, '');
  }
  if (!response.ok) throw await failureOf(response);
  return response;
}

/** Which directory an import or export is for. */
export type DirectoryKind = 'venues' | 'inspectors';

/** Options of {@link uploadDirectoryFile}. */
export interface UploadDirectoryFileOptions {
  gatewayUrl: string;
  kind: DirectoryKind;
  file: File;
}

/**
 * Uploads a directory file (xlsx or csv) for a dry run: `POST /files/imports?kind=…` answers 202 with
 * the id of the import job, whose progress and row errors are then read through GraphQL (`importJob`).
 * @param options - the file and the directory it is for
 * @returns the import job's id
 */
export async function uploadDirectoryFile(options: UploadDirectoryFileOptions): Promise<string> {
  const response = await fetchGatewayFile({
    gatewayUrl: options.gatewayUrl,
    path: `/files/imports?kind=${options.kind}`,
    method: 'POST',
    headers: { 'x-file-name': encodeURIComponent(options.file.name), 'content-type': options.file.type || 'application/octet-stream' },
    body: options.file,
  });
  const body = (await response.json()) as { importId?: unknown };
  if (typeof body.importId !== 'string') throw new GatewayFileError(response.status, null, '');
  return body.importId;
}
