import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * A per-request loader of rows by primary key: every `load(id)` of one tick becomes one
 * `WHERE id IN (…)`, so a list of N items costs one statement, not N.
 */
export function createByIdLoader<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A per-request loader of all rows whose `column` equals each key (one statement per tick). */
export function createGroupLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  order?: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [property]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row[property] as string)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
