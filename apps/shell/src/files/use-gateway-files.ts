import { useMemo } from 'react';
import { errorKindOf, fetchGatewayFile, uploadDirectoryFile, type DirectoryKind } from '@dr/graphql-client';
import { useGatewayUrl } from '../config/runtime-config-context';
import { useSession } from '../session/session-context';

/** The gateway's file routes with the signed-in user's session (its cookie). */
export interface GatewayFiles {
  /** Downloads a file (an export) as a blob. */
  download: (path: string) => Promise<Blob>;
  /** Reads a text file (a draw receipt). */
  readText: (path: string) => Promise<string>;
  /** Uploads a directory file for a dry run; resolves to the import job's id. */
  upload: (kind: DirectoryKind, file: File) => Promise<string>;
}

/**
 * File routes (`/files/…` on the gateway's origin) called with the session cookie; a 401 ends the
 * session as an UNAUTHENTICATED GraphQL answer does. Failures are `GatewayFileError`s, which
 * `describeGraphQLError` words like any other.
 */
export function useGatewayFiles(): GatewayFiles {
  const gatewayUrl = useGatewayUrl();
  const { forget } = useSession();
  return useMemo(() => {
    const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        if (errorKindOf(error) === 'UNAUTHENTICATED') forget();
        throw error;
      }
    };
    return {
      download: (path) => guarded(async () => (await fetchGatewayFile({ gatewayUrl, path })).blob()),
      readText: (path) => guarded(async () => (await fetchGatewayFile({ gatewayUrl, path })).text()),
      upload: (kind, file) => guarded(() => uploadDirectoryFile({ gatewayUrl, kind, file })),
    };
  }, [gatewayUrl, forget]);
}
