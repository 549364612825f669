import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isIsoDate, mayManageOffice, type Principal } from '@dr/domain';
import { badInput, conflict, forbidden, notFound } from '@dr/subgraph-kit';
import { Inspector } from './inspector.entity';
import { InspectorConflict } from './conflict.entity';
import { Venue } from '../venue/venue.entity';
import type { InspectorInput } from './dtos/inspector.input';

/**
 * The inspector directory (执法检查人员名录库): each department keeps its own officers (its admin),
 * the joint office may keep them all.
 */
export class InspectorService {
  constructor(private readonly dataSource: DataSource) {}

  private mayKeep(principal: Principal, department: string): boolean {
    return mayManageOffice(principal) || (principal.role === 'DEPARTMENT_ADMIN' && principal.department === department);
  }

  async create(input: InspectorInput, principal: Principal): Promise<Inspector> {
    if (!this.mayKeep(principal, input.department)) throw forbidden('只能维护本部门的执法检查人员');
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await manager.insert(Inspector, { id, ...(await this.checked(manager, input, null)) });
      await this.replaceConflicts(manager, id, input);
      return manager.findOneByOrFail(Inspector, { id });
    });
  }

  async update(id: string, input: InspectorInput, principal: Principal): Promise<Inspector> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(Inspector, { id });
      if (!existing) throw notFound('执法检查人员', id);
      // Both the officer's current and new department must be the caller's own.
      if (!this.mayKeep(principal, existing.department) || !this.mayKeep(principal, input.department)) throw forbidden('只能维护本部门的执法检查人员');
      await manager.update(Inspector, { id }, await this.checked(manager, input, id));
      await this.replaceConflicts(manager, id, input);
      return manager.findOneByOrFail(Inspector, { id });
    });
  }

  private async checked(manager: EntityManager, input: InspectorInput, id: string | null) {
    if (!isIsoDate(input.certificateValidFrom)) throw badInput('certificateValidFrom', `“${input.certificateValidFrom}”不是有效日期`);
    if (!isIsoDate(input.certificateValidUntil)) throw badInput('certificateValidUntil', `“${input.certificateValidUntil}”不是有效日期`);
    if (input.certificateValidUntil < input.certificateValidFrom) throw badInput('certificateValidUntil', '执法证有效期止不能早于有效期起');
    const name = input.name.trim();
    if (!name) throw badInput('name', '姓名不能为空');
    const certificateNumber = input.certificateNumber.trim();
    if (!certificateNumber) throw badInput('certificateNumber', '执法证号不能为空');
    const clash = await manager.findOneBy(Inspector, { certificateNumber });
    if (clash && clash.id !== id) throw conflict(`执法证号 ${certificateNumber} 已属于 ${clash.name}`, { field: 'certificateNumber', inspectorId: clash.id });
    return {
      name,
      department: input.department,
      certificateNumber,
      certificateValidFrom: input.certificateValidFrom,
      certificateValidUntil: input.certificateValidUntil,
      status: input.status,
      expertise: [...new Set(input.expertise.map((e) => e.trim()).filter(Boolean))],
    };
  }

  private async replaceConflicts(manager: EntityManager, inspectorId: string, input: InspectorInput): Promise<void> {
    const venueIds = [...new Set(input.conflicts.map((c) => c.venueId))];
    if (venueIds.length !== input.conflicts.length) throw badInput('conflicts', '同一检查对象只需申报一次回避');
    const found = await manager.countBy(Venue, { id: In(venueIds.length ? venueIds : ['-']) });
    if (found !== venueIds.length) throw badInput('conflicts', '回避申报中有不存在的检查对象');
    await manager.delete(InspectorConflict, { inspectorId });
    if (input.conflicts.length) {
      await manager.insert(InspectorConflict, input.conflicts.map((c) => ({ id: randomUUID(), inspectorId, venueId: c.venueId, relation: c.relation.trim(), reason: c.reason.trim() })));
    }
  }
}
