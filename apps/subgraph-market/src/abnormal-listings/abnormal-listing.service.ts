import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, type Principal } from '@dr/domain';
import type { PublishedResultFacts } from '@dr/department-kit';
import { AppError, badInput, conflict, forbidden, forUpdate, retryingTransaction, toPage, type Page } from '@dr/subgraph-kit';
import { AbnormalListingEntity, type AbnormalListingStateValue } from './abnormal-listing.entity';
import { proposesAbnormalListing, UNREACHABLE_LISTING } from './abnormal-listing.rules';

function stale(currentVersion: number): AppError {
  return conflict('该建议已被他人处理，请刷新后在最新版本上重新操作', { field: 'expectedVersion', currentVersion });
}

function assertMarketAdmin(principal: Principal): void {
  if (principal.department !== 'market' || principal.role !== 'DEPARTMENT_ADMIN') throw forbidden(`只有${DEPARTMENT_NAMES.market.full}的管理员可以确认或撤回列入经营异常名录的建议`);
}

/** Proposals to list businesses in 经营异常名录, from results coded 4 (无法联系), decided by a market admin. */
export class AbnormalListingService {
  constructor(private readonly dataSource: DataSource) {}

  /** The publication hook: a result coded 4 proposes the listing once per inspection, in the publication's transaction. */
  static async proposeFromResult(manager: EntityManager, result: PublishedResultFacts): Promise<void> {
    if (!proposesAbnormalListing(result.resultCodes)) return;
    if (await manager.existsBy(AbnormalListingEntity, { inspectionId: result.inspectionId })) return;
    const now = new Date();
    await manager.insert(AbnormalListingEntity, {
      id: randomUUID(),
      inspectionId: result.inspectionId,
      venueId: result.venue.id,
      venueName: result.venue.name,
      venueUscc: result.venue.uscc,
      reason: UNREACHABLE_LISTING.reason,
      legalBasis: UNREACHABLE_LISTING.legalBasis,
      state: 'PROPOSED',
      proposedOn: result.publishedOn,
      decidedOn: null,
      decidedByName: null,
      withdrawReason: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** One page of proposals, oldest undecided first: market's staff and the joint office. */
  async list(principal: Principal, filter: { state?: AbnormalListingStateValue | null; first: number; offset: number }): Promise<Page<AbnormalListingEntity>> {
    if (principal.department !== 'market' && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES.market.full}的人员和联席办可以查看经营异常名录建议`);
    const [rows, total] = await this.dataSource.getRepository(AbnormalListingEntity).findAndCount({
      where: filter.state ? { state: filter.state } : {},
      order: { proposedOn: 'ASC', id: 'ASC' },
      skip: filter.offset,
      take: filter.first,
    });
    return toPage(rows, total, filter.offset);
  }

  async confirm(input: { id: string; expectedVersion: number }, principal: Principal): Promise<AbnormalListingEntity> {
    return this.decide(input, principal, () => ({ state: 'CONFIRMED' }));
  }

  async withdraw(input: { id: string; expectedVersion: number; reason: string }, principal: Principal): Promise<AbnormalListingEntity> {
    const reason = input.reason.trim();
    if (reason.length < 2) throw badInput('reason', '请填写撤回理由');
    return this.decide(input, principal, () => ({ state: 'WITHDRAWN', withdrawReason: reason }));
  }

  /** Decides a proposal still PROPOSED: admin only, version checked under a row lock, a guarded UPDATE. */
  private async decide(input: { id: string; expectedVersion: number }, principal: Principal, change: () => Partial<AbnormalListingEntity>): Promise<AbnormalListingEntity> {
    assertMarketAdmin(principal);
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = await forUpdate(manager.createQueryBuilder(AbnormalListingEntity, 'listing').where('listing.id = :id', { id: input.id })).getOne();
      if (!row) throw new AppError('NOT_FOUND', '没有找到这条列入经营异常名录的建议', { field: 'id' });
      if (row.version !== input.expectedVersion) throw stale(row.version);
      if (row.state !== 'PROPOSED') throw conflict(row.state === 'CONFIRMED' ? '该建议已确认列入，不能再处理' : '该建议已撤回，不能再处理', { field: 'id', state: row.state });
      const update = await manager
        .createQueryBuilder()
        .update(AbnormalListingEntity)
        .set({ ...change(), decidedOn: chinaDateOf(new Date()), decidedByName: principal.displayName.slice(0, 50), version: row.version + 1, updatedAt: new Date() })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (update.affected !== 1) throw stale(row.version + 1);
      return manager.findOneByOrFail(AbnormalListingEntity, { id: row.id });
    });
  }
}
