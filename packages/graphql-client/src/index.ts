export { createApolloClient, type CreateApolloClientOptions } from './apollo-client';
export {
  API_ERROR_CODES,
  describeGraphQLError,
  errorKindOf,
  graphQLErrorsOf,
  hasErrorCode,
  type ApiErrorCode,
  type DescribeErrorOptions,
  type ErrorKind,
} from './graphql-error';
export { TOKEN_STORAGE_KEY, clearToken, readToken, storeToken } from './token-storage';
export {
  useDepartmentSection,
  type DepartmentCode,
  type DepartmentSectionState,
  type ItemOutcomeCode,
  type OutcomeDraft,
  type RecordOutcomeInput,
  type RoleCode,
  type SectionData,
  type SectionItemData,
  type SectionPhase,
  type SectionQueryData,
  type UseDepartmentSectionOptions,
} from './use-department-section';
