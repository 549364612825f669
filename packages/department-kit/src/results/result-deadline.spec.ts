import { publicationDeadline, workingDaysLeft } from './result-deadline';

describe('R-PUB-1 publication deadline: 20 working days after the visit', () => {
  it('counts working days on the State Council calendar (DOMAIN.md example: signed 2022-09-28 → 2022-10-31)', () => {
    expect(publicationDeadline('2022-09-28')).toBe('2022-10-31');
    // Across 国庆: 10-01..07 off, the weekend 10-08 and 10-09 worked (调休).
    expect(publicationDeadline('2022-09-30')).toBe('2022-11-02');
  });

  it('has no deadline when the calendar lacks a year it needs (R-CAL-2), rather than guessing', () => {
    expect(publicationDeadline('2040-12-20')).toBeNull();
  });

  it('counts down what is left, negative once past', () => {
    expect(workingDaysLeft('2022-09-28', '2022-10-31')).toBe(20);
    expect(workingDaysLeft('2022-11-01', '2022-10-31')).toBe(-1);
    expect(workingDaysLeft('2022-10-31', '2022-10-31')).toBe(0);
  });
});
