import { isValidRegistrationNumber } from './directory';

/** The check digit of 14 digits by ISO 7064 MOD 11,10, written out as the standard's table describes it. */
function checkDigit(first14: string): string {
  let p = 10;
  for (const digit of first14) {
    const s = ((p + Number(digit)) % 10) || 10;
    p = (2 * s) % 11;
  }
  return String((11 - p) % 10);
}

describe('legacy 15-digit registration numbers (GB/T 17710 MOD 11,10)', () => {
  const samples = ['41040300000001', '44030110309741', '11000000000000', '41040300012345'].map((body) => body + checkDigit(body));

  it.each(samples)('accepts %s', (number) => {
    expect(isValidRegistrationNumber(number)).toBe(true);
  });

  it('refuses every single-digit change of a valid number, and wrong lengths or characters', () => {
    for (const valid of samples) {
      for (let i = 0; i < 15; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === valid[i]) continue;
          expect(isValidRegistrationNumber(valid.slice(0, i) + d + valid.slice(i + 1))).toBe(false);
        }
      }
    }
    expect(isValidRegistrationNumber('44030110309741')).toBe(false);
    expect(isValidRegistrationNumber('44030110309741X')).toBe(false);
  });
});
