import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, epochDayOf, type Department, type Principal, type ReferralAnswer, type SentReferral } from '@dr/domain';
import { AppError, badInput, conflict, forbidden, forUpdate, publishEvent, retryingTransaction, toPage, type Page } from '@dr/subgraph-kit';
import { EvidenceEntity } from '../entities';
import { ResultEntity } from '../results/result.entity';
import type { AcknowledgeReferralInput, AnswerReferralInput, SendReferralInput } from './dtos/referral.inputs';
import { ReferralReceivedEntity, ReferralSentEntity, type ReferralStateValue } from './referral.entity';
import { referralAnswerDeadline, referralDeadline } from './referral-rules';

/** A `YYYY-MM-DD` date the caller typed: a real calendar date, not before `earliest` and not after today. */
function checkedDate(field: string, value: string | null | undefined, earliest: { date: string; label: string }, today: string): string {
  if (!value || epochDayOf(value) === null) throw badInput(field, '日期无效，应为 YYYY-MM-DD');
  if (value < earliest.date) throw badInput(field, `日期不能早于${earliest.label}（${earliest.date}）`);
  if (value > today) throw badInput(field, '日期不能晚于今天');
  return value;
}

function trimmed(field: string, value: string | null | undefined, label: string): string {
  const text = (value ?? '').trim();
  if (text.length < 2) throw badInput(field, `请填写${label}`);
  return text;
}

function stale(currentVersion: number): AppError {
  return conflict('移送记录已被他人修改，请刷新后在最新版本上重新操作', { field: 'expectedVersion', currentVersion });
}

const notFound = () => new AppError('NOT_FOUND', '没有找到这条移送记录', { field: 'referralId' });

/**
 * Referrals (移送, R-RES-3). A department's staff send a suspected violation found in one of its results
 * to another department on the platform (which learns of it by `referral.sent`, accepts or returns it,
 * and answers by `referral.answered`) or to an outside authority (recorded as sent, with how and when;
 * the admin may mark it acknowledged). Each mutation is one transaction; events go out in it.
 */
export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly department: Department,
  ) {}

  /** Sends one referral; the team's officers of the department or its admin (as for entering the result). */
  async send(input: SendReferralInput, principal: Principal): Promise<ReferralSentEntity> {
    const today = chinaDateOf(new Date());
    const toDepartment = input.toDepartment ?? null;
    const toAuthority = input.toAuthority?.trim() || null;
    if ((toDepartment === null) === (toAuthority === null)) throw badInput('toDepartment', '请选择平台内的接收部门，或填写平台外的接收机关名称（二选一）');
    if (toDepartment === this.department) throw badInput('toDepartment', '不能移送给本部门');
    if (toAuthority !== null && toAuthority.length < 2) throw badInput('toAuthority', '请填写接收机关的全称');
    if (toDepartment !== null && (input.channel || input.sentOn)) throw badInput('channel', `发往${DEPARTMENT_NAMES[toDepartment].full}的移送经本系统当日送达，无需填写移送方式和日期`);
    if (toAuthority !== null && !input.channel) throw badInput('channel', '请选择移送方式：公函、系统或当面');
    const facts = trimmed('facts', input.facts, '涉嫌违法的事实');
    const legalBasis = trimmed('legalBasis', input.legalBasis, '移送依据');
    const evidenceIds = [...new Set(input.evidenceIds)];
    return retryingTransaction(this.dataSource, async (manager) => {
      const result = await manager.findOneBy(ResultEntity, { inspectionId: input.inspectionId });
      if (!result) throw new AppError('NOT_FOUND', '没有找到本部门该次检查的结果：检查尚未完成签字，或本部门未参加该次检查', { field: 'inspectionId' });
      if (principal.role !== 'DEPARTMENT_ADMIN' && !(principal.inspectorId && result.teamInspectorIds.split(',').includes(principal.inspectorId))) {
        throw forbidden('只有本次检查组中本部门的执法人员或本部门管理员可以移送');
      }
      const sentOn = toAuthority !== null ? checkedDate('sentOn', input.sentOn, { date: result.signedOn, label: '检查结果形成之日' }, today) : today;
      const evidence = evidenceIds.length
        ? await manager.findBy(EvidenceEntity, { id: In(evidenceIds), inspectionId: result.inspectionId, removedAt: IsNull() })
        : [];
      if (evidence.length !== evidenceIds.length) throw badInput('evidenceIds', '所附证据不存在，或不属于本部门该次检查的记录');
      const now = new Date();
      const row: ReferralSentEntity = {
        id: randomUUID(),
        inspectionId: result.inspectionId,
        toDepartment,
        toAuthority,
        facts,
        legalBasis,
        evidenceIds: evidenceIds.join(','),
        channel: toDepartment !== null ? 'SYSTEM' : input.channel!,
        sentOn,
        deadline: referralDeadline(result.signedOn),
        state: 'SENT',
        answerReason: null,
        answeredOn: null,
        answeredByName: null,
        answerVersion: 0,
        version: 1,
        sentBy: principal.userId,
        sentByName: principal.displayName.slice(0, 50),
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(ReferralSentEntity, row);
      if (toDepartment !== null) {
        const payload: SentReferral = {
          referralId: row.id,
          from: this.department,
          to: toDepartment,
          inspectionId: result.inspectionId,
          venue: { id: result.venueId, name: result.venueName, uscc: result.venueUscc, street: result.venueStreet },
          facts,
          legalBasis,
          evidence: evidence.map((file) => ({ id: file.id, fileName: file.fileName, sha256: file.sha256 })),
          sentOn,
          sentByName: row.sentByName,
        };
        await publishEvent(manager, { source: this.department, topic: 'referral.sent', payload, destinations: [toDepartment] });
      }
      return row;
    });
  }

  /** The receiver's admin accepts a referral, or returns it saying why; the sender learns of it in the same transaction. */
  async answer(input: AnswerReferralInput, principal: Principal): Promise<ReferralReceivedEntity> {
    if (principal.role !== 'DEPARTMENT_ADMIN') throw forbidden('只有本部门管理员可以接收或退回移送');
    const reason = input.reason?.trim() || null;
    if (input.decision === 'RETURN' && (reason === null || reason.length < 2)) throw badInput('reason', '退回移送须说明理由');
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = await forUpdate(manager.createQueryBuilder(ReferralReceivedEntity, 'referral').where('referral.id = :id', { id: input.referralId })).getOne();
      if (!row) throw notFound();
      if (row.version !== input.expectedVersion) throw stale(row.version);
      if (row.state !== 'SENT') throw conflict('这条移送已经答复过了', { field: 'referralId', state: row.state });
      const state = input.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED';
      const answeredOn = chinaDateOf(new Date());
      const answeredByName = principal.displayName.slice(0, 50);
      const update = await manager
        .createQueryBuilder()
        .update(ReferralReceivedEntity)
        .set({ state, answerReason: state === 'RETURNED' ? reason : null, answeredOn, answeredByName, version: row.version + 1 })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (update.affected !== 1) throw stale(row.version + 1);
      const payload: ReferralAnswer = { referralId: row.id, by: this.department, state, reason: state === 'RETURNED' ? reason : null, answeredOn, answeredByName, version: row.version + 1 };
      await publishEvent(manager, { source: this.department, topic: 'referral.answered', payload, destinations: [row.fromDepartment] });
      return manager.findOneByOrFail(ReferralReceivedEntity, { id: row.id });
    });
  }

  /** The admin records that an outside authority acknowledged a referral (platform departments answer for themselves). */
  async acknowledge(input: AcknowledgeReferralInput, principal: Principal): Promise<ReferralSentEntity> {
    if (principal.role !== 'DEPARTMENT_ADMIN') throw forbidden('只有本部门管理员可以确认移送已被接收');
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = await forUpdate(manager.createQueryBuilder(ReferralSentEntity, 'referral').where('referral.id = :id', { id: input.referralId })).getOne();
      if (!row) throw notFound();
      if (row.version !== input.expectedVersion) throw stale(row.version);
      if (row.toDepartment !== null) throw conflict(`这条移送由${DEPARTMENT_NAMES[row.toDepartment].full}在系统中答复，无需手工确认`, { field: 'referralId' });
      if (row.state !== 'SENT') throw conflict('这条移送已确认过了', { field: 'referralId', state: row.state });
      const answeredOn = checkedDate('acknowledgedOn', input.acknowledgedOn, { date: row.sentOn, label: '移送日期' }, chinaDateOf(new Date()));
      const update = await manager
        .createQueryBuilder()
        .update(ReferralSentEntity)
        .set({ state: 'ACKNOWLEDGED', answeredOn, answeredByName: row.toAuthority, version: row.version + 1, updatedAt: new Date() })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (update.affected !== 1) throw stale(row.version + 1);
      return manager.findOneByOrFail(ReferralSentEntity, { id: row.id });
    });
  }

  /** `referral.sent` (ADR 0013): keeps the referral for this department's admin; a second delivery changes nothing. */
  async receiveSent(manager: EntityManager, payload: SentReferral): Promise<void> {
    if (payload.to !== this.department) return;
    if (await manager.existsBy(ReferralReceivedEntity, { id: payload.referralId })) return;
    await manager.insert(ReferralReceivedEntity, {
      id: payload.referralId,
      fromDepartment: payload.from,
      inspectionId: payload.inspectionId,
      venueId: payload.venue.id,
      venueName: payload.venue.name,
      venueUscc: payload.venue.uscc,
      facts: payload.facts,
      legalBasis: payload.legalBasis,
      evidence: JSON.stringify(payload.evidence),
      sentOn: payload.sentOn,
      sentByName: payload.sentByName,
      answerDeadline: referralAnswerDeadline(payload.sentOn),
      state: 'SENT',
      answerReason: null,
      answeredOn: null,
      answeredByName: null,
      version: 1,
      receivedAt: new Date(),
    });
  }

  /** `referral.answered`: the sender's copy moves forward only (an answer no newer than the one kept is a no-op). */
  async receiveAnswer(manager: EntityManager, payload: ReferralAnswer): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ReferralSentEntity)
      .set({ state: payload.state, answerReason: payload.reason, answeredOn: payload.answeredOn, answeredByName: payload.answeredByName, answerVersion: payload.version, version: () => 'version + 1', updatedAt: new Date() })
      .where('id = :id AND to_department = :by AND answer_version < :answerVersion', { id: payload.referralId, by: payload.by, answerVersion: payload.version })
      .execute();
  }

  /** One page of the referrals this department sent, newest first. */
  async listSent(filter: { state?: ReferralStateValue | null; first: number; offset: number }): Promise<Page<ReferralSentEntity>> {
    const query = this.dataSource.getRepository(ReferralSentEntity).createQueryBuilder('referral');
    if (filter.state) query.where('referral.state = :state', { state: filter.state });
    const [rows, total] = await query.orderBy('referral.sent_on', 'DESC').addOrderBy('referral.created_at', 'DESC').addOrderBy('referral.id', 'ASC').skip(filter.offset).take(filter.first).getManyAndCount();
    return toPage(rows, total, filter.offset);
  }

  /** One page of the referrals other departments sent here, nearest answer deadline first. */
  async listReceived(filter: { state?: ReferralStateValue | null; first: number; offset: number }): Promise<Page<ReferralReceivedEntity>> {
    const query = this.dataSource.getRepository(ReferralReceivedEntity).createQueryBuilder('referral');
    if (filter.state) query.where('referral.state = :state', { state: filter.state });
    const [rows, total] = await query
      .orderBy('CASE WHEN referral.answer_deadline IS NULL THEN 1 ELSE 0 END', 'ASC')
      .addOrderBy('referral.answer_deadline', 'ASC')
      .addOrderBy('referral.id', 'ASC')
      .skip(filter.offset)
      .take(filter.first)
      .getManyAndCount();
    return toPage(rows, total, filter.offset);
  }
}
