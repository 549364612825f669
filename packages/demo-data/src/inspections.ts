import { PLAN_2022 } from '@dr/domain';
import { demoId } from './ids';
import { demoInspectors } from './people';
import { demoVenues } from './venues';

/** A demo inspection with its team: a culture leader, market and fire members (R-DRAW-2 shape). */
export interface DemoInspection {
  id: string;
  planId: string;
  venueId: string;
  scheduledDate: string;
  leaderId: string;
  memberIds: string[];
}

/**
 * A handful of inspections so the screens are not empty. These are laid out by hand, not drawn:
 * the verifiable draw (R-DRAW-3) creates real ones.
 */
export function demoInspections(count = 6): DemoInspection[] {
  const venues = demoVenues();
  const inspectors = demoInspectors();
  const of = (department: string) => inspectors.filter((i) => i.department === department);
  const [culture, market, fire] = [of('culture'), of('market'), of('fire')];
  return Array.from({ length: count }, (_, i) => ({
    id: demoId('inspection', i + 1),
    planId: PLAN_2022.id,
    venueId: venues[(i * 7) % venues.length].id,
    scheduledDate: `2022-${String(8 + Math.floor(i / 2)).padStart(2, '0')}-${String(10 + (i % 2) * 8)}`,
    leaderId: culture[i % culture.length].id,
    memberIds: [culture[(i + 1) % culture.length].id, market[i % market.length].id, market[(i + 1) % market.length].id, fire[i % fire.length].id, fire[(i + 1) % fire.length].id],
  }));
}
