export { apolloCacheConfig, createApolloClient, type CreateApolloClientOptions } from './apollo-client';
export {
  createOfflineCache,
  isNetworkFailure,
  mergeSnapshots,
  type CacheSnapshot,
  type CreateOfflineCacheOptions,
  type OfflineCache,
} from './cache-persistence';
export {
  fetchGatewayFile,
  gatewayOrigin,
  uploadDirectoryFile,
  type DirectoryKind,
  type GatewayFileRequest,
  type UploadDirectoryFileOptions,
} from './gateway-files';
export {
  API_ERROR_CODES,
  GatewayFileError,
  describeGraphQLError,
  errorKindOf,
  fieldErrorOf,
  graphQLErrorsOf,
  hasErrorCode,
  isApiErrorCode,
  serverMessageOf,
  type ApiErrorCode,
  type DescribeErrorOptions,
  type ErrorKind,
  type FieldError,
} from './graphql-error';
export {
  CSRF_HEADER,
  SESSION_STORAGE_KEY,
  csrfHeaders,
  ensureFreshSession,
  forgetSession,
  login,
  logout,
  readSession,
  refresh,
  subscribeSession,
  type BrowserSession,
  type SessionUser,
} from './browser-session';
export {
  useDepartmentSection,
  type ConflictChange,
  type DepartmentCode,
  type DepartmentSectionState,
  type ItemOutcomeCode,
  type RoleCode,
  type SectionConflict,
  type SectionData,
  type SectionEvidence,
  type SectionItemData,
  type SectionItemState,
  type SectionPhase,
  type SectionQueryData,
  type UseDepartmentSectionOptions,
} from './use-department-section';
export * from './offline';
