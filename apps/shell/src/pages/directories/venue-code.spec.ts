import { describe, expect, it } from '@jest/globals';
import { usccCheckCharacter } from '@dr/domain';
import { venueCodeProblem } from './venue-code';

describe('venueCodeProblem mirrors the server (USCC or legacy 15-digit number)', () => {
  const body = '92410403MA44L3XB1';
  const uscc = `${body}${usccCheckCharacter(body)}`;

  it('accepts a USCC with its check character, in any case', () => {
    expect(venueCodeProblem(uscc)).toBeNull();
    expect(venueCodeProblem(` ${uscc.toLowerCase()} `)).toBeNull();
  });

  it('says what is wrong with a bad USCC', () => {
    const wrong = `${body}${usccCheckCharacter(body) === '0' ? '1' : '0'}`;
    expect(venueCodeProblem(wrong)).toMatch(/校验位/);
    expect(venueCodeProblem('12345')).toMatch(/18 位/);
  });

  it('accepts a legacy registration number only with a valid check digit', () => {
    expect(venueCodeProblem('410403000000010')).toBeNull();
    expect(venueCodeProblem('410403000000011')).toMatch(/15 位工商注册号/);
  });
});
