import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '@dr/domain';
import { badInput, toPage, type Page } from '@dr/subgraph-kit';
import { CheckItemEntity } from '../entities';
import { BriefingEntity } from './briefing.entity';
import type { SubmitBriefingInput } from './briefing.inputs';

/** A department's progress briefings for a plan (专项简报, R-REP-1). */
export class BriefingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Files the next issue (第 N 期). At least one of the three parts must say something. Two admins
   * filing at once: the unique (plan, issue) index lets one win; the other is retried once on the next number.
   */
  async submit(input: SubmitBriefingInput, principal: Principal): Promise<BriefingEntity> {
    const parts = { highlights: input.highlights.trim(), problems: input.problems.trim(), suggestions: input.suggestions.trim() };
    // The department knows a plan by its check items (R-ITEM-4); a briefing for no plan of its own is refused.
    if (!(await this.dataSource.manager.existsBy(CheckItemEntity, { planId: input.planId }))) throw badInput('planId', '没有找到这个实施方案');
    if (!parts.highlights && !parts.problems && !parts.suggestions) throw badInput('highlights', '请至少填写工作亮点、存在问题、意见和建议中的一项');
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const last = await manager.getRepository(BriefingEntity).createQueryBuilder('b').select('MAX(b.issue)', 'issue').where('b.plan_id = :planId', { planId: input.planId }).getRawOne<{ issue: number | null }>();
          const row = manager.create(BriefingEntity, {
            id: randomUUID(),
            planId: input.planId,
            issue: Number(last?.issue ?? 0) + 1,
            ...parts,
            createdBy: principal.userId,
            createdByName: principal.displayName.slice(0, 50),
            createdAt: new Date(),
          });
          await manager.insert(BriefingEntity, row);
          return row;
        });
      } catch (error) {
        if (attempt === 0 && /unique|duplicate/i.test(String((error as Error).message))) continue;
        throw error;
      }
    }
  }

  /** The plan's issues, newest first. */
  async list(planId: string, first: number, offset: number): Promise<Page<BriefingEntity>> {
    const [nodes, total] = await this.dataSource.getRepository(BriefingEntity).findAndCount({ where: { planId }, order: { issue: 'DESC' }, take: first, skip: offset });
    return toPage(nodes, total, offset);
  }
}
