import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { In, type DataSource } from 'typeorm';
import { DEPARTMENT_NAMES, isDepartment, type Principal } from '@dr/domain';
import { requirePrincipal } from '@dr/subgraph-kit';
import { Inspection } from '../inspection/inspection.entity';
import type { Inspector } from '../inspector/inspector.entity';
import type { OfficeContext } from '../loaders';
import { AcknowledgeAmendmentInput, OfficerSignatureInput, RecordNoticeInput, ScheduleVisitInput, VenueRefusalInput, VenueSignatureInput, WithdrawVenueRefusalInput } from './visit.inputs';
import { recordFormStatus, type VisitService } from './visit.service';
import { isVisitHidden } from './visit-visibility';
import { Notice, RecordForm, RecordFormAmendment, RecordFormStatus, type Signature } from './visit.types';
import { RecordAmendment, RecordSnapshot, type RecordSignature } from './visit.entities';
import { User } from '../auth/user.entity';
import { signedAfter } from './record-form.content';

/** Files of an inspection (PDFs, signature images), served by the office's file routes. */
export const inspectionFileUrl = (inspectionId: string, name: string) => `/files/inspections/${inspectionId}/${name}`;

/** The visit of an inspection: its slot, its notice, its record form and who may see them. */
@Resolver(() => Inspection)
export class VisitResolver {
  constructor(
    private readonly dataSource: DataSource,
    _auth: unknown,
    _imports: unknown,
    private readonly visits: VisitService | undefined,
  ) {}

  /** R-NOTE-1: an undisclosed visit's time is for the team and the office only. */
  private async hidden(inspection: Inspection, context: OfficeContext): Promise<boolean> {
    if (inspection.noticeMode !== 'UNDISCLOSED') return false;
    const principal = requirePrincipal(context);
    return isVisitHidden(inspection.noticeMode, principal, await this.onTeam(inspection, principal, context));
  }

  private async onTeam(inspection: Inspection, principal: Principal, context: OfficeContext): Promise<boolean> {
    if (!principal.inspectorId) return false;
    return (await context.loaders.teamByInspection.load(inspection.id)).some((m) => m.inspectorId === principal.inspectorId);
  }

  @FieldResolver(() => String, { nullable: true, description: '计划检查日期 YYYY-MM-DD；不予告知的检查仅对检查组和联席办可见' })
  async scheduledDate(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<string | null> {
    return (await this.hidden(inspection, context)) ? null : inspection.scheduledDate;
  }

  @FieldResolver(() => String, { nullable: true, description: '检查开始时间 HH:MM' })
  async visitStartTime(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<string | null> {
    return (await this.hidden(inspection, context)) ? null : inspection.visitStartTime;
  }

  @FieldResolver(() => String, { nullable: true, description: '检查结束时间 HH:MM' })
  async visitEndTime(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<string | null> {
    return (await this.hidden(inspection, context)) ? null : inspection.visitEndTime;
  }

  @FieldResolver(() => Boolean, { description: '不予告知且查看者既非检查组成员也非联席办：检查时间与告知信息不可见' })
  async visitHidden(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<boolean> {
    return this.hidden(inspection, context);
  }

  @FieldResolver(() => Boolean, { description: '查看者是否为本检查组成员' })
  async viewerOnTeam(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<boolean> {
    return this.onTeam(inspection, requirePrincipal(context), context);
  }

  @FieldResolver(() => Notice, { nullable: true, description: '检查告知（R-NOTE-1）' })
  async notice(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<Notice | null> {
    if (!inspection.noticeMode || (await this.hidden(inspection, context))) return null;
    return { mode: inspection.noticeMode as Notice['mode'], noticeAt: inspection.noticeAt, prepare: inspection.noticePrepare };
  }

  @FieldResolver(() => String, { nullable: true, description: '告知书 PDF；不予告知或未告知时为空' })
  async noticeLetterUrl(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<string | null> {
    if (!inspection.noticeMode || inspection.noticeMode === 'UNDISCLOSED' || (await this.hidden(inspection, context))) return null;
    return inspectionFileUrl(inspection.id, 'notice.pdf');
  }

  @FieldResolver(() => RecordForm, { description: '记录表的签署情况（R-VISIT-3）' })
  async recordForm(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<RecordForm> {
    const principal = requirePrincipal(context);
    const { loaders } = context;
    const [team, signatures, responses, plan] = await Promise.all([
      loaders.teamByInspection.load(inspection.id),
      loaders.signaturesByInspection.load(inspection.id),
      loaders.venueResponse.load(inspection.id),
      loaders.plan.load(inspection.planId),
    ]);
    const inspectors = new Map(((await loaders.inspector.loadMany(team.map((m) => m.inspectorId))) as Inspector[]).filter(Boolean).map((i) => [i.id, i]));
    const response = responses.find((r) => !r.withdrawnAt) ?? null;
    const withdrawn = responses.filter((r) => r.withdrawnAt).sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()).slice(-50);
    const manager = this.dataSource.manager;
    const [snapshot, amendments, logins] = await Promise.all([
      manager.findOneBy(RecordSnapshot, { inspectionId: inspection.id }),
      manager.find(RecordAmendment, { where: { inspectionId: inspection.id }, order: { amendedAt: 'ASC' }, take: 200 }),
      manager.find(User, { select: { id: true, username: true, displayName: true, inspectorId: true }, where: [{ inspectorId: In(team.map((m) => m.inspectorId)) }, ...(withdrawn.length ? [{ id: In(withdrawn.map((r) => r.withdrawnBy!)) }] : [])] }),
    ]);
    const loginOf = (inspectorId: string) => logins.filter((u) => u.inspectorId === inspectorId).sort((a, b) => a.username.localeCompare(b.username))[0]?.username ?? null;
    const { status, missing } = recordFormStatus(plan?.participatingDepartments ?? [], team, inspectors, signatures, response);
    const toSignature = (row: RecordSignature): Signature => ({ id: row.id, inspector: inspectors.get(row.inspectorId)!, signedAt: row.signedAt, imageUrl: inspectionFileUrl(inspection.id, `images/${row.imageSha256}`) });
    return {
      status: status as RecordFormStatus,
      officerSignatures: signatures.filter((s) => s.purpose === 'RECORD_FORM').map(toSignature),
      missingSigners: missing.map((m) => (m === 'leader' ? '组长' : DEPARTMENT_NAMES[m].short)),
      venueSignature:
        response?.kind === 'SIGNED'
          ? { signerName: response.signerName ?? '', signedAt: response.recordedAt, signatureUrl: inspectionFileUrl(inspection.id, `images/${response.signatureSha256}`), stampUrl: inspectionFileUrl(inspection.id, `images/${response.stampSha256}`) }
          : null,
      refusal: response?.kind === 'REFUSED' ? { note: response.refusalNote ?? '', recordedAt: response.recordedAt, signatures: signatures.filter((s) => s.purpose === 'REFUSAL_NOTE').map(toSignature) } : null,
      signers: team.filter((m) => inspectors.has(m.inspectorId)).map((m) => ({ inspector: inspectors.get(m.inspectorId)!, leader: m.role === 'LEADER', username: loginOf(m.inspectorId) })),
      signedContentAt: snapshot?.takenAt ?? null,
      signedContentSha256: snapshot?.contentSha256 ?? null,
      amendmentsAfterSigning: snapshot ? amendments.filter((a) => signedAfter(a, snapshot)).map((a) => toAmendment(a)) : [],
      viewerMayWithdrawRefusal:
        response?.kind === 'REFUSED' &&
        !signatures.some((s) => s.purpose === 'REFUSAL_NOTE') &&
        team.some((m) => m.role === 'LEADER' && m.inspectorId === principal.inspectorId),
      withdrawnRefusals: withdrawn.map((r) => ({
        note: r.refusalNote ?? '',
        recordedAt: r.recordedAt,
        withdrawnAt: r.withdrawnAt!,
        withdrawnByName: logins.find((u) => u.id === r.withdrawnBy)?.displayName ?? '组长',
        reason: r.withdrawalReason ?? '',
      })),
      pdfUrl: inspectionFileUrl(inspection.id, 'record-form.pdf'),
      statisticsPdfUrl: inspectionFileUrl(inspection.id, 'statistics-form.pdf'),
    };
  }

  @Mutation(() => Inspection, { description: '安排检查时间（联席办或本检查组；须在方案检查时间内，执法人员不能同时参加两次检查）' })
  async scheduleVisit(@Arg('input') input: ScheduleVisitInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.schedule(input, principal);
    context.logger.info({ inspectionId: inspection.id, date: input.date, by: principal.userId }, 'visit scheduled');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '记录检查告知（R-NOTE-1）；不予告知时不出具告知书' })
  async recordNotice(@Arg('input') input: RecordNoticeInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.recordNotice(input, principal);
    context.logger.info({ inspectionId: inspection.id, mode: input.mode, by: principal.userId }, 'notice recorded');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '执法人员在记录表上签字（各部门须已提交检查记录；签字人须以本人账号和密码确认）' })
  async signRecordForm(@Arg('input') input: OfficerSignatureInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.signRecordForm(input, principal, { authorization: context.authorization, address: context.clientAddress, logger: context.logger });
    context.logger.info({ inspectionId: inspection.id, inspectorId: input.inspectorId, by: principal.userId }, 'record form signed');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '被检查对象签字盖章（R-VISIT-3）' })
  async recordVenueSignature(@Arg('input') input: VenueSignatureInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.recordVenueSignature(input, principal);
    context.logger.info({ inspectionId: inspection.id, by: principal.userId }, 'venue signed');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '记录被检查对象拒绝签字盖章（R-VISIT-3）' })
  async recordVenueRefusal(@Arg('input') input: VenueRefusalInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.recordVenueRefusal(input, principal);
    context.logger.info({ inspectionId: inspection.id, by: principal.userId }, 'venue refused to sign');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '执法人员在拒签说明上签字（R-VISIT-3；签字人须以本人账号和密码确认）' })
  async signRefusalNote(@Arg('input') input: OfficerSignatureInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.signRefusalNote(input, principal, { authorization: context.authorization, address: context.clientAddress, logger: context.logger });
    context.logger.info({ inspectionId: inspection.id, inspectorId: input.inspectorId, by: principal.userId }, 'refusal note signed');
    return inspection;
  }

  @Mutation(() => Inspection, { description: '组长撤回误记的拒签（须写明理由；执法人员已在拒签说明上签字后不能撤回）' })
  async withdrawVenueRefusal(@Arg('input') input: WithdrawVenueRefusalInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requirePrincipal(context);
    const inspection = await this.visits!.withdrawVenueRefusal(input, principal);
    context.logger.info({ inspectionId: inspection.id, by: principal.userId }, 'venue refusal withdrawn');
    return inspection;
  }

  @Mutation(() => RecordFormAmendment, { description: '记录被检查对象对签字后更正的确认（确认人签名；本检查组或联席办记录）' })
  async acknowledgeRecordAmendment(@Arg('input') input: AcknowledgeAmendmentInput, @Ctx() context: OfficeContext): Promise<RecordFormAmendment> {
    const principal = requirePrincipal(context);
    const amendment = await this.visits!.acknowledgeAmendment(input, principal);
    context.logger.info({ amendmentId: amendment.id, inspectionId: amendment.inspectionId, by: principal.userId }, 'amendment acknowledged by the venue');
    return toAmendment(amendment);
  }
}

/** An amendment after signing as the graph shows it. */
function toAmendment(row: RecordAmendment): RecordFormAmendment {
  return {
    id: row.id,
    department: isDepartment(row.department) ? row.department : 'culture',
    reason: row.reason,
    amendedByName: row.amendedByName,
    amendedAt: row.amendedAt,
    changes: (JSON.parse(row.changes) as { label: string; before: string | null; after: string | null }[]).map(({ label, before, after }) => ({ label, before, after })),
    acknowledgement:
      row.acknowledgedAt && row.acknowledgementSha256
        ? { signerName: row.acknowledgedByName ?? '', acknowledgedAt: row.acknowledgedAt, signatureUrl: inspectionFileUrl(row.inspectionId, `images/${row.acknowledgementSha256}`) }
        : null,
  };
}
