import fc from 'fast-check';
import { nodeSha256 } from '../sha256-node';
import { DrawError } from './errors';
import { eligibleVenues, selectVenues } from './select';
import { staffingProblems } from './staffing-check';
import { formTeams } from './teams';
import type { DrawParameters, InspectorRecord, VenueRecord } from './types';

const venue = (i: number): VenueRecord => ({ id: `v${i}`, street: '东安路街道', status: 'OPERATING', riskClass: 'B', lastInspection: null });
const officer = (department: InspectorRecord['department'], i: number, conflictVenueIds: string[] = []): InspectorRecord => ({
  id: `${department}-${i}`,
  department,
  certificateValidFrom: '2020-01-01',
  certificateValidUntil: '2030-12-31',
  onLeave: false,
  conflictVenueIds,
});
const parameters = (perDepartment: DrawParameters['officersPerDepartment'], count: number): DrawParameters => ({
  planId: 'p',
  batch: '第一批',
  streets: [],
  excludeNotOperating: true,
  recentInspectionDays: 0,
  asOf: '2022-08-01',
  strata: [{ riskClass: 'B', count }],
  visitPeriod: { start: '2022-08-01', end: '2022-08-31' },
  leadDepartment: 'culture',
  officersPerDepartment: perDepartment,
});

/** What the reveal would do with this seed: the teams, or the failure. */
function reveal(seed: string, venues: VenueRecord[], inspectors: InspectorRecord[], p: DrawParameters): 'ok' | 'NOT_ENOUGH_OFFICERS' {
  const drawn = selectVenues(nodeSha256, seed, eligibleVenues(venues, p), p).flatMap((s) => s.venueIds);
  try {
    formTeams(nodeSha256, seed, drawn, inspectors, p);
    return 'ok';
  } catch (error) {
    if (error instanceof DrawError && error.code === 'NOT_ENOUGH_OFFICERS') return 'NOT_ENOUGH_OFFICERS';
    throw error;
  }
}

describe('R-DRAW-2 staffing dry run before the commitment', () => {
  it('10 market officers per team when 7 exist: refused before anything is published, for every venue', () => {
    const inspectors = [...[1, 2, 3].map((i) => officer('culture', i)), ...[1, 2, 3, 4, 5, 6, 7].map((i) => officer('market', i))];
    const p = parameters({ culture: 2, market: 10 }, 3);
    expect(staffingProblems([1, 2, 3, 4].map(venue), inspectors, p)).toEqual([{ venueId: null, department: 'market', needed: 10, available: 7 }]);
  });

  it('names the venue whose declared conflicts leave too few officers, only when it could be drawn', () => {
    const inspectors = [officer('culture', 1), officer('culture', 2), officer('fire', 1, ['v2']), officer('fire', 2)];
    const p = parameters({ culture: 1, fire: 2 }, 1);
    expect(staffingProblems([1, 2].map(venue), inspectors, p)).toEqual([{ venueId: 'v2', department: 'fire', needed: 2, available: 1 }]);
    expect(staffingProblems([1, 2].map(venue), inspectors, { ...p, streets: ['别的街道'] })).toEqual([]);
  });

  it('an empty answer means no seed can make the reveal fail for want of officers; a problem means some seed does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })), { maxLength: 5 }),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')), { minLength: 8, maxLength: 8 }),
        (venueCount, marketOfficers, perTeam, conflicts, seeds) => {
          const venues = Array.from({ length: venueCount }, (_, i) => venue(i + 1));
          const inspectors = [
            officer('culture', 1),
            officer('culture', 2),
            ...Array.from({ length: marketOfficers }, (_, i) => officer('market', i + 1, conflicts.filter(([o]) => o === i + 1).map(([, v]) => `v${v}`))),
          ];
          const p = parameters({ culture: 1, market: perTeam }, venueCount);
          // Every venue is drawn (count = all), so the dry run and the reveal look at the same venues.
          const outcomes = seeds.map((seed) => reveal(seed, venues, inspectors, p));
          expect(outcomes.every((o) => o === 'ok')).toBe(staffingProblems(venues, inspectors, p).length === 0);
        },
      ),
    );
  });
});
