/** `ItemOutcome` enum values of the API. */
export type ItemOutcomeCode = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';
/** `OrderKind` (R-VISIT-1): 责令停止违法行为 / 责令限期改正. */
export type OrderKindCode = 'STOP_ILLEGAL' | 'RECTIFY';
/** `OrderDelivery` (R-VISIT-2): 书面 / 口头 / 移动执法设备打印. */
export type OrderDeliveryCode = 'WRITTEN' | 'ORAL' | 'MOBILE_PRINTED';

/** A piece of evidence as the server describes it. */
export interface EvidenceData {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Path (or URL) to fetch it with the bearer token. */
  url: string;
}

/** One item of a department's section as the API returns it. */
export interface SectionItemData {
  checkItem: { id: string; code: string; title: string; legalBasis: string; order: number };
  outcome?: ItemOutcomeCode | null;
  note?: string | null;
  evidence?: readonly EvidenceData[] | null;
}

/** An order given on site as the API returns it. */
export interface OrderData {
  id?: string | null;
  kind: OrderKindCode;
  delivery: OrderDeliveryCode;
  content: string;
  deadline?: string | null;
  checkItemId?: string | null;
}

/** One field changed by a later version (a CONFLICT's `changes` or an amendment's). */
export interface FieldChangeData {
  field: string;
  label: string;
  before?: string | null;
  after?: string | null;
}

/** An amendment after submission, with what it changed. */
export interface AmendmentData {
  version: number;
  reason: string;
  amendedBy?: string | null;
  amendedAt?: string | null;
  changes: readonly FieldChangeData[];
}

/** What every department's section selects (`CultureSection`, `MarketSection`, `FireSection`). */
export interface SectionData {
  status: string;
  version: number;
  updatedAt?: string | null;
  submittedAt?: string | null;
  items: readonly SectionItemData[];
  resultCodes?: readonly number[] | null;
  onSiteRecord?: { facts?: string | null; personsPresent?: string | null } | null;
  orders?: readonly OrderData[] | null;
  amendments?: readonly AmendmentData[] | null;
}

/**
 * Evidence the user added on this device that the server's section does not show yet: waiting in
 * the outbox (`localId`, the upload entry's id, which also keys the photo kept on the device for its
 * thumbnail) or just uploaded (`id`). The server links evidence to its item at upload, so evidence
 * is not part of a save; once the server's section lists it, the draft forgets it.
 */
export interface DraftEvidence {
  id: string | null;
  localId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  url: string | null;
  /** The server's Chinese reason when it refused the upload. */
  error?: string | null;
}

/** One item as the user is recording it. */
export interface DraftItem {
  outcome: ItemOutcomeCode | null;
  note: string;
  /** Added on this device and not yet in the server's section (see {@link DraftEvidence}). */
  evidence: DraftEvidence[];
}

/** An order as the user is writing it; `key` only tells rows apart on the device. */
export interface DraftOrder {
  key: string;
  kind: OrderKindCode;
  delivery: OrderDeliveryCode;
  content: string;
  /** `YYYY-MM-DD`, for 责令限期改正. */
  deadline: string | null;
  checkItemId: string | null;
}

/** Everything a department records in its section; what `…SaveSection` sends. */
export interface SectionContent {
  /** By check item id. */
  items: Record<string, DraftItem>;
  resultCodes: number[];
  onSiteRecord: { facts: string; personsPresent: string };
  orders: DraftOrder[];
}

/**
 * The user's draft of a section, kept on the device: the content they edit, and the server's
 * content and version it started from (what "changed" means, and the base of the merge after a
 * CONFLICT).
 */
export interface SectionDraft {
  baseVersion: number;
  base: SectionContent;
  content: SectionContent;
  /** `edit` before submission; `amend` after it (更正, with a reason). */
  mode: 'edit' | 'amend';
  amendReason: string;
}

let orderCounter = 0;
/** A device-local key for a new order row. */
export function newOrderKey(): string {
  orderCounter += 1;
  return `o${Date.now().toString(36)}${orderCounter}`;
}

/**
 * The recordable content of a section as the server has it.
 * @param section - as the API returned it
 */
export function contentOfSection(section: SectionData): SectionContent {
  const items: Record<string, DraftItem> = {};
  for (const item of section.items) {
    items[item.checkItem.id] = { outcome: item.outcome ?? null, note: item.note ?? '', evidence: [] };
  }
  return {
    items,
    resultCodes: [...(section.resultCodes ?? [])].sort((a, b) => a - b),
    onSiteRecord: { facts: section.onSiteRecord?.facts ?? '', personsPresent: section.onSiteRecord?.personsPresent ?? '' },
    orders: (section.orders ?? []).map((order, index) => ({
      key: order.id ?? `server-${index}`,
      kind: order.kind,
      delivery: order.delivery,
      content: order.content,
      deadline: order.deadline ? order.deadline.slice(0, 10) : null,
      checkItemId: order.checkItemId ?? null,
    })),
  };
}

/**
 * A fresh draft of the server's section.
 * @param section - as the API returned it
 * @param mode - `amend` for a submitted section
 */
export function draftOfSection(section: SectionData, mode: SectionDraft['mode'] = 'edit'): SectionDraft {
  const base = contentOfSection(section);
  return { baseVersion: section.version, base, content: structuredCloneContent(base), mode, amendReason: '' };
}

function structuredCloneContent(content: SectionContent): SectionContent {
  return JSON.parse(JSON.stringify(content)) as SectionContent;
}

const orderSignature = (order: DraftOrder) => JSON.stringify([order.kind, order.delivery, order.content.trim(), order.deadline, order.checkItemId]);
// Evidence is left out: it is saved by its upload, not by a save.
const itemSignature = (item: DraftItem | undefined) => JSON.stringify(item ? [item.outcome, item.note.trim()] : null);
const codesSignature = (codes: readonly number[]) => JSON.stringify([...codes].sort((a, b) => a - b));

/**
 * Do two contents record the same thing (ignoring whitespace around notes and the order of codes)?
 * @param a - one content
 * @param b - the other
 */
export function sameContent(a: SectionContent, b: SectionContent): boolean {
  const ids = new Set([...Object.keys(a.items), ...Object.keys(b.items)]);
  for (const id of ids) if (itemSignature(a.items[id]) !== itemSignature(b.items[id])) return false;
  return (
    codesSignature(a.resultCodes) === codesSignature(b.resultCodes) &&
    a.onSiteRecord.facts.trim() === b.onSiteRecord.facts.trim() &&
    a.onSiteRecord.personsPresent.trim() === b.onSiteRecord.personsPresent.trim() &&
    JSON.stringify(a.orders.map(orderSignature)) === JSON.stringify(b.orders.map(orderSignature))
  );
}

/**
 * Has the user changed anything since the draft's base?
 * @param draft - the draft
 */
export function isDraftDirty(draft: SectionDraft): boolean {
  return !sameContent(draft.base, draft.content) || (draft.mode === 'amend' && draft.amendReason.trim() !== '');
}

/** Ids of the evidence the server's section lists. */
function serverEvidenceIds(server: SectionData): Set<string> {
  return new Set(server.items.flatMap((item) => (item.evidence ?? []).map((evidence) => evidence.id)));
}

/**
 * Forgets evidence of the draft that the server's section now lists (uploaded and seen).
 * @param draft - the user's draft
 * @param server - the section as the server has it now
 * @returns the same draft when nothing was forgotten
 */
export function pruneSeenEvidence(draft: SectionDraft, server: SectionData): SectionDraft {
  const seen = serverEvidenceIds(server);
  let changed = false;
  const items: Record<string, DraftItem> = {};
  for (const [id, item] of Object.entries(draft.content.items)) {
    const evidence = item.evidence.filter((entry) => !entry.id || !seen.has(entry.id));
    changed ||= evidence.length !== item.evidence.length;
    items[id] = evidence.length === item.evidence.length ? item : { ...item, evidence };
  }
  return changed ? { ...draft, content: { ...draft.content, items } } : draft;
}

/**
 * Puts the user's changes on top of a newer server version (after a CONFLICT, or when the server
 * moved while the device was offline): a three-way merge of base → draft onto the server's content.
 * What the user changed wins; what they did not touch takes the server's value. Evidence added on
 * the device stays until the server lists it.
 * @param draft - the user's draft, based on an older version
 * @param server - the section as the server has it now
 * @returns a draft based on the server's version, with the user's changes still unsaved
 */
export function rebaseDraft(draft: SectionDraft, server: SectionData): SectionDraft {
  const theirs = contentOfSection(server);
  const { base, content: mine } = draft;
  const items: Record<string, DraftItem> = {};
  for (const [id, their] of Object.entries(theirs.items)) {
    const baseItem = base.items[id] ?? { outcome: null, note: '', evidence: [] };
    const myItem = mine.items[id] ?? baseItem;
    items[id] = {
      outcome: myItem.outcome !== baseItem.outcome ? myItem.outcome : their.outcome,
      note: myItem.note.trim() !== baseItem.note.trim() ? myItem.note : their.note,
      evidence: myItem.evidence,
    };
  }
  const facts = mine.onSiteRecord.facts.trim() !== base.onSiteRecord.facts.trim() ? mine.onSiteRecord.facts : theirs.onSiteRecord.facts;
  const personsPresent =
    mine.onSiteRecord.personsPresent.trim() !== base.onSiteRecord.personsPresent.trim()
      ? mine.onSiteRecord.personsPresent
      : theirs.onSiteRecord.personsPresent;
  const ordersChanged = JSON.stringify(mine.orders.map(orderSignature)) !== JSON.stringify(base.orders.map(orderSignature));
  const rebased: SectionDraft = {
    ...draft,
    baseVersion: server.version,
    base: theirs,
    content: {
      items,
      resultCodes: codesSignature(mine.resultCodes) !== codesSignature(base.resultCodes) ? [...mine.resultCodes] : [...theirs.resultCodes],
      onSiteRecord: { facts, personsPresent },
      orders: ordersChanged ? mine.orders : theirs.orders,
    },
  };
  return pruneSeenEvidence(rebased, server);
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The section part of `SaveSectionInput` / `AmendSectionInput` (everything but ids, version and key),
 * items in check-item order.
 * @param content - what the user recorded
 * @param itemOrder - check item ids in their order
 */
export function sectionInputOf(content: SectionContent, itemOrder: readonly string[]) {
  return {
    items: itemOrder
      .filter((id) => content.items[id])
      .map((id) => {
        const item = content.items[id];
        return { checkItemId: id, outcome: item.outcome, note: orNull(item.note) };
      }),
    resultCodes: [...content.resultCodes].sort((a, b) => a - b),
    onSiteRecord:
      content.onSiteRecord.facts.trim() || content.onSiteRecord.personsPresent.trim()
        ? { facts: content.onSiteRecord.facts.trim(), personsPresent: content.onSiteRecord.personsPresent.trim() }
        : null,
    orders: content.orders.map((order) => ({
      kind: order.kind,
      delivery: order.delivery,
      content: order.content.trim(),
      deadline: order.kind === 'RECTIFY' ? order.deadline : null,
      checkItemId: order.checkItemId,
    })),
  };
}
