/** A point of a stroke in CSS pixels of the pad. */
export interface StrokePoint {
  x: number;
  y: number;
}

/** One stroke: the points of one touch or mouse drag, in order. */
export type Stroke = readonly StrokePoint[];

/** A rectangle in pixels (of whatever grid it was measured on). */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One drawing step of a smoothed stroke: a move, a dot, or a quadratic curve to `to` through `control`. */
export type PathStep =
  | { kind: 'move'; to: StrokePoint }
  | { kind: 'dot'; at: StrokePoint }
  | { kind: 'line'; to: StrokePoint }
  | { kind: 'quad'; control: StrokePoint; to: StrokePoint };

const midpoint = (a: StrokePoint, b: StrokePoint): StrokePoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * A stroke as smooth curves: quadratic Béziers from midpoint to midpoint with the sampled points as
 * control points, so the line passes smoothly where the finger went without the corners of a
 * polyline. The pen has one width (no pressure): signatures look the same from every device.
 * @param stroke - the sampled points
 */
export function smoothPath(stroke: Stroke): PathStep[] {
  if (stroke.length === 0) return [];
  if (stroke.length === 1) return [{ kind: 'dot', at: stroke[0] }];
  const steps: PathStep[] = [{ kind: 'move', to: stroke[0] }];
  if (stroke.length === 2) return [...steps, { kind: 'line', to: stroke[1] }];
  steps.push({ kind: 'line', to: midpoint(stroke[0], stroke[1]) });
  for (let i = 1; i < stroke.length - 1; i++) {
    steps.push({ kind: 'quad', control: stroke[i], to: midpoint(stroke[i], stroke[i + 1]) });
  }
  steps.push({ kind: 'line', to: stroke[stroke.length - 1] });
  return steps;
}

/**
 * Whether a new sample is far enough from the last one to keep: a finger resting on glass reports
 * jitter that would otherwise make blots.
 * @param last - the last kept point
 * @param next - the new sample
 * @param minDistance - in CSS pixels
 */
export function farEnough(last: StrokePoint | undefined, next: StrokePoint, minDistance = 1.5): boolean {
  if (!last) return true;
  return Math.hypot(next.x - last.x, next.y - last.y) >= minDistance;
}

/**
 * The smallest box holding every pixel with ink (alpha above `alphaThreshold`), or null on an empty
 * pad. Reads RGBA bytes as `ImageData.data` holds them; the pad always draws on a transparent
 * canvas, so ink is whatever is not fully transparent.
 * @param rgba - width × height × 4 bytes
 * @param width - pixels per row
 * @param height - rows
 * @param alphaThreshold - alpha at or below which a pixel counts as empty (anti-aliasing haze)
 */
export function inkBounds(rgba: ArrayLike<number>, width: number, height: number, alphaThreshold = 8): PixelBox | null {
  let top = -1;
  for (let y = 0; y < height && top < 0; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3] > alphaThreshold) {
        top = y;
        break;
      }
    }
  }
  if (top < 0) return null;
  let bottom = top;
  for (let y = height - 1; y > top; y--) {
    let found = false;
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3] > alphaThreshold) {
        found = true;
        break;
      }
    }
    if (found) {
      bottom = y;
      break;
    }
  }
  let left = width;
  let right = -1;
  for (let y = top; y <= bottom; y++) {
    const row = y * width;
    for (let x = 0; x < left; x++) {
      if (rgba[(row + x) * 4 + 3] > alphaThreshold) {
        left = x;
        break;
      }
    }
    for (let x = width - 1; x > right; x--) {
      if (rgba[(row + x) * 4 + 3] > alphaThreshold) {
        right = x;
        break;
      }
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * The ink box grown by a margin and kept inside the canvas, so the exported image does not cut the
 * round ends of the pen.
 * @param box - from {@link inkBounds}
 * @param padding - pixels added on every side
 * @param width - canvas width
 * @param height - canvas height
 */
export function padBox(box: PixelBox, padding: number, width: number, height: number): PixelBox {
  const x = Math.max(0, box.x - padding);
  const y = Math.max(0, box.y - padding);
  const right = Math.min(width, box.x + box.width + padding);
  const bottom = Math.min(height, box.y + box.height + padding);
  return { x, y, width: right - x, height: bottom - y };
}

/** Why a pad cannot be confirmed yet, or null when it can. */
export type SignatureProblem = 'empty' | 'too-small';

/**
 * Checks that there is a signature: some ink, and not just a dot or a short tick (a stray tap is
 * not a signature).
 * @param box - the ink box in canvas pixels, null when nothing is drawn
 * @param pixelRatio - canvas pixels per CSS pixel
 * @param minExtent - in CSS pixels, the least the ink must span one way or the other
 */
export function signatureProblem(box: PixelBox | null, pixelRatio = 1, minExtent = 16): SignatureProblem | null {
  if (!box) return 'empty';
  return Math.max(box.width, box.height) / pixelRatio < minExtent ? 'too-small' : null;
}

/**
 * Scales a stroke set made on a pad of one size onto a pad of another size (a phone turned to
 * landscape and back), uniformly and anchored at the top left, so nothing is stretched.
 * @param from - the pad size the strokes were drawn on
 * @param to - the pad size now
 */
export function fitScale(from: { width: number; height: number }, to: { width: number; height: number }): number {
  if (from.width <= 0 || from.height <= 0) return 1;
  return Math.min(to.width / from.width, to.height / from.height);
}

/**
 * The size an image gets when its longer side is brought down to `maxSide` (never enlarged).
 * @param width - original width
 * @param height - original height
 * @param maxSide - the longest side allowed, e.g. 1600 for a stamp photo
 */
export function downscaledSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
