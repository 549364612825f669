import { validateUscc, isWithinWindow, PLAN_2022 } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues, WEIDONG_STREETS } from './index';

describe('demo data', () => {
  it('has at least 60 venues over every street, each with a valid USCC', () => {
    const venues = demoVenues();
    expect(venues.length).toBeGreaterThanOrEqual(60);
    expect(new Set(venues.map((v) => v.street))).toEqual(new Set(WEIDONG_STREETS.map((s) => s.name)));
    for (const venue of venues) expect(validateUscc(venue.uscc)).toEqual({ valid: true, code: venue.uscc });
    expect(new Set(venues.map((v) => v.uscc)).size).toBe(venues.length);
  });

  it('has at least 10 culture, 8 market and 8 fire officers with distinct certificate numbers', () => {
    const inspectors = demoInspectors();
    const count = (d: string) => inspectors.filter((i) => i.department === d).length;
    expect(count('culture')).toBeGreaterThanOrEqual(10);
    expect(count('market')).toBeGreaterThanOrEqual(8);
    expect(count('fire')).toBeGreaterThanOrEqual(8);
    expect(new Set(inspectors.map((i) => i.certificateNumber)).size).toBe(inspectors.length);
  });

  it('lays demo inspections inside the plan window with a culture leader (R-PLAN-2, R-DRAW-2)', () => {
    const inspectors = new Map(demoInspectors().map((i) => [i.id, i]));
    for (const inspection of demoInspections()) {
      expect(isWithinWindow(inspection.scheduledDate, PLAN_2022)).toBe(true);
      expect(inspectors.get(inspection.leaderId)?.department).toBe('culture');
      expect(new Set([inspection.leaderId, ...inspection.memberIds]).size).toBe(1 + inspection.memberIds.length);
    }
  });
});
