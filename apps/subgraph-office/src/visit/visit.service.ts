import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  DEPARTMENT_NAMES,
  isClockTime,
  isWithinWindow,
  mayManageOffice,
  missingSigners,
  refusalNoteSigned,
  slotsOverlap,
  type Department,
  type Principal,
} from '@dr/domain';
import { badInput, claimIdempotencyKey, conflict, forbidden, forUpdate, notFound, retryingTransaction, sniffContentType, type FileStore, type Logger } from '@dr/subgraph-kit';
import type { SignerConfirmation } from '../auth/signer-confirmation';
import { Inspection, InspectionStatus } from '../inspection/inspection.entity';
import { TeamMember } from '../inspection/team-member.entity';
import { Inspector } from '../inspector/inspector.entity';
import { Plan } from '../plan/plan.entity';
import { RecordAmendment, RecordSignature, RecordSnapshot, VenueResponse, type SignaturePurposeValue } from './visit.entities';
import { freezeContent, signedAfter } from './record-form.content';
import type { DepartmentSections } from './department-sections.client';
import { publishInspectionSigned } from './inspection-signed.event';
import { isVisitHidden } from './visit-visibility';
import type { AcknowledgeAmendmentInput, OfficerSignatureInput, RecordNoticeInput, ScheduleVisitInput, VenueRefusalInput, VenueSignatureInput, WithdrawVenueRefusalInput } from './visit.inputs';

export type RecordFormStatusValue = 'OPEN' | 'OFFICERS_SIGNING' | 'AWAITING_VENUE' | 'REFUSAL_SIGNING' | 'COMPLETED';

/** Where a record form stands, from its signatures and the venue's response (R-VISIT-3). */
export function recordFormStatus(
  departments: readonly Department[],
  team: TeamMember[],
  inspectors: Map<string, Pick<Inspector, 'department'>>,
  signatures: RecordSignature[],
  response: VenueResponse | null,
): { status: RecordFormStatusValue; missing: ('leader' | Department)[] } {
  const signersOf = (purpose: SignaturePurposeValue) =>
    signatures
      .filter((s) => s.purpose === purpose)
      .map((s) => ({ inspectorId: s.inspectorId, department: inspectors.get(s.inspectorId)?.department ?? 'culture', leader: team.some((m) => m.inspectorId === s.inspectorId && m.role === 'LEADER') }));
  const officers = signersOf('RECORD_FORM');
  const missing = missingSigners(departments, officers);
  if (response?.kind === 'SIGNED') return { status: 'COMPLETED', missing };
  if (response?.kind === 'REFUSED') return { status: refusalNoteSigned(signersOf('REFUSAL_NOTE')) ? 'COMPLETED' : 'REFUSAL_SIGNING', missing };
  if (missing.length === 0) return { status: 'AWAITING_VENUE', missing };
  return { status: officers.length ? 'OFFICERS_SIGNING' : 'OPEN', missing };
}

/** Who asks to sign, as the signer confirmation needs it: the caller's token, address and request logger. */
export interface SigningRequest {
  authorization: string | null;
  address: string;
  logger: Logger;
}

const MAX_SIGNATURE_BYTES = 512 * 1024;
const MAX_STAMP_BYTES = 2 * 1024 * 1024;

/** Bytes of a `data:<type>;base64,…` URL, refused unless the content is one of `accepted`. */
function imageFromDataUrl(field: string, value: string, accepted: string[], maxBytes: number, what: string): Buffer {
  const match = /^data:([\w/+.-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(value);
  if (!match) throw badInput(field, `${what}格式无效（应为图片）`);
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length === 0) throw badInput(field, `${what}为空`);
  if (bytes.length > maxBytes) throw badInput(field, `${what}超过 ${Math.round(maxBytes / 1024)} KB 的上限`);
  const type = sniffContentType(bytes);
  if (!type || !accepted.includes(type)) throw badInput(field, `${what}须为 ${accepted.map((t) => t.split('/')[1].toUpperCase()).join(' 或 ')} 图片`);
  return bytes;
}

/**
 * The joint parts of a visit (issue #4): its slot (R-PLAN-2, no double booking), the notice (R-NOTE-1),
 * and the record form's signatures and the venue's response (R-VISIT-3). Each write is one
 * transaction; signatures carry idempotency keys because they are made in the field.
 */
export class VisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly sections: DepartmentSections,
    private readonly signers: SignerConfirmation,
  ) {}

  async schedule(input: ScheduleVisitInput, principal: Principal): Promise<Inspection> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const { inspection, team, plan } = await this.forTeamOrOffice(manager, input.inspectionId, principal);
      await this.refuseOnceSigned(manager, inspection);
      if (!isWithinWindow(input.date, plan)) throw badInput('date', `检查日期须在实施方案的检查时间内（${plan.windowStart} 至 ${plan.windowEnd}）`);
      if (!isClockTime(input.startTime)) throw badInput('startTime', '开始时间应为 HH:MM');
      if (!isClockTime(input.endTime)) throw badInput('endTime', '结束时间应为 HH:MM');
      if (input.endTime <= input.startTime) throw badInput('endTime', '结束时间须晚于开始时间');
      const memberIds = team.map((m) => m.inspectorId);
      // Lock the officers (MySQL) so two bookings of one officer cannot pass the check together.
      const officers = new Map((await forUpdate(manager.createQueryBuilder(Inspector, 'i').where('i.id IN (:...ids)', { ids: memberIds }).orderBy('i.id', 'ASC')).getMany()).map((i) => [i.id, i]));
      const slot = { date: input.date, startTime: input.startTime, endTime: input.endTime };
      const others = await manager
        .createQueryBuilder(Inspection, 'other')
        .innerJoin(TeamMember, 'member', 'member.inspection_id = other.id')
        .where('member.inspector_id IN (:...ids)', { ids: memberIds })
        .andWhere('other.id <> :id AND other.scheduled_date = :date AND other.status <> :cancelled', { id: inspection.id, date: input.date, cancelled: InspectionStatus.CANCELLED })
        .andWhere('other.visit_start_time IS NOT NULL')
        .select(['other.id AS id', 'other.visit_start_time AS start', 'other.visit_end_time AS end', 'other.notice_mode AS notice_mode', 'member.inspector_id AS inspector'])
        .getRawMany<{ id: string; start: string; end: string; notice_mode: string | null; inspector: string }>();
      const clashes = others.filter((other) => slotsOverlap(slot, { date: input.date, startTime: other.start, endTime: other.end }));
      if (clashes.length) {
        const callerTeams = principal.inspectorId
          ? new Set((await manager.find(TeamMember, { select: { inspectionId: true }, where: { inspectorId: principal.inspectorId, inspectionId: In(clashes.map((c) => c.id)) } })).map((m) => m.inspectionId))
          : new Set<string>();
        // Name a clash the caller may see; an undisclosed visit's date, time and id stay with its team (R-NOTE-1).
        const visible = clashes.find((c) => !isVisitHidden(c.notice_mode, principal, callerTeams.has(c.id)));
        const clash = visible ?? clashes[0];
        const officer = officers.get(clash.inspector);
        const who = `执法人员${officer?.name ?? ''}（${officer?.certificateNumber ?? ''}）`;
        if (!visible) throw conflict(`${who}在该时段已有其他检查安排，不能同时参加两次检查，请另选时间`, { field: 'startTime', inspectorId: clash.inspector });
        throw conflict(`${who}在 ${input.date} ${clash.start}–${clash.end} 已安排其他检查，不能同时参加两次检查`, { field: 'startTime', inspectorId: clash.inspector, inspectionId: clash.id });
      }
      await manager.update(Inspection, { id: inspection.id }, { scheduledDate: input.date, visitStartTime: input.startTime, visitEndTime: input.endTime });
      return manager.findOneByOrFail(Inspection, { id: inspection.id });
    });
  }

  async recordNotice(input: RecordNoticeInput, principal: Principal): Promise<Inspection> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const { inspection } = await this.forTeamOrOffice(manager, input.inspectionId, principal);
      await this.refuseOnceSigned(manager, inspection);
      const undisclosed = input.mode === 'UNDISCLOSED';
      const prepare = input.prepare?.trim() || null;
      if (!undisclosed && (!inspection.scheduledDate || !inspection.visitStartTime)) throw badInput('mode', '请先安排检查时间，再告知被检查对象（告知内容须包括检查时间）');
      if (!undisclosed && !prepare) throw badInput('prepare', '请填写需被检查对象准备的资料');
      if (undisclosed && prepare) throw badInput('prepare', '不予告知的检查不得向被检查对象透露检查内容，请清空“需准备的资料”');
      await manager.update(Inspection, { id: inspection.id }, { noticeMode: input.mode, noticeAt: undisclosed ? null : input.noticeAt ?? new Date(), noticePrepare: prepare });
      return manager.findOneByOrFail(Inspection, { id: inspection.id });
    });
  }

  /**
   * An officer of the team signs the record form, confirmed with the officer's own login (本人确认);
   * every department must have submitted its record. The first signature freezes what is signed
   * (ADR 0015); every signature commits to that content's hash.
   */
  async signRecordForm(input: OfficerSignatureInput, principal: Principal, request: SigningRequest): Promise<Inspection> {
    const image = imageFromDataUrl('image', input.image, ['image/png'], MAX_SIGNATURE_BYTES, '签名');
    const precheck = await this.forTeam(this.dataSource.manager, input.inspectionId, principal);
    if (!precheck.team.some((m) => m.inspectorId === input.inspectorId)) throw badInput('inspectorId', '签字人不是本检查组成员');
    const signer = await this.signers.confirm({ inspectorId: input.inspectorId, username: input.signerUsername, password: input.signerPassword, address: request.address }, request.logger);
    const sections = await this.sections.fetch(input.inspectionId, precheck.plan.participatingDepartments, request.authorization);
    const pending = [...sections].filter(([, section]) => section?.status !== 'SUBMITTED').map(([department]) => DEPARTMENT_NAMES[department].short);
    if (pending.length) throw conflict(`以下部门尚未提交检查记录，不能签字：${pending.join('、')}`, { field: 'inspectionId', departments: pending });
    return this.signatureWrite(input, principal, 'RECORD_FORM', image, signer.id, freezeContent(precheck.plan.participatingDepartments, sections));
  }

  /** An officer signs the written note of the venue's refusal (R-VISIT-3), confirmed with the officer's own login. */
  async signRefusalNote(input: OfficerSignatureInput, principal: Principal, request: SigningRequest): Promise<Inspection> {
    const image = imageFromDataUrl('image', input.image, ['image/png'], MAX_SIGNATURE_BYTES, '签名');
    const precheck = await this.forTeam(this.dataSource.manager, input.inspectionId, principal);
    if (!precheck.team.some((m) => m.inspectorId === input.inspectorId)) throw badInput('inspectorId', '签字人不是本检查组成员');
    const signer = await this.signers.confirm({ inspectorId: input.inspectorId, username: input.signerUsername, password: input.signerPassword, address: request.address }, request.logger);
    return this.signatureWrite(input, principal, 'REFUSAL_NOTE', image, signer.id, null);
  }

  /**
   * The team leader withdraws a refusal recorded by mistake, with a reason, until the record is locked:
   * once an officer signed the refusal note it stands (R-VISIT-3). The refusal stays as a row, marked
   * withdrawn; the record form waits for the venue again.
   */
  async withdrawVenueRefusal(input: WithdrawVenueRefusalInput, principal: Principal): Promise<Inspection> {
    const reason = input.reason.trim();
    if (reason.length < 2) throw badInput('reason', '请写明撤回理由');
    return retryingTransaction(this.dataSource, async (manager) => {
      const { inspection, team, plan } = await this.forTeam(manager, input.inspectionId, principal, true);
      if (!team.some((m) => m.role === 'LEADER' && m.inspectorId === principal.inspectorId)) throw forbidden('只有检查组组长可以撤回拒签记录');
      if ((await claimIdempotencyKey(manager, { userId: principal.userId, key: input.idempotencyKey, operation: 'venue.REFUSAL_WITHDRAWN', targetId: inspection.id })) === 'replay') return inspection;
      const state = await this.formState(manager, inspection, team, plan);
      if (state.response?.kind !== 'REFUSED') throw conflict('没有可撤回的拒签记录', { field: 'inspectionId' });
      if (state.signatures.some((s) => s.purpose === 'REFUSAL_NOTE')) throw conflict('已有执法人员在拒签说明上签字，拒签记录已锁定，不能撤回', { field: 'inspectionId' });
      await manager.update(VenueResponse, { id: state.response.id }, { withdrawnAt: new Date(), withdrawnBy: principal.userId, withdrawalReason: reason });
      return this.afterSigning(manager, inspection, team, plan, new Date());
    });
  }

  /**
   * The venue acknowledges an amendment made after signing (signer's name and signature), recorded by
   * a member of the team or the joint office. Once acknowledged it stays so.
   */
  async acknowledgeAmendment(input: AcknowledgeAmendmentInput, principal: Principal): Promise<RecordAmendment> {
    const signature = imageFromDataUrl('signature', input.signature, ['image/png'], MAX_SIGNATURE_BYTES, '签名');
    const signerName = input.signerName.trim();
    if (!signerName) throw badInput('signerName', '请填写确认人姓名');
    const refusal = '只有联席办或本检查组的执法人员可以记录被检查对象的确认';
    // Nobody who could never record it learns whether the amendment exists.
    if (!principal.inspectorId && !mayManageOffice(principal)) throw forbidden(refusal);
    return retryingTransaction(this.dataSource, async (manager) => {
      const amendment = await forUpdate(manager.createQueryBuilder(RecordAmendment, 'a').where('a.id = :id', { id: input.amendmentId })).getOne();
      if (!amendment) throw notFound('更正记录', input.amendmentId);
      const { team } = await this.load(manager, amendment.inspectionId);
      const onTeam = principal.inspectorId !== null && team.some((m) => m.inspectorId === principal.inspectorId);
      if (!onTeam && !mayManageOffice(principal)) throw forbidden(refusal);
      if ((await claimIdempotencyKey(manager, { userId: principal.userId, key: input.idempotencyKey, operation: 'amendment.ACKNOWLEDGED', targetId: amendment.id })) === 'replay') return amendment;
      if (amendment.acknowledgedAt) throw conflict('被检查对象已确认该更正', { field: 'amendmentId' });
      const snapshot = await manager.findOneBy(RecordSnapshot, { inspectionId: amendment.inspectionId });
      if (!snapshot || !signedAfter(amendment, snapshot)) throw conflict('该更正在记录表签字前作出，已包含在签字内容中，无需确认', { field: 'amendmentId' });
      const acknowledged = { acknowledgedAt: new Date(), acknowledgedByName: signerName, acknowledgementSha256: await this.files.put(signature), acknowledgementRecordedBy: principal.userId };
      await manager.update(RecordAmendment, { id: amendment.id }, acknowledged);
      return { ...amendment, ...acknowledged };
    });
  }

  async recordVenueSignature(input: VenueSignatureInput, principal: Principal): Promise<Inspection> {
    const signature = imageFromDataUrl('signature', input.signature, ['image/png'], MAX_SIGNATURE_BYTES, '签名');
    const stamp = imageFromDataUrl('stamp', input.stamp, ['image/jpeg', 'image/png'], MAX_STAMP_BYTES, '盖章照片');
    const signerName = input.signerName.trim();
    if (!signerName) throw badInput('signerName', '请填写签字人姓名');
    return this.venueWrite(input.inspectionId, input.idempotencyKey, principal, 'SIGNED', async (now) => ({
      kind: 'SIGNED',
      signerName,
      signatureSha256: await this.files.put(signature),
      stampSha256: await this.files.put(stamp),
      refusalNote: null,
      recordedAt: now,
      recordedBy: principal.userId,
    }));
  }

  async recordVenueRefusal(input: VenueRefusalInput, principal: Principal): Promise<Inspection> {
    const note = input.note.trim();
    if (note.length < 2) throw badInput('note', '请写明被检查对象拒绝签字盖章的情况');
    return this.venueWrite(input.inspectionId, input.idempotencyKey, principal, 'REFUSED', async (now) => ({
      kind: 'REFUSED',
      signerName: null,
      signatureSha256: null,
      stampSha256: null,
      refusalNote: note,
      recordedAt: now,
      recordedBy: principal.userId,
    }));
  }

  private async signatureWrite(input: OfficerSignatureInput, principal: Principal, purpose: SignaturePurposeValue, image: Buffer, confirmedBy: string, content: { json: string; sha256: string } | null): Promise<Inspection> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const { inspection, team, plan } = await this.forTeam(manager, input.inspectionId, principal, true);
      if ((await claimIdempotencyKey(manager, { userId: principal.userId, key: input.idempotencyKey, operation: `sign.${purpose}.${input.inspectorId}`, targetId: inspection.id })) === 'replay') return inspection;
      if (!team.some((m) => m.inspectorId === input.inspectorId)) throw badInput('inspectorId', '签字人不是本检查组成员');
      const state = await this.formState(manager, inspection, team, plan);
      if (purpose === 'RECORD_FORM' && state.response) throw conflict('被检查对象已签字或拒签，记录表已锁定', { field: 'inspectionId' });
      if (purpose === 'REFUSAL_NOTE' && state.response?.kind !== 'REFUSED') throw conflict('被检查对象未拒绝签字，无需签署拒签说明', { field: 'inspectionId' });
      if (state.signatures.some((s) => s.purpose === purpose && s.inspectorId === input.inspectorId)) throw conflict('该执法人员已经签字', { field: 'inspectorId' });
      const now = new Date();
      // What is signed is frozen at the first signature; later signers sign the same content (ADR 0015).
      let snapshot = await manager.findOneBy(RecordSnapshot, { inspectionId: inspection.id });
      if (!snapshot && content) {
        snapshot = { inspectionId: inspection.id, content: content.json, contentSha256: content.sha256, takenAt: now, takenBy: principal.userId };
        await manager.insert(RecordSnapshot, snapshot);
      }
      // The image is written only once every check passed, so a refused signature leaves no file behind.
      const sha = await this.files.put(image);
      await manager.insert(RecordSignature, {
        id: randomUUID(),
        inspectionId: inspection.id,
        purpose,
        inspectorId: input.inspectorId,
        imageSha256: sha,
        signedAt: now,
        recordedBy: principal.userId,
        contentSha256: snapshot?.contentSha256 ?? null,
        confirmedBy,
      });
      return this.afterSigning(manager, inspection, team, plan, now);
    });
  }

  /** `row` runs after every check passed (it writes the signature and stamp files, if any). */
  private async venueWrite(
    inspectionId: string,
    key: string,
    principal: Principal,
    kind: 'SIGNED' | 'REFUSED',
    row: (now: Date) => Promise<Omit<VenueResponse, 'id' | 'inspectionId' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalReason'>>,
  ): Promise<Inspection> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const { inspection, team, plan } = await this.forTeam(manager, inspectionId, principal, true);
      if ((await claimIdempotencyKey(manager, { userId: principal.userId, key, operation: `venue.${kind}`, targetId: inspection.id })) === 'replay') return inspection;
      const state = await this.formState(manager, inspection, team, plan);
      if (state.response) throw conflict('被检查对象已签字或拒签', { field: 'inspectionId' });
      if (state.status !== 'AWAITING_VENUE') throw conflict('请先由组长和各部门执法人员在记录表上签字', { field: 'inspectionId', missing: state.missing });
      const now = new Date();
      await manager.insert(VenueResponse, { id: randomUUID(), inspectionId: inspection.id, withdrawnAt: null, withdrawnBy: null, withdrawalReason: null, ...(await row(now)) });
      return this.afterSigning(manager, inspection, team, plan, now);
    });
  }

  /** Moves the inspection on: in progress once signing starts, completed when the form is complete. */
  private async afterSigning(manager: EntityManager, inspection: Inspection, team: TeamMember[], plan: Plan, now: Date): Promise<Inspection> {
    const { status } = await this.formState(manager, inspection, team, plan);
    const next = status === 'COMPLETED' ? { status: InspectionStatus.COMPLETED, completedAt: now } : { status: InspectionStatus.IN_PROGRESS };
    await manager.update(Inspection, { id: inspection.id }, next);
    // The departments learn of the completion with it, or not at all (ADR 0013).
    if (status === 'COMPLETED' && inspection.status !== InspectionStatus.COMPLETED) await publishInspectionSigned(manager, inspection, team, plan, now);
    return manager.findOneByOrFail(Inspection, { id: inspection.id });
  }

  async formState(manager: EntityManager, inspection: Inspection, team: TeamMember[], plan: Plan) {
    const [signatures, response, inspectors] = await Promise.all([
      manager.find(RecordSignature, { where: { inspectionId: inspection.id }, order: { signedAt: 'ASC' } }),
      manager.findOneBy(VenueResponse, { inspectionId: inspection.id, withdrawnAt: IsNull() }),
      manager.findBy(Inspector, { id: In(team.map((m) => m.inspectorId)) }),
    ]);
    const byId = new Map(inspectors.map((i) => [i.id, i]));
    return { signatures, response, ...recordFormStatus(plan.participatingDepartments, team, byId, signatures, response) };
  }

  /** Once an officer has signed, the visit's slot and notice are part of a signed record. */
  private async refuseOnceSigned(manager: EntityManager, inspection: Inspection): Promise<void> {
    if (await manager.existsBy(RecordSignature, { inspectionId: inspection.id })) throw conflict('记录表已有签字，检查安排和告知信息不能再修改', { field: 'inspectionId' });
  }

  private async load(manager: EntityManager, inspectionId: string, lock = false) {
    const query = manager.createQueryBuilder(Inspection, 'inspection').where('inspection.id = :id', { id: inspectionId });
    const inspection = await (lock ? forUpdate(query) : query).getOne();
    if (!inspection) throw notFound('检查', inspectionId);
    if (inspection.status === InspectionStatus.CANCELLED) throw conflict('该检查已撤销（重新抽取），不能再操作', { field: 'inspectionId' });
    const [team, plan] = await Promise.all([manager.find(TeamMember, { where: { inspectionId }, order: { position: 'ASC' } }), manager.findOneByOrFail(Plan, { id: inspection.planId })]);
    return { inspection, team, plan };
  }

  /** The inspection, for a member of its team (the officers at the venue). */
  private async forTeam(manager: EntityManager, inspectionId: string, principal: Principal, lock = false) {
    const loaded = await this.load(manager, inspectionId, lock);
    if (!principal.inspectorId || !loaded.team.some((m) => m.inspectorId === principal.inspectorId)) throw forbidden('只有本检查组的执法人员可以签署记录表');
    return loaded;
  }

  /** The inspection, for the joint office or a member of its team. */
  private async forTeamOrOffice(manager: EntityManager, inspectionId: string, principal: Principal) {
    const loaded = await this.load(manager, inspectionId, true);
    const onTeam = principal.inspectorId !== null && loaded.team.some((m) => m.inspectorId === principal.inspectorId);
    if (!onTeam && !mayManageOffice(principal)) throw forbidden('只有联席办或本检查组的执法人员可以安排检查和告知');
    if (loaded.inspection.status === InspectionStatus.COMPLETED) throw conflict('检查已完成，不能再修改', { field: 'inspectionId' });
    return loaded;
  }
}

