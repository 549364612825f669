import { describe, expect, it } from '@jest/globals';
import { downscaledSize, farEnough, fitScale, inkBounds, padBox, signatureProblem, smoothPath } from './signature-geometry';

/** An RGBA buffer with ink (alpha 255) at the given pixels. */
function canvasWith(width: number, height: number, ink: [number, number, number?][]): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (const [x, y, alpha = 255] of ink) data[(y * width + x) * 4 + 3] = alpha;
  return data;
}

describe('signature pad: what counts as ink (R-VISIT-3 signatures)', () => {
  it('finds no ink on an empty pad, so an empty pad cannot be confirmed', () => {
    const sut = inkBounds(canvasWith(40, 30, []), 40, 30);
    expect(sut).toBeNull();
    expect(signatureProblem(sut)).toBe('empty');
  });

  it('ignores the faint haze of anti-aliasing below the threshold', () => {
    expect(inkBounds(canvasWith(40, 30, [[5, 5, 3]]), 40, 30)).toBeNull();
  });

  it('trims to the smallest box around every inked pixel', () => {
    const sut = inkBounds(canvasWith(100, 50, [[10, 20], [60, 5], [30, 44], [12, 30]]), 100, 50);
    expect(sut).toEqual({ x: 10, y: 5, width: 51, height: 40 });
  });

  it('handles ink on the edges of the canvas', () => {
    expect(inkBounds(canvasWith(10, 10, [[0, 0], [9, 9]]), 10, 10)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(inkBounds(canvasWith(10, 10, [[9, 3]]), 10, 10)).toEqual({ x: 9, y: 3, width: 1, height: 1 });
  });

  it('pads the box for the round pen ends without leaving the canvas', () => {
    expect(padBox({ x: 2, y: 30, width: 10, height: 10 }, 8, 100, 45)).toEqual({ x: 0, y: 22, width: 20, height: 23 });
  });

  it('refuses a stray tap as too small, measured in CSS pixels whatever the screen density', () => {
    expect(signatureProblem({ x: 0, y: 0, width: 10, height: 8 }, 1)).toBe('too-small');
    expect(signatureProblem({ x: 0, y: 0, width: 30, height: 24 }, 3)).toBe('too-small');
    expect(signatureProblem({ x: 0, y: 0, width: 90, height: 20 }, 3)).toBeNull();
  });
});

describe('signature pad: smooth strokes of one width', () => {
  it('draws a tap as a dot and two samples as a line', () => {
    expect(smoothPath([{ x: 1, y: 1 }])).toEqual([{ kind: 'dot', at: { x: 1, y: 1 } }]);
    expect(smoothPath([{ x: 0, y: 0 }, { x: 4, y: 0 }]).map((step) => step.kind)).toEqual(['move', 'line']);
  });

  it('curves through the midpoints with the samples as control points, ending at the last sample', () => {
    const sut = smoothPath([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 10 },
    ]);
    expect(sut).toEqual([
      { kind: 'move', to: { x: 0, y: 0 } },
      { kind: 'line', to: { x: 5, y: 0 } },
      { kind: 'quad', control: { x: 10, y: 0 }, to: { x: 10, y: 5 } },
      { kind: 'quad', control: { x: 10, y: 10 }, to: { x: 15, y: 10 } },
      { kind: 'line', to: { x: 20, y: 10 } },
    ]);
  });

  it('drops samples closer than the jitter distance', () => {
    expect(farEnough(undefined, { x: 0, y: 0 })).toBe(true);
    expect(farEnough({ x: 0, y: 0 }, { x: 1, y: 0.5 })).toBe(false);
    expect(farEnough({ x: 0, y: 0 }, { x: 2, y: 0 })).toBe(true);
  });

  it('keeps strokes unstretched when the phone turns: one uniform scale that fits', () => {
    expect(fitScale({ width: 328, height: 220 }, { width: 600, height: 170 })).toBeCloseTo(170 / 220);
    expect(fitScale({ width: 600, height: 170 }, { width: 328, height: 220 })).toBeCloseTo(328 / 600);
    expect(fitScale({ width: 0, height: 0 }, { width: 328, height: 220 })).toBe(1);
  });
});

describe('stamp photo downscaling', () => {
  it('brings the longer side down to the limit and keeps the aspect ratio', () => {
    expect(downscaledSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(downscaledSize(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(downscaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});
