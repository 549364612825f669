import { DRAW_ALGORITHM, type DrawReceipt } from '@dr/domain';

/** A file or answer that is not a draw receipt; `message` says why, in Chinese. */
export class ReceiptFormatError extends Error {
  override readonly name = 'ReceiptFormatError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REQUIRED: readonly [string, (value: unknown) => boolean, string][] = [
  ['algorithm', (value) => typeof value === 'string', '算法版本'],
  ['commitment', (value) => typeof value === 'string', '抽取承诺'],
  ['venueSnapshot', (value) => isObject(value) && typeof value['hash'] === 'string' && Array.isArray(value['records']), '检查对象名录快照'],
  ['inspectorSnapshot', (value) => isObject(value) && typeof value['hash'] === 'string' && Array.isArray(value['records']), '执法人员名录快照'],
  ['parameters', isObject, '抽取参数'],
  ['seedCommitments', Array.isArray, '种子承诺'],
  ['reveals', Array.isArray, '公开的随机种子'],
  // A completed draw's teams, or a failed draw's failure (docs/draw-algorithm.md §6).
  ['result', (value) => isObject(value) && ((Array.isArray(value['selections']) && Array.isArray(value['teams'])) || isObject(value['error'])), '抽取结果'],
  ['resultHash', (value) => typeof value === 'string', '结果哈希'],
];

/**
 * Reads a draw receipt (`receipt.json`) and checks that it has every part the verification needs;
 * whether the parts agree is for `verifyReceipt` to say.
 * @param text - the file's or the answer's text
 * @throws ReceiptFormatError naming what is missing
 */
export function parseReceipt(text: string): DrawReceipt {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReceiptFormatError('文件不是有效的 JSON，请选择抽取凭证文件（receipt.json）');
  }
  if (!isObject(body)) throw new ReceiptFormatError('文件不是抽取凭证');
  const missing = REQUIRED.filter(([key, valid]) => !valid(body[key])).map(([, , label]) => label);
  if (missing.length > 0) throw new ReceiptFormatError(`文件不是完整的抽取凭证：缺少或无法识别${missing.join('、')}`);
  if (body['algorithm'] !== DRAW_ALGORITHM) {
    throw new ReceiptFormatError(`凭证的算法版本为 ${String(body['algorithm'])}，本页面按 ${DRAW_ALGORITHM} 验证`);
  }
  return body as unknown as DrawReceipt;
}
