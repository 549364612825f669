import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { CheckItemDefinition, Department } from '@dr/domain';
import { CheckItemEntity } from './entities';

/** A stable id for a plan's check item, so re-seeding and other environments agree on it. */
export function checkItemId(planId: string, code: string): string {
  const hex = createHash('sha256').update(`check-item:${planId}:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Loads a plan's items of this department once; a plan that already has items is left alone. */
export async function seedCheckItems(dataSource: DataSource, department: Department, planId: string, items: readonly CheckItemDefinition[], logger: Logger): Promise<void> {
  const repository = dataSource.getRepository(CheckItemEntity);
  if ((await repository.countBy({ planId })) > 0) return;
  const own = items.filter((item) => item.department === department);
  await repository.insert(own.map((item) => ({ id: checkItemId(planId, item.code), planId, department, code: item.code, title: item.title, legalBasis: item.legalBasis, order: item.order })));
  logger.info({ planId, items: own.length }, 'seeded check items');
}
