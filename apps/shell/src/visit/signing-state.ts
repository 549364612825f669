import { DEPARTMENT_NAMES, missingSigners, refusalNoteSigned, type Department } from '@dr/domain';
import type { GraphQLWrite, OutboxEntry } from '@dr/graphql-client';
import type { DepartmentCode } from '@dr/ui';
import type { InspectionSigningQuery, SectionStatus } from '../generated/graphql';

/** The inspection as the signing page loads it. */
export type SigningInspection = NonNullable<InspectionSigningQuery['inspection']>;

/** The visit's writes that go through the outbox (they carry idempotency keys). */
export type VisitOperation = 'SignRecordForm' | 'RecordVenueSignature' | 'RecordVenueRefusal' | 'SignRefusalNote';

/** A visit write made on this device that the server has not accepted yet. */
export interface PendingVisitWrite {
  /** The outbox entry. */
  entryId: string;
  operation: VisitOperation;
  /** Who signed (officer signatures). */
  inspectorId: string | null;
  /** The signature image, shown until the server's copy can be fetched. */
  image: string | null;
  signerName: string | null;
  note: string | null;
  /** Refused by the server: waits for the user (重试 / 放弃). */
  failed: boolean;
  failureMessage: string | null;
  createdAt: number;
}

const OPERATIONS: readonly VisitOperation[] = ['SignRecordForm', 'RecordVenueSignature', 'RecordVenueRefusal', 'SignRefusalNote'];

function operationOf(write: GraphQLWrite): VisitOperation | null {
  for (const definition of write.document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name && (OPERATIONS as readonly string[]).includes(definition.name.value)) {
      return definition.name.value as VisitOperation;
    }
  }
  return null;
}

/**
 * Reads the visit's writes back out of outbox entries (the payload is the mutation and its
 * variables), so the page can show what waits to be sent.
 * @param entries - the scope's entries, in send order
 */
export function pendingVisitWritesOf(entries: readonly OutboxEntry[]): PendingVisitWrite[] {
  const writes: PendingVisitWrite[] = [];
  for (const entry of entries) {
    const payload = entry.payload as GraphQLWrite;
    const operation = payload?.document ? operationOf(payload) : null;
    if (!operation) continue;
    const input = (payload.variables['input'] ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : null);
    writes.push({
      entryId: entry.id,
      operation,
      inspectorId: text('inspectorId'),
      image: text('image') ?? text('signature'),
      signerName: text('signerName'),
      note: text('note'),
      failed: entry.status === 'failed',
      failureMessage: entry.failure?.message ?? null,
      createdAt: entry.createdAt,
    });
  }
  return writes;
}

/** One officer of the team, leader first. */
export interface TeamOfficer {
  id: string;
  name: string;
  department: DepartmentCode;
  certificateNumber: string;
  leader: boolean;
}

/** An officer's signature, accepted by the server or waiting on this device. */
export interface OfficerSignatureView {
  officer: TeamOfficer;
  /** When the server recorded it; null while it waits. */
  signedAt: string | null;
  /** The server's image path (bearer token), or null while it waits. */
  imageUrl: string | null;
  /** The image made on this device, while it waits. */
  localImage: string | null;
  pending: boolean;
}

/** Where the signing stands, as the page shows it. */
export type SigningStage = 'sections' | 'officers' | 'venue' | 'refusal' | 'completed';

/** A participating department's section as far as signing cares. */
export interface SectionState {
  department: DepartmentCode;
  /** Null when the department's service did not answer. */
  status: SectionStatus | null;
}

/** Everything the signing page shows, from the server's state and the writes still on the device. */
export interface SigningView {
  stage: SigningStage;
  team: TeamOfficer[];
  sections: SectionState[];
  /** Participating departments that have not submitted (or whose status is unknown). */
  sectionsMissing: DepartmentCode[];
  officerSignatures: OfficerSignatureView[];
  /** Signatures still needed on the record form: `组长` or a department's short name. */
  missingSigners: string[];
  venueSignature: { signerName: string; signedAt: string | null; signatureUrl: string | null; stampUrl: string | null; pending: boolean } | null;
  refusal: { note: string; recordedAt: string | null; pending: boolean } | null;
  refusalSignatures: OfficerSignatureView[];
  /** The refusal note has the leader's and at least one other officer's signature. */
  refusalNoteComplete: boolean;
  /** The form is complete on this device but something is still waiting to be sent. */
  waitingToSend: boolean;
}

const toDomain = (code: DepartmentCode) => code.toLowerCase() as Department;

/** The team, leader first, as signers. */
export function teamOf(inspection: Pick<SigningInspection, 'team'>): TeamOfficer[] {
  const { leader, members } = inspection.team;
  return [
    { id: leader.id, name: leader.name, department: leader.department, certificateNumber: leader.certificateNumber, leader: true },
    ...members.map((member) => ({ id: member.id, name: member.name, department: member.department, certificateNumber: member.certificateNumber, leader: false })),
  ];
}

function sectionStatusOf(inspection: SigningInspection, department: DepartmentCode): SectionStatus | null {
  const section = department === 'CULTURE' ? inspection.cultureSection : department === 'MARKET' ? inspection.marketSection : inspection.fireSection;
  return section?.status ?? null;
}

function signerLabel(missing: 'leader' | Department): string {
  return missing === 'leader' ? '组长' : DEPARTMENT_NAMES[missing].short;
}

/**
 * Merges the server's record form with the signatures made on this device and not yet sent, so a
 * team working without network sees the form progress (each waiting signature marked 未发送), and
 * decides which step comes next (R-VISIT-3, R-RES-1).
 * @param inspection - the server's state
 * @param pending - the visit's writes waiting in the outbox, in send order
 */
export function signingViewOf(inspection: SigningInspection, pending: readonly PendingVisitWrite[]): SigningView {
  const team = teamOf(inspection);
  const byId = new Map(team.map((officer) => [officer.id, officer]));
  const departments = inspection.plan.participatingDepartments;
  const sections = departments.map((department) => ({ department, status: sectionStatusOf(inspection, department) }));
  const sectionsMissing = sections.filter((section) => section.status !== 'SUBMITTED').map((section) => section.department);
  const form = inspection.recordForm;

  const merge = (server: typeof form.officerSignatures, operation: VisitOperation): OfficerSignatureView[] => {
    const views: OfficerSignatureView[] = server.map((signature) => ({
      officer: byId.get(signature.inspector.id) ?? {
        id: signature.inspector.id,
        name: signature.inspector.name,
        department: signature.inspector.department,
        certificateNumber: signature.inspector.certificateNumber,
        leader: false,
      },
      signedAt: signature.signedAt,
      imageUrl: signature.imageUrl,
      localImage: null,
      pending: false,
    }));
    for (const write of pending) {
      if (write.operation !== operation || !write.inspectorId || views.some((view) => view.officer.id === write.inspectorId)) continue;
      const officer = byId.get(write.inspectorId);
      if (officer) views.push({ officer, signedAt: null, imageUrl: null, localImage: write.image, pending: true });
    }
    return views;
  };

  const officerSignatures = merge(form.officerSignatures, 'SignRecordForm');
  const asSigners = (views: OfficerSignatureView[]) =>
    views.map((view) => ({ inspectorId: view.officer.id, department: toDomain(view.officer.department), leader: view.officer.leader }));
  const missing = missingSigners(departments.map(toDomain), asSigners(officerSignatures)).map(signerLabel);

  const pendingVenue = pending.find((write) => write.operation === 'RecordVenueSignature');
  const venueSignature = form.venueSignature
    ? { ...form.venueSignature, pending: false }
    : pendingVenue
      ? { signerName: pendingVenue.signerName ?? '', signedAt: null, signatureUrl: null, stampUrl: null, pending: true }
      : null;

  const pendingRefusal = pending.find((write) => write.operation === 'RecordVenueRefusal');
  const refusal = form.refusal
    ? { note: form.refusal.note, recordedAt: form.refusal.recordedAt, pending: false }
    : pendingRefusal
      ? { note: pendingRefusal.note ?? '', recordedAt: null, pending: true }
      : null;
  const refusalSignatures = merge(form.refusal?.signatures ?? [], 'SignRefusalNote');
  const refusalNoteComplete = refusalNoteSigned(asSigners(refusalSignatures));

  let stage: SigningStage;
  if (form.status === 'COMPLETED' || venueSignature) stage = 'completed';
  else if (refusal) stage = refusalNoteComplete ? 'completed' : 'refusal';
  else if (sectionsMissing.length && officerSignatures.length === 0) stage = 'sections';
  else if (missing.length === 0) stage = 'venue';
  else stage = 'officers';

  return {
    stage,
    team,
    sections,
    sectionsMissing,
    officerSignatures,
    missingSigners: missing,
    venueSignature,
    refusal,
    refusalSignatures,
    refusalNoteComplete,
    waitingToSend: stage === 'completed' && form.status !== 'COMPLETED',
  };
}

/** Who may still sign the record form (team members without a signature), leader first. */
export function unsignedOfficers(view: SigningView, signatures: readonly OfficerSignatureView[]): TeamOfficer[] {
  const signed = new Set(signatures.map((signature) => signature.officer.id));
  return view.team.filter((officer) => !signed.has(officer.id));
}
