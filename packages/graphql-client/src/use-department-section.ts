import { useCallback, useState } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { describeGraphQLError, errorKindOf } from './graphql-error';

/** `Department` enum values of the API. */
export type DepartmentCode = 'CULTURE' | 'MARKET' | 'FIRE';
/** `ItemOutcome` enum values of the API. */
export type ItemOutcomeCode = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';
/** `Role` enum values of the API. */
export type RoleCode = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR';

/** What every department's section item selects; the generated `CultureSectionItem` etc. fit it. */
export interface SectionItemData {
  checkItem: { id: string; code: string; title: string; legalBasis: string; order: number };
  outcome?: ItemOutcomeCode | null;
  note?: string | null;
}

/** What every department's section selects (`CultureSection`, `MarketSection`, `FireSection`). */
export interface SectionData {
  status: string;
  version: number;
  updatedAt?: string | null;
  items: readonly SectionItemData[];
}

/** The part of a department tab's query result this hook reads besides the section. */
export interface SectionQueryData {
  me?: { role: RoleCode; department?: DepartmentCode | null } | null;
  inspection?: { id: string } | null;
}

/** Input of the departments' `…RecordItemOutcome` mutations (`RecordItemOutcomeInput`). */
export interface RecordOutcomeInput {
  inspectionId: string;
  checkItemId: string;
  outcome: ItemOutcomeCode;
  note?: string | null;
}

/**
 * Where a department tab stands: `unavailable` is the partial-data case (the inspection came back,
 * the department's section is null with an error because its subgraph is down); `empty` means the
 * inspection has no section for this department.
 */
export type SectionPhase = 'loading' | 'ready' | 'empty' | 'unavailable' | 'notFound' | 'failed';

/** Options of {@link useDepartmentSection}. */
export interface UseDepartmentSectionOptions<TQuery extends SectionQueryData, TMutation> {
  /** The department whose tab this is; its own staff may record outcomes. */
  department: DepartmentCode;
  inspectionId: string;
  /** The remote's generated query: `me` plus `inspection(id: $id) { id …Section }`. */
  query: TypedDocumentNode<TQuery, { id: string }>;
  /** The remote's generated `…RecordItemOutcome(input: $input)` mutation returning the whole section. */
  mutation: TypedDocumentNode<TMutation, { input: RecordOutcomeInput }>;
  /** Picks this department's section out of the query result. */
  selectSection: (data: TQuery) => SectionData | null | undefined;
  /** Chinese labels of input fields for BAD_USER_INPUT messages, beyond the common ones. */
  fieldLabels?: Record<string, string>;
}

/** An outcome the user records for one check item. */
export interface OutcomeDraft {
  checkItemId: string;
  outcome: ItemOutcomeCode;
  note: string;
}

/** Everything a department tab needs to render; it matches the props of `@dr/ui`'s `DepartmentSectionPanel`. */
export interface DepartmentSectionState {
  phase: SectionPhase;
  section: SectionData | null;
  /** True for the department's own admins and inspectors (server rules decide in the end). */
  canEdit: boolean;
  /** Chinese text for the `failed`, `unavailable` and `notFound` phases. */
  errorText: string | null;
  /** The item whose outcome is being saved. */
  savingItemId: string | null;
  /** The last failed save, shown next to its item. */
  saveError: { itemId: string; text: string } | null;
  /** True while a retry is under way. */
  retrying: boolean;
  /** Saves one item's outcome; resolves false when the server refused it (see `saveError`). */
  record: (draft: OutcomeDraft) => Promise<boolean>;
  /** Loads the section again (after a subgraph or the network came back). */
  retry: () => void;
}

const EDITING_ROLES: readonly RoleCode[] = ['DEPARTMENT_ADMIN', 'INSPECTOR'];

/**
 * Loads one department's section of an inspection and records item outcomes, with the gateway's
 * partial results kept (`errorPolicy: 'all'`) so a department whose subgraph is down shows its own
 * fallback while the inspection and the other departments still render.
 * @param options - the remote's documents and how to find its section in the result
 */
export function useDepartmentSection<TQuery extends SectionQueryData, TMutation>(
  options: UseDepartmentSectionOptions<TQuery, TMutation>,
): DepartmentSectionState {
  const { department, inspectionId, fieldLabels } = options;
  const { data, error, loading, refetch } = useQuery(options.query, {
    variables: { id: inspectionId },
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: true,
  });
  const [mutate] = useMutation(options.mutation);
  const [savingItemId, setSavingItemId] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<DepartmentSectionState['saveError']>(null);

  const record = useCallback(
    async (draft: OutcomeDraft) => {
      setSavingItemId(draft.checkItemId);
      setSaveError(null);
      try {
        const note = draft.note.trim();
        await mutate({
          variables: {
            input: { inspectionId, checkItemId: draft.checkItemId, outcome: draft.outcome, note: note === '' ? null : note },
          },
        });
        return true;
      } catch (caught) {
        setSaveError({ itemId: draft.checkItemId, text: describeGraphQLError(caught, { fieldLabels }) });
        return false;
      } finally {
        setSavingItemId(null);
      }
    },
    [mutate, inspectionId, fieldLabels],
  );

  // A failed refetch is already reflected in `error`; the rejection itself carries nothing new.
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  const viewer = data?.me;
  const canEdit = !!viewer && viewer.department === department && EDITING_ROLES.includes(viewer.role);
  const section = data ? (options.selectSection(data) ?? null) : null;
  const base = { section, canEdit, savingItemId, saveError, retrying: loading && !!data, record, retry };

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
