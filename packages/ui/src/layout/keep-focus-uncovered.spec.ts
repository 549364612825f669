import { describe, expect, it } from '@jest/globals';
import { uncoverScroll } from './keep-focus-uncovered';

describe('uncoverScroll: a focused control is never left under a sticky bar (WCAG 2.4.11, issue 14)', () => {
  const header = { top: 0, bottom: 56 };
  const saveBar = { top: 540, bottom: 640 };

  it('scrolls down far enough to lift a control out from under the 保存/提交 bar', () => {
    expect(uncoverScroll({ top: 560, bottom: 600 }, { top: [header], bottom: [saveBar] })).toBe(600 - 540 + 8);
  });

  it('scrolls up to bring a control out from under the top bar', () => {
    expect(uncoverScroll({ top: 30, bottom: 70 }, { top: [header], bottom: [saveBar] })).toBe(30 - 56 - 8);
  });

  it('leaves a control alone that no bar overlaps, also one below a bar that is no longer stuck', () => {
    expect(uncoverScroll({ top: 200, bottom: 240 }, { top: [header], bottom: [saveBar] })).toBe(0);
    expect(uncoverScroll({ top: 700, bottom: 740 }, { top: [header], bottom: [saveBar] })).toBe(0);
  });
});
