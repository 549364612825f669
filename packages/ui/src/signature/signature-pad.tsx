import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import {
  downscaledSize,
  farEnough,
  fitScale,
  inkBounds,
  padBox,
  signatureProblem,
  smoothPath,
  type SignatureProblem,
  type Stroke,
  type StrokePoint,
} from './signature-geometry';

/** What a confirmed pad gives: the signature cut to its ink, as a PNG data URL. */
export interface SignatureImage {
  /** `data:image/png;base64,…` */
  dataUrl: string;
  width: number;
  height: number;
}

/** Props of {@link SignaturePad}. */
export interface SignaturePadProps {
  /** Called with the trimmed PNG when the user confirms a pad that holds a signature. */
  onConfirm: (signature: SignatureImage) => void;
  /** `white` for documents printed on paper (default), `transparent` to lay the signature over a form. */
  background?: 'white' | 'transparent';
  /** Height of the pad in CSS pixels; a phone in landscape gets less so the buttons stay on screen. */
  height?: number;
  /** Shown faintly in the empty pad, e.g. `请检查人员在框内签名`. */
  placeholder?: string;
  /** Text of the confirm button. */
  confirmText?: string;
  /** The confirm button spins (the parent is saving). */
  confirming?: boolean;
  disabled?: boolean;
  /** `data-testid` of the canvas; buttons get `-clear`, `-undo`, `-confirm`, the warning `-error`. */
  testId?: string;
}

const PEN_WIDTH = 2.6;
const PEN_COLOR = '#111';
/** Exported signatures need no more than this: they are printed a few centimetres wide. */
const MAX_EXPORT_SIDE = 1200;

const PROBLEM_TEXT: Record<SignatureProblem, string> = {
  empty: '请先在框内签名',
  'too-small': '签名过小，请清除后重新签名',
};

interface PadSize {
  width: number;
  height: number;
}

function strokeOn(ctx: CanvasRenderingContext2D, stroke: Stroke, scale: number): void {
  const steps = smoothPath(stroke);
  ctx.beginPath();
  for (const step of steps) {
    if (step.kind === 'dot') {
      ctx.arc(step.at.x * scale, step.at.y * scale, (PEN_WIDTH * scale) / 2, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    if (step.kind === 'move') ctx.moveTo(step.to.x * scale, step.to.y * scale);
    else if (step.kind === 'line') ctx.lineTo(step.to.x * scale, step.to.y * scale);
    else ctx.quadraticCurveTo(step.control.x * scale, step.control.y * scale, step.to.x * scale, step.to.y * scale);
  }
  ctx.stroke();
}

function preparePen(ctx: CanvasRenderingContext2D, scale: number): void {
  ctx.lineWidth = PEN_WIDTH * scale;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = PEN_COLOR;
  ctx.fillStyle = PEN_COLOR;
}

/**
 * The ink of a canvas cut to its bounding box (plus a margin), optionally on white, as a PNG.
 * Returns the problem instead when there is no signature to export.
 */
function exportInk(canvas: HTMLCanvasElement, background: 'white' | 'transparent', pixelRatio: number): SignatureImage | SignatureProblem {
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) return 'empty';
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const ink = inkBounds(pixels.data, canvas.width, canvas.height);
  const problem = signatureProblem(ink, pixelRatio);
  if (problem || !ink) return problem ?? 'empty';
  const box = padBox(ink, Math.round(8 * pixelRatio), canvas.width, canvas.height);
  const size = downscaledSize(box.width, box.height, MAX_EXPORT_SIDE);
  const out = document.createElement('canvas');
  out.width = size.width;
  out.height = size.height;
  const outCtx = out.getContext('2d');
  if (!outCtx) return 'empty';
  if (background === 'white') {
    outCtx.fillStyle = '#fff';
    outCtx.fillRect(0, 0, size.width, size.height);
  }
  outCtx.imageSmoothingQuality = 'high';
  outCtx.drawImage(canvas, box.x, box.y, box.width, box.height, 0, 0, size.width, size.height);
  return { dataUrl: out.toDataURL('image/png'), width: size.width, height: size.height };
}

/**
 * A pad to sign on with a finger, a stylus or a mouse (pointer events), on a phone held either way.
 * Strokes are smoothed curves of one width; turning the phone keeps them, scaled to fit. 确认签名
 * refuses an empty pad (or a stray tap) and hands over the signature trimmed to its ink as a PNG.
 */
export function SignaturePad({
  onConfirm,
  background = 'white',
  height = 220,
  placeholder = '请在框内签名',
  confirmText = '确认签名',
  confirming = false,
  disabled = false,
  testId = 'signature-pad',
}: SignaturePadProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** Strokes in the coordinates of the pad size they were started on ({@link drawnOn}). */
  const strokes = useRef<StrokePoint[][]>([]);
  const drawnOn = useRef<PadSize | null>(null);
  const size = useRef<PadSize>({ width: 0, height: 0 });
  const ratio = useRef(1);
  const activePointer = useRef<number | null>(null);
  const [strokeCount, setStrokeCount] = useState(0);
  const [problem, setProblem] = useState<SignatureProblem | null>(null);

  const scale = () => (drawnOn.current ? fitScale(drawnOn.current, size.current) : 1);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.setTransform(ratio.current, 0, 0, ratio.current, 0, 0);
    ctx.clearRect(0, 0, size.current.width, size.current.height);
    const factor = drawnOn.current ? fitScale(drawnOn.current, size.current) : 1;
    preparePen(ctx, factor);
    for (const stroke of strokes.current) strokeOn(ctx, stroke, factor);
  }, []);

  // The backing store follows the pad's size and the screen's pixel ratio (sharp lines on phones).
  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) return;
    const fit = () => {
      const rect = box.getBoundingClientRect();
      const pixelRatio = Math.min(3, window.devicePixelRatio || 1);
      size.current = { width: rect.width, height: rect.height };
      ratio.current = pixelRatio;
      canvas.width = Math.max(1, Math.round(rect.width * pixelRatio));
      canvas.height = Math.max(1, Math.round(rect.height * pixelRatio));
      redraw();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [redraw]);

  const pointOf = (event: { clientX: number; clientY: number }): StrokePoint => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const factor = scale();
    return { x: (event.clientX - rect.left) / factor, y: (event.clientY - rect.top) / factor };
  };

  /** Draws the newest piece of the stroke being made, the same curve {@link smoothPath} gives. */
  const drawTail = (stroke: StrokePoint[]) => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const factor = scale();
    preparePen(ctx, factor);
    const n = stroke.length;
    const at = (point: StrokePoint) => [point.x * factor, point.y * factor] as const;
    const mid = (a: StrokePoint, b: StrokePoint) => at({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    ctx.beginPath();
    if (n === 2) {
      ctx.moveTo(...at(stroke[0]));
      ctx.lineTo(...mid(stroke[0], stroke[1]));
    } else if (n > 2) {
      ctx.moveTo(...mid(stroke[n - 3], stroke[n - 2]));
      ctx.quadraticCurveTo(...at(stroke[n - 2]), ...mid(stroke[n - 2], stroke[n - 1]));
    }
    ctx.stroke();
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (disabled || activePointer.current !== null) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    activePointer.current = event.pointerId;
    if (!drawnOn.current || strokes.current.length === 0) drawnOn.current = { ...size.current };
    strokes.current.push([pointOf(event)]);
    setProblem(null);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    const stroke = strokes.current[strokes.current.length - 1];
    const samples = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const sample of samples.length ? samples : [event.nativeEvent]) {
      const point = pointOf(sample);
      if (!farEnough(stroke[stroke.length - 1], point)) continue;
      stroke.push(point);
      drawTail(stroke);
    }
  };

  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    activePointer.current = null;
    // The tail from the last midpoint to the last point (or the dot of a tap) is drawn with the rest.
    redraw();
    setStrokeCount(strokes.current.length);
  };

  const clear = () => {
    strokes.current = [];
    drawnOn.current = null;
    setStrokeCount(0);
    setProblem(null);
    redraw();
  };

  const undo = () => {
    strokes.current.pop();
    setStrokeCount(strokes.current.length);
    setProblem(null);
    redraw();
  };

  const confirm = () => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const result = strokes.current.length ? exportInk(canvas, background, ratio.current) : 'empty';
    if (typeof result === 'string') {
      setProblem(result);
      return;
    }
    setProblem(null);
    onConfirm(result);
  };

  const empty = strokeCount === 0;
  return (
    <Flex vertical gap={8} data-testid={`${testId}-box`}>
      <div
        ref={boxRef}
        style={{
          position: 'relative',
          width: '100%',
          // A phone in landscape is short: the pad shrinks so 确认签名 stays on screen.
          height: `clamp(120px, calc(100vh - 190px), ${height}px)`,
          border: `1px dashed ${problem ? '#ff4d4f' : '#bfbfbf'}`,
          borderRadius: 6,
          background: background === 'white' ? '#fff' : 'repeating-conic-gradient(#fafafa 0% 25%, #fff 0% 50%) 50% / 16px 16px',
          overflow: 'hidden',
        }}
      >
        {empty && (
          <Typography.Text
            type="secondary"
            style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none', fontSize: 16 }}
          >
            {placeholder}
          </Typography.Text>
        )}
        {/* The signing line of a paper form, for scale. */}
        <div style={{ position: 'absolute', left: '8%', right: '8%', bottom: '22%', borderBottom: '1px solid #f0f0f0', pointerEvents: 'none' }} />
        <canvas
          ref={canvasRef}
          data-testid={testId}
          aria-label={placeholder}
          role="img"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', touchAction: 'none', userSelect: 'none', cursor: disabled ? 'not-allowed' : 'crosshair' }}
        />
      </div>
      {problem && (
        <Typography.Text type="danger" data-testid={`${testId}-error`}>
          {PROBLEM_TEXT[problem]}
        </Typography.Text>
      )}
      <Flex gap={8} wrap>
        <Button size="large" icon={<UndoOutlined />} onClick={undo} disabled={disabled || empty} data-testid={`${testId}-undo`}>
          撤销
        </Button>
        <Button size="large" icon={<ClearOutlined />} onClick={clear} disabled={disabled || empty} data-testid={`${testId}-clear`}>
          清除
        </Button>
        <Button size="large" type="primary" onClick={confirm} loading={confirming} disabled={disabled} style={{ flex: 1, minWidth: 120 }} data-testid={`${testId}-confirm`}>
          {confirmText}
        </Button>
      </Flex>
    </Flex>
  );
}
