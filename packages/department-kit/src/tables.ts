import { IdempotentRequest, InboxEventEntity, OutboxEventEntity } from '@dr/subgraph-kit';
import { DepartmentEvents1700000000010 } from './migrations/1700000000010-department-events';
import { CheckItemEntity, EvidenceEntity, EvidenceRemovalEntity, OrderEntity, SectionChangeEntity, SectionEntity, SectionItemEntity } from './entities';
import { DepartmentInitial1700000000001 } from './migrations/1700000000001-department-initial';
import { DepartmentVisit1700000000004 } from './migrations/1700000000004-department-visit';
import { EvidencePerItem1700000000005 } from './migrations/1700000000005-evidence-per-item';

/** Every department subgraph has these tables in its own database. */
export const DEPARTMENT_ENTITIES = [CheckItemEntity, SectionEntity, SectionItemEntity, OrderEntity, EvidenceEntity, EvidenceRemovalEntity, SectionChangeEntity, IdempotentRequest, OutboxEventEntity, InboxEventEntity];
export const DEPARTMENT_MIGRATIONS = [DepartmentInitial1700000000001, DepartmentVisit1700000000004, EvidencePerItem1700000000005, DepartmentEvents1700000000010];
