import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal } from '@dr/domain';
import { principalFromHeader } from './auth';
import { badInput } from './errors';
import { PayloadTooLarge, sendJson } from './http';
import { setAuditActor } from './audit/audit-scope';

/** The signed-in principal of a file request, or null after answering 401. */
export async function principalOrReply(request: IncomingMessage, response: ServerResponse, publicKey: KeyObject): Promise<Principal | null> {
  try {
    const principal = await principalFromHeader(request.headers.authorization, publicKey);
    if (principal) {
      // The file route's writes and reads are audited under this caller.
      setAuditActor(principal);
      return principal;
    }
    sendJson(response, 401, { error: '请先登录', code: 'UNAUTHENTICATED' });
  } catch (error) {
    sendJson(response, 401, { error: error instanceof GraphQLError ? error.message : '请先登录', code: 'UNAUTHENTICATED' });
  }
  return null;
}

// SUBGRAPH_UNAVAILABLE: a file route that asks the graph first (evidence) while the office is down.
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNSUPPORTED_MEDIA_TYPE: 415, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAUTHENTICATED: 401, SUBGRAPH_UNAVAILABLE: 503 };

/**
 * Answers a file route's failure as `{ error, code, field }` with the matching status; anything that is
 * not a user-facing error is rethrown, for the server to log and mask.
 */
export function sendFileError(response: ServerResponse, error: unknown): void {
  if (error instanceof PayloadTooLarge) {
    sendJson(response, 413, { error: `文件超过 ${Math.round(error.limitBytes / 1024 / 1024)} MB 的上限`, code: 'BAD_USER_INPUT', field: 'file' });
    return;
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in STATUS) {
    const code = error.extensions.code;
    sendJson(response, STATUS[code], { error: error.message, code, field: error.extensions.field ?? null });
    return;
  }
  throw error;
}

/** The longest file name an upload may carry, in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

// C0 and C1 controls, DEL, and the bidirectional-text controls that let `gpj.exe` be shown as
// `exe.jpg` (Trojan Source, CVE-2021-42574), line and paragraph separators included.
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * The file name an upload carries in `X-File-Name` (UTF-8, percent-encoded as `encodeURIComponent`
 * writes it), or `fallback` when there is none. A bad name is refused rather than quietly changed, so
 * what the user sees in the list is what the user chose.
 * @param header - the raw header value
 * @param fallback - the name to keep when the header is missing or blank (e.g. `现场证据`)
 * @throws BAD_USER_INPUT with field `fileName` when the header is not valid percent-encoded UTF-8, or
 *   the name holds a path separator, a control or bidirectional-text character, or is longer than
 *   {@link MAX_FILE_NAME_LENGTH} characters
 */
export function fileNameFromHeader(header: string | string[] | undefined, fallback: string): string {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!raw) return fallback;
  let name: string;
  try {
    // Encoded names are plain ASCII; anything else arrived as raw bytes in an unknown encoding.
    if (!/^[\x20-\x7e]+$/.test(raw)) throw new URIError('not percent-encoded');
    name = decodeURIComponent(raw).trim();
  } catch {
    throw badInput('fileName', '文件名无法识别（编码无效），请将文件改名后重新上传');
  }
  if (/[\\/]/.test(name)) throw badInput('fileName', '文件名不能包含“/”或“\\”，请将文件改名后重新上传');
  if (UNSAFE_IN_NAME.test(name)) throw badInput('fileName', '文件名含有不可见的控制字符，请将文件改名后重新上传');
  if ([...name].length > MAX_FILE_NAME_LENGTH) throw badInput('fileName', `文件名过长（最多 ${MAX_FILE_NAME_LENGTH} 个字），请将文件改名后重新上传`);
  return name || fallback;
}
