import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentNode, TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { fetchGatewayFile } from './gateway-files';
import { describeGraphQLError, errorKindOf } from './graphql-error';
import { sharedDraftStore } from './offline/draft-store';
import { FILE_UPLOAD, GRAPHQL_WRITE, VERSIONED_WRITE, fileUploadHandler, graphqlWriteHandler, versionedWriteHandler, type FileUpload, type GraphQLWrite, type VersionedWrite } from './offline/handlers';
import { createIndexedDbStore } from './offline/kv-store';
import { newIdempotencyKey, sharedOutbox, type OutboxEntry, type OutboxEvent, type OutboxFailure } from './offline/outbox';
import {
  contentOfSection,
  draftOfSection,
  isDraftDirty,
  pruneSeenEvidence,
  rebaseDraft,
  sameContent,
  sectionInputOf,
  type DraftEvidence,
  type ItemOutcomeCode,
  type SectionContent,
  type SectionData,
  type SectionDraft,
} from './offline/section-draft';
import { useOutboxScope, type OutboxScopeState } from './offline/use-outbox';

export type { ItemOutcomeCode, SectionData } from './offline/section-draft';
export type { SectionItemData } from './offline/section-draft';

/** `Department` enum values of the API. */
export type DepartmentCode = 'CULTURE' | 'MARKET' | 'FIRE';
/** `Role` enum values of the API. */
export type RoleCode = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR';

/** The part of a department tab's query result this hook reads besides the section. */
export interface SectionQueryData {
  me?: { id: string; role: RoleCode; department?: DepartmentCode | null } | null;
  /** `viewerOnTeam` and `status` come from the office: inspectors write only their own team's visits, nobody a cancelled one. */
  inspection?: { id: string; planId: string; viewerOnTeam?: boolean | null; status?: string | null } | null;
}

/**
 * Where a department tab stands: `unavailable` is the partial-data case (the inspection came back,
 * the department's section is null with an error because its subgraph is down); `empty` means the
 * inspection has no section for this department.
 */
export type SectionPhase = 'loading' | 'ready' | 'empty' | 'unavailable' | 'notFound' | 'failed';

/** Options of {@link useDepartmentSection}. */
export interface UseDepartmentSectionOptions<TQuery extends SectionQueryData> {
  /** The department whose tab this is; its own staff may record. */
  department: DepartmentCode;
  inspectionId: string;
  /** The remote's generated query: `me { id role department }` plus `inspection(id: $id) { id planId viewerOnTeam status …Section }`. */
  query: TypedDocumentNode<TQuery, { id: string }>;
  /** Picks this department's section out of the query result. */
  selectSection: (data: TQuery) => SectionData | null | undefined;
  /** The remote's `…SaveSection(input: $input)`, `…SubmitSection` and `…AmendSection`, each returning the whole section. */
  saveMutation: DocumentNode;
  submitMutation: DocumentNode;
  amendMutation: DocumentNode;
  /** The remote's `…RemoveEvidence(input: $input)`, returning the whole section. */
  removeEvidenceMutation: DocumentNode;
  /** The gateway's GraphQL endpoint (for evidence files); read from the shell's `/config.json` when not given. */
  gatewayUrl?: string;
}

/** Evidence of an item as the tab shows it: on the server, or added on this device. */
export interface SectionEvidence {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  status: 'uploaded' | 'pending' | 'uploading' | 'failed';
  error?: string | null;
}

/** One item as the tab shows it: the check item, the draft's outcome and note, all its evidence. */
export interface SectionItemState {
  id: string;
  code: string;
  title: string;
  legalBasis: string;
  order: number;
  outcome: ItemOutcomeCode | null;
  note: string;
  evidence: SectionEvidence[];
}

/** A later change by someone else, as a CONFLICT lists it. */
export interface ConflictChange {
  version: number;
  by: string;
  at: string | null;
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}

/** The server refused a write because the record moved on (CONFLICT). */
export interface SectionConflict {
  message: string;
  currentVersion: number | null;
  changes: ConflictChange[];
}

/** Everything a department tab needs to render; the props of `@dr/ui`'s `DepartmentSectionPanel`. */
export interface DepartmentSectionState {
  phase: SectionPhase;
  department: DepartmentCode;
  /** The section as the server last answered. */
  section: SectionData | null;
  /** True for the department's admins and its inspectors on the visit's team (server rules decide in the end). */
  canEdit: boolean;
  /** Why the user may not record: not of this department, not on the visit's team, visit cancelled. */
  readOnlyReason: 'department' | 'team' | 'cancelled' | null;
  /** Chinese text for the `failed`, `unavailable` and `notFound` phases. */
  errorText: string | null;
  retrying: boolean;
  retry: () => void;
  /** The user's draft (restored from the device after a reload), null until loaded. */
  draft: SectionDraft | null;
  /** Items in their order with the draft's values and all evidence. */
  items: SectionItemState[];
  /** The draft differs from what it was based on (not yet saved). */
  dirty: boolean;
  /** Submitted, or a submission is waiting to be sent: nothing but an amendment may change it. */
  locked: boolean;
  /** The user may change the draft now (own department; open, or amending). */
  editing: boolean;
  /** How the writes of this section stand (已同步 / 未发送 N 项 / 同步中 / 冲突). */
  sync: OutboxScopeState;
  conflict: SectionConflict | null;
  /** A refusal other than a conflict (validation): what was refused and why. */
  failure: { label: string; message: string; field: string | null } | null;
  setOutcome: (checkItemId: string, outcome: ItemOutcomeCode) => void;
  setNote: (checkItemId: string, note: string) => void;
  /** Replaces the recordable content beyond items (result codes, 现场笔录, orders). */
  updateContent: (recipe: (content: SectionContent) => SectionContent) => void;
  setAmendReason: (reason: string) => void;
  /** Queues an upload (already scaled down) and shows it on the item at once. */
  addEvidence: (checkItemId: string, file: { blob: Blob; fileName: string; contentType: string }) => Promise<void>;
  /**
   * Drops evidence waiting on the device, or queues `…RemoveEvidence` for evidence on the server (only
   * before submission; the server keeps the row and the file for the audit). Hidden at once.
   */
  removeEvidence: (checkItemId: string, key: string) => Promise<void>;
  /** Reads evidence bytes: from the device while waiting, else from the server with the token. */
  loadEvidence: (evidence: { key: string }) => Promise<Blob>;
  /** Queues the whole draft (`…SaveSection`, or `…AmendSection` while amending) with a new idempotency key. */
  save: () => Promise<void>;
  /** Queues `…SubmitSection` (after a save if the draft changed). */
  submit: () => Promise<void>;
  /** Starts an amendment of the submitted record. */
  startAmend: () => void;
  cancelAmend: () => void;
  /** After a CONFLICT: loads the server's version and puts the user's changes on top (unsaved). */
  reloadAndReapply: () => Promise<void>;
  /** Drops the draft and takes the server's version. */
  discardDraft: () => Promise<void>;
  /** Forgets a refused write (the draft stays). */
  dismissFailure: () => Promise<void>;
}

const EDITING_ROLES: readonly RoleCode[] = ['DEPARTMENT_ADMIN', 'INSPECTOR'];

let gatewayUrlPromise: Promise<string> | null = null;
const GATEWAY_URL_KEY = 'dr.gatewayUrl';

/** The gateway URL from the shell's runtime configuration (remotes run inside the shell's page). */
function runtimeGatewayUrl(): Promise<string> {
  gatewayUrlPromise ??= fetch('/config.json', { cache: 'no-store' })
    .then((response) => response.json() as Promise<{ gatewayUrl?: unknown }>)
    .then((body) => {
      if (typeof body.gatewayUrl !== 'string') throw new Error('no gatewayUrl');
      try {
        localStorage.setItem(GATEWAY_URL_KEY, body.gatewayUrl);
      } catch {
        // Storage unavailable: next time the configuration is fetched again.
      }
      return body.gatewayUrl;
    })
    .catch(() => {
      gatewayUrlPromise = null;
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(GATEWAY_URL_KEY);
      } catch {
        stored = null;
      }
      return stored ?? '/graphql';
    });
  return gatewayUrlPromise;
}

let versionStore: ReturnType<typeof createIndexedDbStore> | null = null;

/** Bytes of evidence added on this page, by upload entry id, until the outbox has stored them. */
const addedBlobs = new Map<string, Blob>();

function conflictOf(failure: OutboxFailure): SectionConflict {
  const extensions = failure.extensions ?? {};
  const raw = Array.isArray(extensions['changes']) ? (extensions['changes'] as Record<string, unknown>[]) : [];
  return {
    message: failure.message,
    currentVersion: typeof extensions['currentVersion'] === 'number' ? extensions['currentVersion'] : null,
    changes: raw.map((change) => ({
      version: Number(change['version'] ?? 0),
      by: String(change['by'] ?? '—'),
      at: typeof change['at'] === 'string' ? change['at'] : null,
      changes: (Array.isArray(change['changes']) ? (change['changes'] as Record<string, unknown>[]) : []).map((field) => ({
        field: String(field['field'] ?? ''),
        label: String(field['label'] ?? field['field'] ?? ''),
        before: field['before'] == null ? null : String(field['before']),
        after: field['after'] == null ? null : String(field['after']),
      })),
    })),
  };
}

const mapItems = (content: SectionContent, map: (evidence: DraftEvidence[]) => DraftEvidence[]): SectionContent => {
  const items: SectionContent['items'] = {};
  for (const [id, item] of Object.entries(content.items)) items[id] = { ...item, evidence: map(item.evidence) };
  return { ...content, items };
};

/**
 * One department's section of an inspection, recorded offline-first:
 * - the draft lives on the device (IndexedDB) and is written on every change, so a reload or a lost
 *   connection loses nothing typed;
 * - 保存 / 提交 / 更正 and evidence uploads go through the page's {@link sharedOutbox} with an
 *   idempotency key made when the user acts, in order, exactly once, whenever the device is online;
 * - a CONFLICT is never resolved silently: it is shown with who changed what, and the user reloads
 *   the server's version with their changes re-applied on top.
 * The gateway's partial results are kept (`errorPolicy: 'all'`), so a department whose subgraph is
 * down shows its own fallback while the inspection and the other departments still render.
 * @param options - the remote's documents and how to find its section in the result
 */
export function useDepartmentSection<TQuery extends SectionQueryData>(options: UseDepartmentSectionOptions<TQuery>): DepartmentSectionState {
  const { department, inspectionId } = options;
  const client = useApolloClient();
  const outbox = sharedOutbox();
  const drafts = sharedDraftStore();
  const { data, error, loading, refetch } = useQuery(options.query, {
    variables: { id: inspectionId },
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: true,
  });
  const viewer = data?.me ?? null;
  const owner = viewer?.id ?? null;
  const planId = data?.inspection?.planId ?? null;
  const section = data ? (options.selectSection(data) ?? null) : null;
  const inspection = data?.inspection ?? null;
  const ownDepartment = !!viewer && viewer.department === department && EDITING_ROLES.includes(viewer.role);
  const onTeam = viewer?.role === 'DEPARTMENT_ADMIN' || inspection?.viewerOnTeam !== false;
  const cancelled = inspection?.status === 'CANCELLED';
  const readOnlyReason: DepartmentSectionState['readOnlyReason'] = !ownDepartment ? 'department' : !onTeam ? 'team' : cancelled ? 'cancelled' : null;
  const canEdit = readOnlyReason === null;
  const scope = `section:${department}:${inspectionId}`;
  const draftKey = owner ? `${scope}:${owner}` : null;
  const field = department.toLowerCase();
  const sync = useOutboxScope(scope, outbox);

  const [draft, setDraftState] = useState<SectionDraft | null>(null);
  const draftRef = useRef<SectionDraft | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [conflictFailure, setConflictFailure] = useState<OutboxFailure | null>(null);

  const gatewayUrl = useCallback(() => (options.gatewayUrl ? Promise.resolve(options.gatewayUrl) : runtimeGatewayUrl()), [options.gatewayUrl]);

  /** Every change of the draft is kept on the device at once. */
  const commitDraft = useCallback(
    (next: SectionDraft | null) => {
      draftRef.current = next;
      setDraftState(next);
      if (!draftKey) return;
      if (next) void drafts.save(draftKey, next);
      else void drafts.remove(draftKey);
    },
    [drafts, draftKey],
  );
  const updateDraft = useCallback(
    (recipe: (draft: SectionDraft) => SectionDraft) => {
      const current = draftRef.current;
      if (current) commitDraft(recipe(current));
    },
    [commitDraft],
  );

  // Register the senders (the outbox is shared with the shell and the other remotes) and the user.
  useEffect(() => {
    versionStore ??= createIndexedDbStore('dr-versions');
    outbox.setHandler(VERSIONED_WRITE, versionedWriteHandler(client, versionStore));
    outbox.setHandler(FILE_UPLOAD, fileUploadHandler({ gatewayUrl }));
    outbox.setHandler(GRAPHQL_WRITE, graphqlWriteHandler(client));
  }, [outbox, client, gatewayUrl]);
  useEffect(() => {
    if (owner) outbox.setOwner(owner);
  }, [outbox, owner]);

  // Restore the device's draft once the server's section and the user are known.
  useEffect(() => {
    if (!draftKey || !section || restored === draftKey) return;
    let live = true;
    void (async () => {
      const stored = await drafts.load<SectionDraft>(draftKey);
      if (!live) return;
      let next = stored?.value ?? draftOfSection(section);
      // Uploads sent while this tab was closed: take their evidence ids from the outbox.
      const waiting = new Set(outbox.getSnapshot().entries.map((entry) => entry.id));
      const uploaded = new Map<string, unknown>();
      for (const item of Object.values(next.content.items)) {
        for (const evidence of item.evidence) {
          if (evidence.localId && !evidence.id && !waiting.has(evidence.localId)) uploaded.set(evidence.localId, await outbox.resultOf(evidence.localId));
        }
      }
      if (uploaded.size) {
        next = {
          ...next,
          content: mapItems(next.content, (list) =>
            list.map((evidence) => {
              if (!evidence.localId || !uploaded.has(evidence.localId)) return evidence;
              const result = uploaded.get(evidence.localId) as { id?: unknown; url?: unknown } | undefined;
              if (result && typeof result.id === 'string') return { ...evidence, id: result.id, url: typeof result.url === 'string' ? result.url : null };
              return { ...evidence, error: evidence.error ?? '上传未完成，请重新添加' };
            }),
          ),
        };
      }
      if (!live) return;
      commitDraft(next);
      setRestored(draftKey);
    })();
    return () => {
      live = false;
    };
  }, [draftKey, section, restored, drafts, outbox, commitDraft]);

  // Follow the server while the user has nothing unsaved; forget evidence the server now lists.
  useEffect(() => {
    const current = draftRef.current;
    if (!section || !current || restored !== draftKey) return;
    const serverContent = contentOfSection(section);
    let next = pruneSeenEvidence(current, section);
    const writesWaiting = sync.entries.some((entry) => entry.kind === VERSIONED_WRITE);
    if (next.baseVersion !== section.version || !sameContent(next.base, serverContent)) {
      if (sameContent(next.content, serverContent)) {
        next = { ...next, baseVersion: section.version, base: serverContent };
      } else if (!isDraftDirty(next) && !writesWaiting && section.version > next.baseVersion) {
        next = { ...draftOfSection(section, next.mode), content: { ...serverContent, items: mergeEvidence(serverContent, next.content) } };
      }
    }
    if (next.mode === 'amend' && section.status !== 'SUBMITTED') next = { ...next, mode: 'edit', amendReason: '' };
    if (next !== current) commitDraft(next);
  }, [section, restored, draftKey, sync.entries, commitDraft]);

  // What the outbox settles for this section while the tab is open.
  useEffect(() => {
    return outbox.onEvent((event: OutboxEvent) => {
      if (event.entry.scope !== scope) return;
      if (event.type === 'sent' && event.entry.kind === VERSIONED_WRITE) {
        const saved = (event.result as Record<string, SectionData | undefined> | null)?.[writeFieldOf(event.entry)];
        if (saved) {
          updateDraft((current) => {
            const rebased = { ...current, baseVersion: saved.version, base: contentOfSection(saved) };
            const amendDone = current.mode === 'amend' && event.entry.label === '更正';
            return pruneSeenEvidence(amendDone ? { ...rebased, mode: 'edit', amendReason: '' } : rebased, saved);
          });
        }
        setConflictFailure(null);
      } else if (event.type === 'sent' && event.entry.kind === FILE_UPLOAD) {
        const result = event.result as { id?: string; url?: string } | null;
        updateDraft((current) => ({
          ...current,
          content: mapItems(current.content, (list) =>
            list.map((evidence) => (evidence.localId === event.entry.id ? { ...evidence, id: result?.id ?? null, url: result?.url ?? null } : evidence)),
          ),
        }));
        // The upload linked the evidence on the server; read the section to list it.
        void refetch().catch(() => undefined);
      } else if (event.type === 'failed' && event.entry.kind === FILE_UPLOAD) {
        markUploadFailed(event.entry, event.failure.message);
      } else if (event.type === 'failed' && event.entry.kind === VERSIONED_WRITE && event.failure.code === 'CONFLICT') {
        setConflictFailure(event.failure);
      }
    });
  }, [outbox, scope, updateDraft, refetch]);

  /** Refused uploads already moved from the queue to their evidence (the discard is asynchronous). */
  const handledFailures = useRef(new Set<string>());
  /** A refused upload shows its reason on the evidence and leaves the queue (it blocks nothing else). */
  const markUploadFailed = useCallback(
    (entry: OutboxEntry, message: string) => {
      if (handledFailures.current.has(entry.id)) return;
      handledFailures.current.add(entry.id);
      updateDraft((current) => ({
        ...current,
        content: mapItems(current.content, (list) => list.map((evidence) => (evidence.localId === entry.id ? { ...evidence, error: message } : evidence))),
      }));
      void outbox.discard(entry.id);
    },
    [outbox, updateDraft],
  );
  // Refused uploads found after a reload.
  useEffect(() => {
    if (!draft) return;
    for (const entry of sync.failed) if (entry.kind === FILE_UPLOAD) markUploadFailed(entry, entry.failure?.message ?? '上传失败');
  }, [sync.failed, draft, markUploadFailed]);

  /** Server evidence whose removal was refused, with the reason; shown on it until tried again. */
  const [removalErrors, setRemovalErrors] = useState<Record<string, string>>({});
  // A refused removal shows on its evidence and leaves the queue (it must not hold up the saves).
  useEffect(() => {
    for (const entry of sync.failed) {
      const evidenceId = removalTarget(entry);
      if (!evidenceId || handledFailures.current.has(entry.id)) continue;
      handledFailures.current.add(entry.id);
      // The server's own reason (e.g. the record was submitted meanwhile), not the generic conflict text.
      const reason = entry.failure?.serverMessage ?? entry.failure?.message ?? '请稍后重试';
      setRemovalErrors((current) => ({ ...current, [evidenceId]: `未能删除：${reason}` }));
      void outbox.discard(entry.id);
    }
  }, [sync.failed, outbox]);

  const failedWrite = sync.failed.find((entry) => entry.kind === VERSIONED_WRITE) ?? null;
  const conflict = failedWrite?.failure?.code === 'CONFLICT' ? conflictOf(failedWrite.failure) : conflictFailure && failedWrite ? conflictOf(conflictFailure) : null;
  const failure =
    failedWrite && !conflict
      ? { label: failedWrite.label, message: failedWrite.failure?.message ?? '保存失败', field: (failedWrite.failure?.extensions?.['field'] as string | undefined) ?? null }
      : null;

  const submitWaiting = sync.entries.some((entry) => entry.kind === VERSIONED_WRITE && entry.label === '提交');
  const locked = section?.status === 'SUBMITTED' || submitWaiting;
  const editing = canEdit && !!draft && (!locked || (draft.mode === 'amend' && !submitWaiting));

  const itemOrder = useMemo(() => [...(section?.items ?? [])].sort((a, b) => a.checkItem.order - b.checkItem.order), [section]);

  const items = useMemo<SectionItemState[]>(() => {
    const sendingId = outbox.getSnapshot().sendingId;
    // Removals waiting to be sent: the evidence is gone for the user already.
    const removing = new Set(sync.entries.filter((entry) => entry.status !== 'failed').map(removalTarget));
    return itemOrder.map((item) => {
      const mine = draft?.content.items[item.checkItem.id];
      const serverEvidence: SectionEvidence[] = (item.evidence ?? [])
        .filter((evidence) => !removing.has(evidence.id))
        .map((evidence) => ({
          key: evidence.id,
          fileName: evidence.fileName,
          contentType: evidence.contentType,
          size: evidence.size,
          status: 'uploaded',
          error: removalErrors[evidence.id] ?? null,
        }));
      const serverIds = new Set((item.evidence ?? []).map((evidence) => evidence.id));
      const localEvidence: SectionEvidence[] = (mine?.evidence ?? [])
        .filter((evidence) => !evidence.id || (!serverIds.has(evidence.id) && !removing.has(evidence.id)))
        .map((evidence) => ({
          key: evidence.id ?? `local:${evidence.localId}`,
          fileName: evidence.fileName,
          contentType: evidence.contentType,
          size: evidence.size,
          error: evidence.error ?? null,
          status: evidence.error ? 'failed' : evidence.id ? 'uploaded' : evidence.localId === sendingId ? 'uploading' : 'pending',
        }));
      return {
        id: item.checkItem.id,
        code: item.checkItem.code,
        title: item.checkItem.title,
        legalBasis: item.checkItem.legalBasis,
        order: item.checkItem.order,
        outcome: mine ? mine.outcome : (item.outcome ?? null),
        note: mine ? mine.note : (item.note ?? ''),
        evidence: [...serverEvidence, ...localEvidence],
      };
    });
  }, [itemOrder, draft, sync.entries, outbox, removalErrors]);

  const setItem = useCallback(
    (checkItemId: string, patch: Partial<{ outcome: ItemOutcomeCode | null; note: string }>) =>
      updateDraft((current) => {
        const item = current.content.items[checkItemId] ?? { outcome: null, note: '', evidence: [] };
        return { ...current, content: { ...current.content, items: { ...current.content.items, [checkItemId]: { ...item, ...patch } } } };
      }),
    [updateDraft],
  );

  const enqueueWrite = useCallback(
    async (kind: 'save' | 'amend' | 'submit') => {
      const current = draftRef.current;
      if (!current || !owner) return;
      const key = newIdempotencyKey();
      const base = { inspectionId, expectedVersion: current.baseVersion, idempotencyKey: key };
      const content = sectionInputOf(current.content, itemOrder.map((item) => item.checkItem.id));
      const document = kind === 'save' ? options.saveMutation : kind === 'amend' ? options.amendMutation : options.submitMutation;
      const input =
        kind === 'submit' ? base : kind === 'amend' ? { ...base, planId, ...content, reason: current.amendReason.trim() } : { ...base, planId, ...content };
      const payload: VersionedWrite = {
        document,
        variables: { input },
        versionPath: [`${field}${kind === 'save' ? 'SaveSection' : kind === 'amend' ? 'AmendSection' : 'SubmitSection'}`, 'version'],
      };
      // A new write supersedes refused ones: their drafts are contained in this one.
      for (const entry of outbox.getSnapshot().entries) {
        if (entry.scope === scope && entry.kind === VERSIONED_WRITE && entry.status === 'failed') await outbox.discard(entry.id);
      }
      setConflictFailure(null);
      await outbox.enqueue({
        kind: VERSIONED_WRITE,
        scope,
        owner,
        idempotencyKey: key,
        payload,
        label: kind === 'save' ? '保存' : kind === 'amend' ? '更正' : '提交',
        coalesceKey: kind === 'submit' ? undefined : `${scope}:draft`,
      });
    },
    [owner, inspectionId, planId, itemOrder, options.saveMutation, options.amendMutation, options.submitMutation, field, outbox, scope],
  );

  const save = useCallback(() => enqueueWrite(draftRef.current?.mode === 'amend' ? 'amend' : 'save'), [enqueueWrite]);
  const submit = useCallback(async () => {
    const current = draftRef.current;
    if (!current) return;
    if (isDraftDirty(current) || current.baseVersion === 0) await enqueueWrite('save');
    await enqueueWrite('submit');
  }, [enqueueWrite]);

  const addEvidence = useCallback(
    async (checkItemId: string, file: { blob: Blob; fileName: string; contentType: string }) => {
      if (!owner) return;
      const id = newIdempotencyKey();
      const upload: FileUpload = {
        path: `/files/${field}/evidence?inspectionId=${encodeURIComponent(inspectionId)}&checkItemId=${encodeURIComponent(checkItemId)}`,
        blob: file.blob,
        fileName: file.fileName,
        contentType: file.contentType,
      };
      const evidence: DraftEvidence = { id: null, localId: id, fileName: file.fileName, contentType: file.contentType, size: file.blob.size, url: null };
      addedBlobs.set(id, file.blob);
      updateDraft((current) => {
        const item = current.content.items[checkItemId] ?? { outcome: null, note: '', evidence: [] };
        return { ...current, content: { ...current.content, items: { ...current.content.items, [checkItemId]: { ...item, evidence: [...item.evidence, evidence] } } } };
      });
      try {
        await outbox.enqueue({ id, kind: FILE_UPLOAD, scope, owner, idempotencyKey: id, payload: upload, label: '上传证据' });
      } finally {
        addedBlobs.delete(id);
      }
    },
    [owner, field, inspectionId, updateDraft, outbox, scope],
  );

  const removeEvidence = useCallback(
    async (checkItemId: string, key: string) => {
      const localId = key.startsWith('local:') ? key.slice('local:'.length) : null;
      updateDraft((current) => {
        const item = current.content.items[checkItemId];
        if (!item) return current;
        const evidence = item.evidence.filter((entry) => (localId ? entry.localId !== localId : entry.id !== key));
        return { ...current, content: { ...current.content, items: { ...current.content.items, [checkItemId]: { ...item, evidence } } } };
      });
      if (localId) {
        await outbox.discard(localId);
        return;
      }
      if (!owner || !planId) return;
      setRemovalErrors(({ [key]: _dropped, ...rest }) => rest);
      const idempotencyKey = newIdempotencyKey();
      const payload: GraphQLWrite = {
        document: options.removeEvidenceMutation,
        variables: { input: { inspectionId, planId, evidenceId: key, idempotencyKey } },
      };
      await outbox.enqueue({ kind: GRAPHQL_WRITE, scope, owner, idempotencyKey, payload, label: REMOVE_EVIDENCE_LABEL });
    },
    [updateDraft, outbox, owner, planId, inspectionId, options.removeEvidenceMutation, scope],
  );

  const loadEvidence = useCallback(
    async ({ key }: { key: string }) => {
      if (key.startsWith('local:')) {
        const localId = key.slice('local:'.length);
        if (addedBlobs.has(localId)) return addedBlobs.get(localId) as Blob;
        await outbox.whenReady();
        const entry = outbox.getSnapshot().entries.find((item) => item.id === localId);
        const blob = (entry?.payload as FileUpload | undefined)?.blob;
        if (blob) return blob;
        throw new Error('evidence no longer on the device');
      }
      const listed = itemOrder.flatMap((item) => item.evidence ?? []).find((evidence) => evidence.id === key);
      const local = Object.values(draftRef.current?.content.items ?? {})
        .flatMap((item) => item.evidence)
        .find((evidence) => evidence.id === key);
      const path = listed?.url ?? local?.url ?? `/files/${field}/evidence/${key}`;
      const response = await fetchGatewayFile({ gatewayUrl: await gatewayUrl(), path });
      return response.blob();
    },
    [outbox, itemOrder, field, gatewayUrl],
  );

  const reloadAndReapply = useCallback(async () => {
    const result = await refetch();
    const latest = result.data ? options.selectSection(result.data as TQuery) : null;
    const current = draftRef.current;
    if (!latest || !current) return;
    for (const entry of outbox.getSnapshot().entries) {
      if (entry.scope === scope && entry.kind === VERSIONED_WRITE && entry.id !== outbox.getSnapshot().sendingId) await outbox.discard(entry.id);
    }
    setConflictFailure(null);
    commitDraft(rebaseDraft(current, latest));
  }, [refetch, options, outbox, scope, commitDraft]);

  const discardDraft = useCallback(async () => {
    const result = await refetch();
    const latest = (result.data ? options.selectSection(result.data as TQuery) : null) ?? section;
    for (const entry of outbox.getSnapshot().entries) {
      if (entry.scope === scope && entry.kind === VERSIONED_WRITE && entry.id !== outbox.getSnapshot().sendingId) await outbox.discard(entry.id);
    }
    setConflictFailure(null);
    if (latest) {
      const kept = draftRef.current?.content ?? null;
      const fresh = draftOfSection(latest);
      commitDraft(kept ? { ...fresh, content: { ...fresh.content, items: mergeEvidence(fresh.content, kept) } } : fresh);
    }
  }, [refetch, options, section, outbox, scope, commitDraft]);

  const dismissFailure = useCallback(async () => {
    for (const entry of sync.failed) if (entry.kind === VERSIONED_WRITE) await outbox.discard(entry.id);
    setConflictFailure(null);
  }, [sync.failed, outbox]);

  // A failed refetch is already reflected in `error`; the rejection itself carries nothing new.
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  const base = {
    department,
    section,
    canEdit,
    readOnlyReason,
    retrying: loading && !!data,
    retry,
    draft,
    items,
    dirty: !!draft && isDraftDirty(draft),
    locked,
    editing,
    sync,
    conflict,
    failure,
    setOutcome: (checkItemId: string, outcome: ItemOutcomeCode) => setItem(checkItemId, { outcome }),
    setNote: (checkItemId: string, note: string) => setItem(checkItemId, { note }),
    updateContent: (recipe: (content: SectionContent) => SectionContent) => updateDraft((current) => ({ ...current, content: recipe(current.content) })),
    setAmendReason: (reason: string) => updateDraft((current) => ({ ...current, amendReason: reason })),
    addEvidence,
    removeEvidence,
    loadEvidence,
    save,
    submit,
    startAmend: () => section && commitDraft({ ...draftOfSection(section, 'amend'), content: { ...contentOfSection(section), items: mergeEvidence(contentOfSection(section), draftRef.current?.content ?? null) } }),
    cancelAmend: () => section && commitDraft(draftOfSection(section)),
    reloadAndReapply,
    discardDraft,
    dismissFailure,
  };

  if (!data) {
    if (loading) return { ...base, phase: 'loading', errorText: null };
    return { ...base, phase: 'failed', errorText: describeGraphQLError(error) };
  }
  if (!data.inspection) {
    if (!error || errorKindOf(error) === 'NOT_FOUND') return { ...base, phase: 'notFound', errorText: '未找到该检查记录' };
    return { ...base, phase: 'failed', errorText: describeGraphQLError(error) };
  }
  if (!section) {
    if (!error) return { ...base, phase: 'empty', errorText: null };
    const kind = errorKindOf(error);
    const unavailable = kind === 'SUBGRAPH_UNAVAILABLE' || kind === 'UNKNOWN' || kind === 'NETWORK';
    return { ...base, phase: unavailable ? 'unavailable' : 'failed', errorText: describeGraphQLError(error) };
  }
  return { ...base, phase: 'ready', errorText: null };
}

/** The mutation field whose answer is the section (`cultureSaveSection`, …). */
function writeFieldOf(entry: OutboxEntry): string {
  return ((entry.payload as VersionedWrite).versionPath ?? [])[0] ?? '';
}

/** Outbox label of a queued `…RemoveEvidence`. */
const REMOVE_EVIDENCE_LABEL = '删除证据';

/** The evidence a queued removal is about, or null for any other entry. */
function removalTarget(entry: OutboxEntry): string | null {
  if (entry.kind !== GRAPHQL_WRITE || entry.label !== REMOVE_EVIDENCE_LABEL) return null;
  const input = (entry.payload as GraphQLWrite | undefined)?.variables['input'] as { evidenceId?: unknown } | undefined;
  return typeof input?.evidenceId === 'string' ? input.evidenceId : null;
}

/** Items of `into` with the device's evidence of `from` (waiting or refused uploads) kept. */
function mergeEvidence(into: SectionContent, from: SectionContent | null): SectionContent['items'] {
  const items: SectionContent['items'] = {};
  for (const [id, item] of Object.entries(into.items)) items[id] = { ...item, evidence: from?.items[id]?.evidence ?? [] };
  return items;
}
