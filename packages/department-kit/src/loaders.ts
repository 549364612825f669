import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { createGroupLoader, type RequestContext } from '@dr/subgraph-kit';
import { CheckItemEntity, EvidenceEntity, OrderEntity, SectionChangeEntity, SectionEntity, SectionItemEntity } from './entities';
import { ResultChangeEntity, ResultEntity } from './results/result.entity';
import { ReferralSentEntity } from './referrals/referral.entity';

export interface DepartmentLoaders {
  checkItemsByPlan: DataLoader<string, CheckItemEntity[]>;
  sectionsByInspection: DataLoader<string, SectionEntity[]>;
  itemsBySection: DataLoader<string, SectionItemEntity[]>;
  ordersBySection: DataLoader<string, OrderEntity[]>;
  evidenceByInspection: DataLoader<string, EvidenceEntity[]>;
  amendmentsBySection: DataLoader<string, SectionChangeEntity[]>;
  resultByInspection: DataLoader<string, ResultEntity | null>;
  resultChangesByResult: DataLoader<string, ResultChangeEntity[]>;
  referralsSentByInspection: DataLoader<string, ReferralSentEntity[]>;
}

export type DepartmentContext = RequestContext<DepartmentLoaders>;

/** One statement per kind of row per request, however many inspections a query asks for. */
export function createDepartmentLoaders(dataSource: DataSource): DepartmentLoaders {
  return {
    checkItemsByPlan: createGroupLoader(dataSource, CheckItemEntity, 'planId', { order: 'ASC' }),
    sectionsByInspection: createGroupLoader(dataSource, SectionEntity, 'inspectionId'),
    itemsBySection: createGroupLoader(dataSource, SectionItemEntity, 'sectionId'),
    ordersBySection: createGroupLoader(dataSource, OrderEntity, 'sectionId', { position: 'ASC' }),
    evidenceByInspection: createGroupLoader(dataSource, EvidenceEntity, 'inspectionId', { uploadedAt: 'ASC' }),
    // Only amendments: ordinary saves are many and are read only to explain a conflict.
    amendmentsBySection: new DataLoader(async (sectionIds) => {
      const rows = await dataSource.getRepository(SectionChangeEntity).find({ where: { sectionId: In([...sectionIds]), kind: 'AMEND' }, order: { version: 'ASC' } });
      return sectionIds.map((id) => rows.filter((row) => row.sectionId === id));
    }),
    resultByInspection: new DataLoader(async (inspectionIds) => {
      const rows = await dataSource.getRepository(ResultEntity).findBy({ inspectionId: In([...inspectionIds]) });
      return inspectionIds.map((id) => rows.find((row) => row.inspectionId === id) ?? null);
    }),
    resultChangesByResult: createGroupLoader(dataSource, ResultChangeEntity, 'resultId', { version: 'ASC' }),
    referralsSentByInspection: createGroupLoader(dataSource, ReferralSentEntity, 'inspectionId'),
  };
}
