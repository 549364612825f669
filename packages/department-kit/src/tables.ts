import type { DataSourceSpec } from '@dr/subgraph-kit';
import type { Department } from '@dr/domain';
import type { DepartmentExtension } from './extension/department-extension';
import { IdempotentRequest, InboxEventEntity, OutboxEventEntity } from '@dr/subgraph-kit';
import { DepartmentEvents1700000000010 } from './migrations/1700000000010-department-events';
import { CheckItemEntity, CheckItemVersionEntity, EvidenceEntity, EvidenceRemovalEntity, OrderEntity, SectionChangeEntity, SectionEntity, SectionItemEntity } from './entities';
import { DepartmentInitial1700000000001 } from './migrations/1700000000001-department-initial';
import { DepartmentVisit1700000000004 } from './migrations/1700000000004-department-visit';
import { EvidencePerItem1700000000005 } from './migrations/1700000000005-evidence-per-item';
import { ResultChangeEntity, ResultEntity } from './results/result.entity';
import { DepartmentResults1700000000011 } from './results/department-results.migration';
import { ReferralReceivedEntity, ReferralSentEntity } from './referrals/referral.entity';
import { DepartmentReferrals1700000000020 } from './referrals/department-referrals.migration';
import { FollowUpEntity } from './follow-ups/follow-up.entity';
import { DepartmentFollowUps1700000000021 } from './follow-ups/department-follow-ups.migration';
import { DepartmentCalendarYearEntity } from './calendar/calendar-year.entity';
import { DepartmentCalendarYears1700000000022 } from './calendar/department-calendar-years.migration';
import { AuditEntryEntity, AuditHeadEntity } from '@dr/subgraph-kit';
import { DepartmentAuditTrail1700000000030 } from './migrations/1700000000030-department-audit-trail';
import { CheckItemVersions1700000000032 } from './check-items/check-item-versions.migration';
import { checkItems2022Migration } from './check-items/check-items-2022.migration';
import { BriefingEntity } from './reports/briefing.entity';
import { DepartmentReports1700000000034 } from './reports/department-reports.migration';

/** Every department subgraph has these tables in its own database. */
export const DEPARTMENT_ENTITIES = [CheckItemEntity, SectionEntity, SectionItemEntity, OrderEntity, EvidenceEntity, EvidenceRemovalEntity, SectionChangeEntity, IdempotentRequest, OutboxEventEntity, InboxEventEntity, ResultEntity, ResultChangeEntity, ReferralSentEntity, ReferralReceivedEntity, FollowUpEntity, DepartmentCalendarYearEntity, CheckItemVersionEntity, AuditEntryEntity, AuditHeadEntity, BriefingEntity];
export const DEPARTMENT_MIGRATIONS = [DepartmentInitial1700000000001, DepartmentVisit1700000000004, EvidencePerItem1700000000005, DepartmentEvents1700000000010, DepartmentResults1700000000011, DepartmentReferrals1700000000020, DepartmentFollowUps1700000000021, DepartmentCalendarYears1700000000022, DepartmentAuditTrail1700000000030, CheckItemVersions1700000000032, DepartmentReports1700000000034];

/**
 * A department's database: the kit's tables and migrations, then the department's own (ADR 0014), whose
 * migrations run after the kit's so they may read or alter its tables.
 */
export function departmentDataSourceSpec(department: Department, extension: DepartmentExtension): DataSourceSpec {
  return {
    name: department,
    entities: [...DEPARTMENT_ENTITIES, ...(extension.entities ?? [])],
    // The 2022 plan's items are reference data of this department (real, loaded with or without demo data).
    migrations: [...DEPARTMENT_MIGRATIONS, checkItems2022Migration(department), ...(extension.migrations ?? [])],
  };
}
