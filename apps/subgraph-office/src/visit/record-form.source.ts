import { In, IsNull, type DataSource } from 'typeorm';
import type { AmendmentAfterSigning, NoticeLetterData, RecordFormData, SignatureInfo } from '@dr/documents';
import { DEPARTMENT_NAMES, isDepartment, mayManageOffice, type Principal } from '@dr/domain';
import { badInput, conflict, forbidden, notFound, type FileStore } from '@dr/subgraph-kit';
import { Inspection, InspectionStatus } from '../inspection/inspection.entity';
import { TeamMember } from '../inspection/team-member.entity';
import { Inspector } from '../inspector/inspector.entity';
import { Plan } from '../plan/plan.entity';
import { Venue } from '../venue/venue.entity';
import { RecordAmendment, RecordSignature, RecordSnapshot, VenueResponse } from './visit.entities';
import { changeSummary, readContent, recordFormDepartments, signedAfter } from './record-form.content';
import type { DepartmentSections } from './department-sections.client';

/**
 * Assembles the paperwork of one visit: the office's own rows (plan, venue, team, signatures) and the
 * departments' sections read through the graph with the caller's token.
 */
export class RecordFormSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly sections: DepartmentSections,
  ) {}

  private async base(inspectionId: string) {
    const manager = this.dataSource.manager;
    const inspection = await manager.findOneBy(Inspection, { id: inspectionId });
    if (!inspection) throw notFound('检查', inspectionId);
    const [plan, venue, team] = await Promise.all([
      manager.findOneByOrFail(Plan, { id: inspection.planId }),
      manager.findOneByOrFail(Venue, { id: inspection.venueId }),
      manager.find(TeamMember, { where: { inspectionId }, order: { position: 'ASC' } }),
    ]);
    const inspectors = new Map((await manager.findBy(Inspector, { id: In(team.map((m) => m.inspectorId)) })).map((i) => [i.id, i]));
    const officers = team.map((member) => {
      const inspector = inspectors.get(member.inspectorId)!;
      return { name: inspector.name, department: inspector.department, certificateNumber: inspector.certificateNumber, leader: member.role === 'LEADER' };
    });
    return { inspection, plan, venue, team, inspectors, officers };
  }

  /** The 告知书 (R-NOTE-1); refused for an undisclosed visit and before the visit is scheduled. */
  async noticeLetter(inspectionId: string, principal: Principal, authorization: string | null): Promise<NoticeLetterData> {
    const { inspection, plan, venue, team, officers } = await this.base(inspectionId);
    if (!mayManageOffice(principal) && !team.some((m) => m.inspectorId === principal.inspectorId)) throw forbidden('只有联席办或本检查组的执法人员可以出具告知书');
    if (inspection.noticeMode === 'UNDISCLOSED') throw conflict('本次检查不予告知，不出具告知书（R-NOTE-1）', { field: 'mode' });
    if (!inspection.noticeMode || !inspection.noticeAt) throw badInput('mode', '尚未记录告知方式，不能出具告知书');
    if (!inspection.scheduledDate || !inspection.visitStartTime || !inspection.visitEndTime) throw badInput('date', '尚未安排检查时间，不能出具告知书');
    const items = await this.sections.fetch(inspectionId, plan.participatingDepartments, authorization);
    return {
      plan: { documentNumber: plan.documentNumber, title: plan.title, issuingOffice: plan.issuingOffice },
      venue: { name: venue.name, address: venue.address },
      visit: { date: inspection.scheduledDate, startTime: inspection.visitStartTime, endTime: inspection.visitEndTime },
      team: officers,
      items: plan.participatingDepartments.flatMap((department) =>
        (items.get(department)?.items ?? []).map((item) => ({ department, departmentName: DEPARTMENT_NAMES[department].full, code: item.checkItem.code, title: item.checkItem.title })),
      ),
      prepare: inspection.noticePrepare ?? '',
      mode: inspection.noticeMode,
      noticeAt: inspection.noticeAt,
      contact: null,
    };
  }

  /** The record form's data (also the statistics form's), for any signed-in user of the platform but see R-NOTE-1. */
  async recordForm(inspectionId: string, authorization: string | null, principal: Principal): Promise<RecordFormData> {
    const { inspection, plan, venue, team, inspectors, officers } = await this.base(inspectionId);
    if (inspection.status === InspectionStatus.CANCELLED) throw conflict('该检查已撤销（重新抽取），没有记录表', { field: 'inspectionId' });
    // R-NOTE-1: the form shows the visit's time; until the visit is done an undisclosed one is the team's and the office's only.
    const insider = mayManageOffice(principal) || team.some((m) => m.inspectorId === principal.inspectorId);
    if (inspection.noticeMode === 'UNDISCLOSED' && inspection.status !== InspectionStatus.COMPLETED && !insider) throw forbidden('本次检查不予告知，检查完成前记录表仅检查组和联席办可见');
    const manager = this.dataSource.manager;
    const [snapshot, signatures, response, amendments] = await Promise.all([
      manager.findOneBy(RecordSnapshot, { inspectionId }),
      manager.find(RecordSignature, { where: { inspectionId }, order: { signedAt: 'ASC' } }),
      manager.findOneBy(VenueResponse, { inspectionId, withdrawnAt: IsNull() }),
      manager.find(RecordAmendment, { where: { inspectionId }, order: { amendedAt: 'ASC' }, take: 200 }),
    ]);
    // Once signed, the departments' parts print exactly as they were signed (ADR 0015); later amendments follow on their own page.
    const departments = snapshot
      ? readContent(snapshot.content, snapshot.contentSha256).departments
      : recordFormDepartments(plan.participatingDepartments, await this.sections.fetch(inspectionId, plan.participatingDepartments, authorization));
    const afterSigning = snapshot ? amendments.filter((a) => signedAfter(a, snapshot)) : [];
    const amendmentInfo = async (a: RecordAmendment): Promise<AmendmentAfterSigning> => ({
      departmentName: isDepartment(a.department) ? DEPARTMENT_NAMES[a.department].full : a.department,
      at: a.amendedAt,
      by: a.amendedByName,
      reason: a.reason,
      summary: changeSummary(JSON.parse(a.changes)),
      acknowledgement: a.acknowledgedAt && a.acknowledgementSha256 ? { signerName: a.acknowledgedByName ?? '', at: a.acknowledgedAt, signature: await this.files.read(a.acknowledgementSha256) } : null,
    });
    const signatureInfo = async (row: RecordSignature): Promise<SignatureInfo> => {
      const inspector = inspectors.get(row.inspectorId);
      return { name: inspector?.name ?? row.inspectorId, department: inspector?.department ?? null, certificateNumber: inspector?.certificateNumber ?? null, signedAt: row.signedAt, image: await this.files.read(row.imageSha256) };
    };
    return {
      plan: { documentNumber: plan.documentNumber, title: plan.title, issuingOffice: plan.issuingOffice },
      inspection: {
        id: inspection.id,
        date: inspection.scheduledDate,
        startTime: inspection.visitStartTime,
        endTime: inspection.visitEndTime,
      },
      venue: { name: venue.name, uscc: venue.uscc, address: venue.address, street: venue.street, legalRepresentative: venue.legalRepresentative, phone: venue.phone },
      team: officers,
      departments,
      officerSignatures: await Promise.all(signatures.filter((s) => s.purpose === 'RECORD_FORM').map(signatureInfo)),
      venueSignature:
        response?.kind === 'SIGNED'
          ? { signerName: response.signerName ?? '', signedAt: response.recordedAt, signature: await this.files.read(response.signatureSha256!), stamp: response.stampSha256 ? await this.files.read(response.stampSha256) : null }
          : null,
      refusal:
        response?.kind === 'REFUSED'
          ? { note: response.refusalNote ?? '', at: response.recordedAt, signatures: await Promise.all(signatures.filter((s) => s.purpose === 'REFUSAL_NOTE').map(signatureInfo)) }
          : null,
      signedContentAt: snapshot?.takenAt ?? null,
      amendmentsAfterSigning: await Promise.all(afterSigning.map(amendmentInfo)),
      generatedAt: new Date(),
    };
  }
}
