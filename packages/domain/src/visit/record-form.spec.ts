import { missingSigners, refusalNoteSigned } from './record-form';
import { slotsOverlap, isClockTime } from './measures';

describe('R-VISIT-3 officers signing the record form', () => {
  const departments = ['culture', 'market', 'fire'] as const;
  it('needs the leader and an officer of every department', () => {
    expect(missingSigners(departments, [])).toEqual(['leader', 'culture', 'market', 'fire']);
    const leader = { inspectorId: 'a', department: 'culture' as const, leader: true };
    const market = { inspectorId: 'b', department: 'market' as const, leader: false };
    expect(missingSigners(departments, [leader, market])).toEqual(['fire']);
    expect(missingSigners(departments, [leader, market, { inspectorId: 'c', department: 'fire', leader: false }])).toEqual([]);
  });

  it('the refusal note needs the leader and one more officer', () => {
    const leader = { inspectorId: 'a', department: 'culture' as const, leader: true };
    expect(refusalNoteSigned([leader])).toBe(false);
    expect(refusalNoteSigned([leader, { inspectorId: 'b', department: 'fire', leader: false }])).toBe(true);
    expect(refusalNoteSigned([{ inspectorId: 'b', department: 'fire', leader: false }, { inspectorId: 'c', department: 'market', leader: false }])).toBe(false);
  });
});

describe('visit slots', () => {
  it('overlap only on the same day when the times cross', () => {
    const a = { date: '2022-08-10', startTime: '09:00', endTime: '11:00' };
    expect(slotsOverlap(a, { date: '2022-08-10', startTime: '10:30', endTime: '12:00' })).toBe(true);
    expect(slotsOverlap(a, { date: '2022-08-10', startTime: '11:00', endTime: '12:00' })).toBe(false);
    expect(slotsOverlap(a, { date: '2022-08-11', startTime: '09:00', endTime: '11:00' })).toBe(false);
  });
  it('reads 24-hour clock times', () => {
    expect(['00:00', '09:30', '23:59'].every(isClockTime)).toBe(true);
    expect(['24:00', '9:30', '09:60', ''].some(isClockTime)).toBe(false);
  });
});
