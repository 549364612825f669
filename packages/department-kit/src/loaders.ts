import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { createGroupLoader, type RequestContext } from '@dr/subgraph-kit';
import { CheckItemEntity, SectionEntity, SectionItemEntity } from './entities';

export interface DepartmentLoaders {
  checkItemsByPlan: DataLoader<string, CheckItemEntity[]>;
  sectionsByInspection: DataLoader<string, SectionEntity[]>;
  itemsBySection: DataLoader<string, SectionItemEntity[]>;
}

export type DepartmentContext = RequestContext<DepartmentLoaders>;

/** One statement per kind of row per request, however many inspections a query asks for. */
export function createDepartmentLoaders(dataSource: DataSource): DepartmentLoaders {
  return {
    checkItemsByPlan: createGroupLoader(dataSource, CheckItemEntity, 'planId', { order: 'ASC' }),
    sectionsByInspection: createGroupLoader(dataSource, SectionEntity, 'inspectionId'),
    itemsBySection: createGroupLoader(dataSource, SectionItemEntity, 'sectionId'),
  };
}
