import type { DirectoryKind } from '@dr/graphql-client';

/** The directories' names as files and titles use them (一单两库). */
export const DIRECTORY_NAMES: Record<DirectoryKind, string> = {
  venues: '检查对象名录库',
  inspectors: '执法检查人员名录库',
};
