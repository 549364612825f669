/** Why a whole file was refused (before or while reading its rows). */
export type DirectoryFileErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'UNSUPPORTED_FORMAT'
  | 'UNREADABLE'
  | 'MISSING_COLUMNS';

/**
 * A file-level problem: the file cannot be imported at all. The message is Chinese and names what to
 * fix; `columns` lists the missing headers for `MISSING_COLUMNS`.
 */
export class DirectoryFileError extends Error {
  override readonly name = 'DirectoryFileError';

  constructor(
    readonly code: DirectoryFileErrorCode,
    message: string,
    readonly columns: readonly string[] = [],
  ) {
    super(message);
  }
}
