import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DEPARTMENT_NAMES, type Department, type Principal } from '@dr/domain';
import { badInput, retryingTransaction } from '@dr/subgraph-kit';
import { CheckItemEntity, SectionEntity, SectionItemEntity } from './entities';
import type { RecordItemOutcomeInput } from './dtos/record-item-outcome.input';

/** What a section looks like to a reader: every item of the plan, recorded or not. */
export interface SectionView {
  inspectionId: string;
  department: Department;
  status: 'NOT_STARTED' | 'IN_PROGRESS';
  version: number;
  updatedAt: Date | null;
  items: { checkItem: CheckItemEntity; outcome: string | null; note: string | null }[];
}

export function toSectionView(
  department: Department,
  inspectionId: string,
  checkItems: CheckItemEntity[],
  section: SectionEntity | undefined,
  recorded: SectionItemEntity[],
): SectionView {
  const byItem = new Map(recorded.map((row) => [row.checkItemId, row]));
  return {
    inspectionId,
    department,
    status: section?.status ?? 'NOT_STARTED',
    version: section?.version ?? 0,
    updatedAt: section?.updatedAt ?? null,
    items: checkItems.map((checkItem) => ({ checkItem, outcome: byItem.get(checkItem.id)?.outcome ?? null, note: byItem.get(checkItem.id)?.note ?? null })),
  };
}

/** A department's record of its items; only its own staff write it (R-PUB-2). */
export class SectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly department: Department,
  ) {}

  /** Records one item's outcome: creates the section on first use, in one transaction. */
  async recordItemOutcome(input: RecordItemOutcomeInput, principal: Principal): Promise<SectionView> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const checkItem = await manager.findOneBy(CheckItemEntity, { id: input.checkItemId });
      if (!checkItem || checkItem.department !== this.department) {
        throw badInput('checkItemId', `检查事项不存在，或不属于${DEPARTMENT_NAMES[this.department].full}（${input.checkItemId}）`);
      }
      const now = new Date();
      const section = await this.sectionFor(manager, input.inspectionId, checkItem.planId, principal.userId, now);
      if (section.planId !== checkItem.planId) throw badInput('checkItemId', '检查事项不属于本次检查所依据的实施方案');
      await manager.upsert(
        SectionItemEntity,
        { sectionId: section.id, checkItemId: checkItem.id, outcome: input.outcome, note: input.note?.trim() || null, updatedAt: now, updatedBy: principal.userId },
        ['sectionId', 'checkItemId'],
      );
      await manager.update(SectionEntity, { id: section.id }, { status: 'IN_PROGRESS', version: section.version + 1, updatedAt: now, updatedBy: principal.userId });
      const checkItems = await manager.find(CheckItemEntity, { where: { planId: section.planId }, order: { order: 'ASC' } });
      const recorded = await manager.findBy(SectionItemEntity, { sectionId: section.id });
      const saved = await manager.findOneByOrFail(SectionEntity, { id: section.id });
      return toSectionView(this.department, input.inspectionId, checkItems, saved, recorded);
    });
  }

  /**
   * The inspection's section, created on first use, locked for the rest of the transaction (MySQL) so
   * the version bump that follows is serialized; SQLite transactions are serialized already
   * (subgraph-kit). Two first saves at once may deadlock on the insert; the loser is run again.
   */
  private async sectionFor(manager: EntityManager, inspectionId: string, planId: string, userId: string, now: Date): Promise<SectionEntity> {
    const locked = () => {
      const query = manager.createQueryBuilder(SectionEntity, 'section').where('section.inspection_id = :inspectionId', { inspectionId });
      if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
      return query.getOne();
    };
    const existing = await locked();
    if (existing) return existing;
    const section = { id: randomUUID(), inspectionId, planId, status: 'NOT_STARTED' as const, version: 0, updatedAt: now, updatedBy: userId };
    await manager.insert(SectionEntity, section);
    return section;
  }
}
