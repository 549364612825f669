export { createDraftStore, sharedDraftStore, type DraftStore, type StoredDraft } from './draft-store';
export { FILE_UPLOAD, GRAPHQL_WRITE, fileUploadHandler, graphqlWriteHandler, type FileUpload, type FileUploadHandlerOptions, type GraphQLWrite } from './handlers';
export { createIndexedDbStore, createMemoryStore, type KeyValueStore } from './kv-store';
export {
  Outbox,
  isRetryableError,
  newIdempotencyKey,
  outboxRef,
  sharedOutbox,
  type OutboxEntry,
  type OutboxEvent,
  type OutboxFailure,
  type OutboxHandler,
  type OutboxInput,
  type OutboxOptions,
  type OutboxRef,
  type OutboxSnapshot,
} from './outbox';
export {
  contentOfSection,
  draftOfSection,
  isDraftDirty,
  newOrderKey,
  rebaseDraft,
  sameContent,
  sectionInputOf,
  type AmendmentData,
  type DraftEvidence,
  type DraftItem,
  type DraftOrder,
  type EvidenceData,
  type FieldChangeData,
  type OrderData,
  type OrderDeliveryCode,
  type OrderKindCode,
  type SectionContent,
  type SectionDraft,
} from './section-draft';
export { scopeStateOf, useOutbox, useOutboxScope, type OutboxScopeState, type SyncState } from './use-outbox';
