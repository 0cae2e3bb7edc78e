import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import { BADGE_IMAGE_PREFIX, HATCH_IMAGE, SPEED_BANDS, SPEED_IMAGE_PREFIX, VERDICT_COLOURS, speedImageId, type Verdict } from './analysis-layers.js';

/** An image in the shape `map.addImage(id, image, { pixelRatio })` takes. */
export interface AnalysisImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixelRatio: number;
}

type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
/** Makes a canvas of the given device-pixel size (a DOM canvas or an OffscreenCanvas). */
export type CanvasFactory = (width: number, height: number) => { getContext(kind: '2d'): Canvas2D | null };

export const domCanvas: CanvasFactory = (width, height) => {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c as unknown as { getContext(kind: '2d'): Canvas2D | null };
};

const RATIO = 2;
// System fonts only: canvas text never loads anything from the network.
const FONT = '600 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Every image id the analysis layers need for this result. */
export function analysisImageIds(result: AnalysisResult | null): string[] {
  const speeds = new Set<string>();
  for (const f of result?.features ?? []) {
    if (f.properties.kind === 'approach_path' && typeof f.properties.impact_speed_kmh === 'number') speeds.add(speedImageId(f.properties.impact_speed_kmh));
  }
  return [HATCH_IMAGE, ...(Object.keys(VERDICT_COLOURS) as Verdict[]).map((v) => BADGE_IMAGE_PREFIX + v), ...[...speeds].sort()];
}

/** Draws the image with the given id (hatch, verdict badge, or impact-speed label). */
export function drawAnalysisImage(id: string, canvas: CanvasFactory = domCanvas): AnalysisImage {
  if (id === HATCH_IMAGE) return drawHatch(canvas);
  if (id.startsWith(BADGE_IMAGE_PREFIX)) return drawBadge(id.slice(BADGE_IMAGE_PREFIX.length) as Verdict, canvas);
  if (id.startsWith(SPEED_IMAGE_PREFIX)) return drawSpeedLabel(Number(id.slice(SPEED_IMAGE_PREFIX.length)), canvas);
  throw new Error(`No analysis image named ${id}`);
}

function paint(w: number, h: number, canvas: CanvasFactory, draw: (ctx: Canvas2D) => void): AnalysisImage {
  const ctx = canvas(w * RATIO, h * RATIO).getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available to draw map labels');
  ctx.scale(RATIO, RATIO);
  draw(ctx);
  const { data } = ctx.getImageData(0, 0, w * RATIO, h * RATIO);
  return { width: w * RATIO, height: h * RATIO, data, pixelRatio: RATIO };
}

function drawHatch(canvas: CanvasFactory): AnalysisImage {
  return paint(8, 8, canvas, (ctx) => {
    ctx.strokeStyle = 'rgba(192, 57, 43, 0.75)';
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    // Diagonals that meet across tile edges, so the pattern is seamless.
    for (const o of [-8, 0, 8]) {
      ctx.moveTo(o, 8);
      ctx.lineTo(o + 8, 0);
    }
    ctx.stroke();
  });
}

function drawBadge(verdict: Verdict, canvas: CanvasFactory): AnalysisImage {
  return paint(20, 20, canvas, (ctx) => {
    ctx.beginPath();
    ctx.arc(10, 10, 8.5, 0, 2 * Math.PI);
    ctx.fillStyle = VERDICT_COLOURS[verdict] ?? VERDICT_COLOURS.not_reached;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    if (verdict === 'pass') {
      ctx.moveTo(6, 10.5);
      ctx.lineTo(9, 13.5);
      ctx.lineTo(14, 7);
    } else if (verdict === 'fail') {
      ctx.moveTo(6.5, 6.5);
      ctx.lineTo(13.5, 13.5);
      ctx.moveTo(13.5, 6.5);
      ctx.lineTo(6.5, 13.5);
    } else if (verdict === 'not_reached') {
      ctx.moveTo(6, 10);
      ctx.lineTo(14, 10);
    }
    ctx.stroke();
    if (verdict === 'unrated') {
      ctx.fillStyle = '#ffffff';
      ctx.font = '700 12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('?', 10, 10.5);
    }
  });
}

function drawSpeedLabel(kmh: number, canvas: CanvasFactory): AnalysisImage {
  const text = `${kmh.toFixed(1)} km/h`;
  const band = [...SPEED_BANDS].reverse().find((b) => kmh >= b.fromKmh) ?? SPEED_BANDS[0];
  // 6.2 px per character of an 11 px semibold system font, plus the colour tab and padding.
  const w = Math.ceil(text.length * 6.2) + 16;
  return paint(w, 18, canvas, (ctx) => {
    ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.strokeStyle = '#52606d';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(0.5, 0.5, w - 1, 17, 3);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = band.colour;
    ctx.fillRect(2, 2, 4, 14);
    ctx.fillStyle = '#1f2933';
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, 10, 9.5);
  });
}
