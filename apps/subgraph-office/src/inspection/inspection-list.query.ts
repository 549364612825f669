import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { mayManageOffice, type Principal } from '@dr/domain';
import { Inspection } from './inspection.entity';
import { Venue } from '../venue/venue.entity';
import { InspectionSort, type InspectionListArgs } from './dtos/inspection-list.args';
import { stageCondition } from '../progress/inspection-stage';

type Filter = Pick<InspectionListArgs, 'stage' | 'status' | 'street' | 'search'>;

/** `LIKE` pattern for "contains", with `!` escaping the wildcards (the same rule as `containsText`). */
const contains = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * The inspections of a plan narrowed by the list's filters, as `viewer` may see them (R-NOTE-1: an
 * undisclosed visit is not "scheduled" for someone who may not see it). The progress figures call the same
 * function, so a number on the dashboard and the list it drills into are one query with and without GROUP BY.
 */
export function filteredInspections(dataSource: DataSource, planId: string, filter: Filter, viewer: Principal): SelectQueryBuilder<Inspection> {
  const query = dataSource
    .getRepository(Inspection)
    .createQueryBuilder('inspection')
    .innerJoin(Venue, 'venue', 'venue.id = inspection.venue_id')
    .where('inspection.plan_id = :planId', { planId })
    .setParameter('viewer', viewer.inspectorId ?? '');
  if (filter.stage) query.andWhere(stageCondition(filter.stage, mayManageOffice(viewer)));
  if (filter.status) query.andWhere('inspection.status = :status', { status: filter.status });
  if (filter.street) query.andWhere('venue.street = :street', { street: filter.street });
  if (filter.search) query.andWhere("(venue.name LIKE :search ESCAPE '!' OR venue.uscc LIKE :search ESCAPE '!')", { search: contains(filter.search) });
  return query;
}

/**
 * Orders the list. By date, inspections without a date come last (they were first before). R-NOTE-1: for a
 * caller who may not see an undisclosed visit's date, it sorts as if unscheduled (as `isVisitHidden`, in SQL).
 */
export function orderInspections(query: SelectQueryBuilder<Inspection>, sort: InspectionSort, principal: Principal): SelectQueryBuilder<Inspection> {
  const visibleDate = mayManageOffice(principal)
    ? 'inspection.scheduled_date'
    : `CASE WHEN inspection.notice_mode = 'UNDISCLOSED' AND NOT EXISTS (SELECT 1 FROM team_member viewer WHERE viewer.inspection_id = inspection.id AND viewer.inspector_id = :viewer) THEN NULL ELSE inspection.scheduled_date END`;
  query.addSelect(visibleDate, 'visible_date').addSelect(`CASE WHEN ${visibleDate} IS NULL THEN 1 ELSE 0 END`, 'undated');
  if (sort === InspectionSort.STREET) query.orderBy('venue.street', 'ASC');
  if (sort === InspectionSort.STATE) query.orderBy('inspection.status', 'ASC');
  return query.addOrderBy('undated', 'ASC').addOrderBy('visible_date', 'ASC').addOrderBy('inspection.id', 'ASC');
}
