import { KIND_COLORS } from './palette.js';

/**
 * The plan's symbols, drawn on a canvas and handed to `map.addImage` (no sprite download).
 * Each is drawn at `ratio` × its CSS size for a sharp glyph on high-density screens. Point
 * symbols face north so `icon-rotate` can turn them by a bearing.
 */
export interface MapIcon {
  name: string;
  image: ImageData;
  pixelRatio: number;
}

function canvas(sizePx: number, ratio: number, draw: (g: CanvasRenderingContext2D, s: number) => void): ImageData {
  const el = document.createElement('canvas');
  el.width = el.height = Math.round(sizePx * ratio);
  const g = el.getContext('2d');
  if (!g) throw new Error('2D canvas unavailable: cannot draw map symbols');
  g.scale(ratio, ratio);
  draw(g, sizePx);
  return g.getImageData(0, 0, el.width, el.height);
}

/** A CCTV camera seen from above, lens pointing north (up); the mount point is the centre. */
function camera(g: CanvasRenderingContext2D, s: number): void {
  const cx = s / 2;
  g.lineJoin = 'round';
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1.6;
  g.fillStyle = KIND_COLORS.camera;
  // lens hood, widening towards the view
  g.beginPath();
  g.moveTo(cx - s * 0.13, s * 0.4);
  g.lineTo(cx - s * 0.26, s * 0.08);
  g.lineTo(cx + s * 0.26, s * 0.08);
  g.lineTo(cx + s * 0.13, s * 0.4);
  g.closePath();
  g.fill();
  g.stroke();
  // body
  g.beginPath();
  g.roundRect(cx - s * 0.19, s * 0.36, s * 0.38, s * 0.44, s * 0.08);
  g.fill();
  g.stroke();
  // mount point (the camera's position)
  g.beginPath();
  g.arc(cx, s / 2, s * 0.07, 0, Math.PI * 2);
  g.fillStyle = '#ffffff';
  g.fill();
}

/** A hostile-vehicle origin: red arrowhead in a white disc. */
function origin(g: CanvasRenderingContext2D, s: number): void {
  const cx = s / 2;
  g.beginPath();
  g.arc(cx, cx, s / 2 - 1.5, 0, Math.PI * 2);
  g.fillStyle = '#ffffff';
  g.fill();
  g.lineWidth = 2;
  g.strokeStyle = KIND_COLORS.vehicle_origin;
  g.stroke();
  g.beginPath();
  g.moveTo(cx, s * 0.22);
  g.lineTo(s * 0.76, s * 0.74);
  g.lineTo(cx, s * 0.6);
  g.lineTo(s * 0.24, s * 0.74);
  g.closePath();
  g.fillStyle = KIND_COLORS.vehicle_origin;
  g.fill();
}

/** A note pin: folded yellow sheet. */
function note(g: CanvasRenderingContext2D, s: number): void {
  g.beginPath();
  g.moveTo(2, 2);
  g.lineTo(s - 7, 2);
  g.lineTo(s - 2, 7);
  g.lineTo(s - 2, s - 2);
  g.lineTo(2, s - 2);
  g.closePath();
  g.fillStyle = '#ffe066';
  g.fill();
  g.strokeStyle = KIND_COLORS.note;
  g.lineWidth = 1.5;
  g.stroke();
  g.beginPath();
  for (const y of [0.4, 0.58, 0.76]) {
    g.moveTo(5, s * y);
    g.lineTo(s - 5, s * y);
  }
  g.lineWidth = 1;
  g.stroke();
}

/** A pedestrian entrance: green square with a doorway gap. */
function entrance(g: CanvasRenderingContext2D, s: number): void {
  g.beginPath();
  g.roundRect(2, 2, s - 4, s - 4, 3);
  g.fillStyle = KIND_COLORS.entrance;
  g.fill();
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1.5;
  g.stroke();
  g.beginPath();
  g.moveTo(s * 0.3, s * 0.75);
  g.lineTo(s * 0.3, s * 0.28);
  g.lineTo(s * 0.7, s * 0.28);
  g.lineTo(s * 0.7, s * 0.75);
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2;
  g.stroke();
}

/** Diagonal hatching for crowd zones (fill-pattern). */
function hatch(g: CanvasRenderingContext2D, s: number): void {
  g.fillStyle = 'rgba(217, 72, 15, 0.10)';
  g.fillRect(0, 0, s, s);
  g.strokeStyle = 'rgba(217, 72, 15, 0.75)';
  g.lineWidth = 1.2;
  g.beginPath();
  // Lines at 45° that tile seamlessly: one through the middle and two corner pieces.
  g.moveTo(0, s);
  g.lineTo(s, 0);
  g.moveTo(-s / 2, s / 2);
  g.lineTo(s / 2, -s / 2);
  g.moveTo(s / 2, s * 1.5);
  g.lineTo(s * 1.5, s / 2);
  g.stroke();
}

export function mapIcons(ratio = 2): MapIcon[] {
  return [
    { name: 'bw-camera', image: canvas(28, ratio, camera), pixelRatio: ratio },
    { name: 'bw-origin', image: canvas(22, ratio, origin), pixelRatio: ratio },
    { name: 'bw-note', image: canvas(18, ratio, note), pixelRatio: ratio },
    { name: 'bw-entrance', image: canvas(16, ratio, entrance), pixelRatio: ratio },
    { name: 'bw-hatch', image: canvas(10, ratio, hatch), pixelRatio: ratio },
  ];
}
