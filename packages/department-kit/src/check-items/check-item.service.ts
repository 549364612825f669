import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_NAMES, type Department, type EventPayloads, type Principal } from '@dr/domain';
import { badInput, conflict, forbidden } from '@dr/subgraph-kit';
import { CheckItemEntity, CheckItemVersionEntity, SectionEntity } from '../entities';
import { checkItemId } from '../seed';
import { versionId } from './check-item-versions.migration';

/** What a department admin writes for one item: a new item (no `checkItemId`) or the next version of one. */
export interface CheckItemFields {
  planId: string;
  checkItemId?: string | null;
  code?: string | null;
  title: string;
  legalBasis: string;
  legalReviewPending?: boolean | null;
}

const FROZEN_MESSAGE = '本方案已抽取，检查事项已锁定，不能再修改；如需调整，请在下一方案中修改（形成新版本）';

/**
 * A department's check items per plan (R-ITEM-4, ADR 0017). Before the plan's draw its admin adds,
 * rewords and reorders them; each change is a new version, every version kept. The office's draw
 * freezes them (`plan.frozen`), and so does the first record written for the plan: after that a change
 * is refused (CONFLICT) and the next plan gets the new wording.
 */
export class CheckItemService {
  constructor(private readonly dataSource: DataSource, private readonly department: Department) {}

  async save(fields: CheckItemFields, principal: Principal): Promise<CheckItemEntity> {
    this.requireAdmin(principal);
    const title = fields.title.trim();
    const legalBasis = fields.legalBasis.trim();
    if (!title) throw badInput('title', '请填写检查内容');
    if (!legalBasis) throw badInput('legalBasis', '请填写检查依据');
    return this.dataSource.transaction(async (manager) => {
      await this.assertNotFrozen(manager, fields.planId);
      const items = await manager.find(CheckItemEntity, { where: { planId: fields.planId, department: this.department }, order: { order: 'ASC' } });
      const pending = fields.legalReviewPending ?? false;
      if (!fields.checkItemId) {
        const code = fields.code?.trim() || nextCode(this.department, items);
        if (!/^[A-Za-z0-9-]{1,16}$/.test(code)) throw badInput('code', '事项代码应为 1–16 位字母、数字或连字符');
        if (items.some((item) => item.code === code)) throw badInput('code', `事项代码“${code}”在本方案中已使用`);
        const item = manager.create(CheckItemEntity, { id: checkItemId(fields.planId, code), planId: fields.planId, department: this.department, code, title, legalBasis, order: items.length + 1, version: 1, legalReviewPending: pending, frozenAt: null });
        await manager.insert(CheckItemEntity, item);
        await this.recordVersion(manager, item, principal.userId);
        return item;
      }
      const item = items.find((candidate) => candidate.id === fields.checkItemId);
      if (!item) throw badInput('checkItemId', '该检查事项不属于本部门在本方案中的清单');
      if (item.title === title && item.legalBasis === legalBasis && item.legalReviewPending === pending) return item;
      Object.assign(item, { title, legalBasis, legalReviewPending: pending, version: item.version + 1 });
      await manager.update(CheckItemEntity, { id: item.id }, { title, legalBasis, legalReviewPending: pending, version: item.version });
      await this.recordVersion(manager, item, principal.userId);
      return item;
    });
  }

  /** Puts the plan's items in the given order (every item once); each moved item gets a new version. */
  async reorder(planId: string, orderedIds: string[], principal: Principal): Promise<CheckItemEntity[]> {
    this.requireAdmin(principal);
    return this.dataSource.transaction(async (manager) => {
      await this.assertNotFrozen(manager, planId);
      const items = await manager.find(CheckItemEntity, { where: { planId, department: this.department } });
      const byId = new Map(items.map((item) => [item.id, item]));
      if (orderedIds.length !== items.length || new Set(orderedIds).size !== items.length || orderedIds.some((id) => !byId.has(id))) {
        throw badInput('checkItemIds', '排序须包含本方案的每个检查事项各一次');
      }
      for (const [index, id] of orderedIds.entries()) {
        const item = byId.get(id)!;
        if (item.order === index + 1) continue;
        Object.assign(item, { order: index + 1, version: item.version + 1 });
        await manager.update(CheckItemEntity, { id }, { order: item.order, version: item.version });
        await this.recordVersion(manager, item, principal.userId);
      }
      return manager.find(CheckItemEntity, { where: { planId, department: this.department }, order: { order: 'ASC' } });
    });
  }

  /** Every version of one item, oldest first. */
  versions(checkItemIds: readonly string[]): Promise<CheckItemVersionEntity[]> {
    return this.dataSource.getRepository(CheckItemVersionEntity).find({ where: { checkItemId: In([...checkItemIds]) }, order: { version: 'ASC' } });
  }

  /** `plan.created`: a copy of another plan starts from that plan's current items, as new unfrozen versions. */
  async receivePlanCreated(manager: EntityManager, payload: EventPayloads['plan.created']): Promise<void> {
    if (!payload.copiedFromPlanId || !payload.departments.includes(this.department)) return;
    if (await manager.existsBy(CheckItemEntity, { planId: payload.planId, department: this.department })) return; // delivered twice
    const source = await manager.find(CheckItemEntity, { where: { planId: payload.copiedFromPlanId, department: this.department }, order: { order: 'ASC' } });
    for (const original of source) {
      const copy = manager.create(CheckItemEntity, { ...original, id: checkItemId(payload.planId, original.code), planId: payload.planId, version: 1, frozenAt: null });
      await manager.insert(CheckItemEntity, copy);
      await this.recordVersion(manager, copy, null);
    }
  }

  /** `plan.frozen`: the plan's draw started, so its items are what the inspections use from now on. */
  async receivePlanFrozen(manager: EntityManager, payload: EventPayloads['plan.frozen']): Promise<void> {
    await manager.update(CheckItemEntity, { planId: payload.planId, department: this.department, frozenAt: IsNull() }, { frozenAt: new Date(payload.frozenAt) });
  }

  private requireAdmin(principal: Principal): void {
    if (principal.department !== this.department || principal.role !== 'DEPARTMENT_ADMIN') {
      throw forbidden(`只有${DEPARTMENT_NAMES[this.department].full}的管理员可以维护本部门的检查事项`);
    }
  }

  /** Frozen by the office's draw (event), or in use: a record of this plan exists here already. */
  private async assertNotFrozen(manager: EntityManager, planId: string): Promise<void> {
    const frozen = await manager.createQueryBuilder(CheckItemEntity, 'item').where('item.plan_id = :planId AND item.frozen_at IS NOT NULL', { planId }).getExists();
    if (frozen || (await manager.existsBy(SectionEntity, { planId }))) throw conflict(FROZEN_MESSAGE);
  }

  private async recordVersion(manager: EntityManager, item: CheckItemEntity, by: string | null): Promise<void> {
    await manager.insert(CheckItemVersionEntity, {
      id: versionId(item.id, item.version),
      checkItemId: item.id,
      planId: item.planId,
      code: item.code,
      version: item.version,
      title: item.title,
      legalBasis: item.legalBasis,
      order: item.order,
      legalReviewPending: item.legalReviewPending,
      createdAt: new Date(),
      createdBy: by,
    });
  }
}

/** The next free code of the department's letter: C8 after C1..C7. */
function nextCode(department: Department, items: CheckItemEntity[]): string {
  const letter = department === 'culture' ? 'C' : department === 'market' ? 'M' : 'F';
  const used = items.map((item) => Number(item.code.slice(1))).filter(Number.isFinite);
  return `${letter}${Math.max(0, ...used) + 1}`;
}

