/** Why a draw cannot go ahead; `code` is for programs, `message` (Chinese) for people. */
export type DrawErrorCode = 'INVALID_INPUT' | 'SEED_MISMATCH' | 'NOT_ENOUGH_OFFICERS';

export class DrawError extends Error {
  override readonly name = 'DrawError';
  constructor(
    readonly code: DrawErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
