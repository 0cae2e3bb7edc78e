import type { ObstacleEdges } from './obstacle-edges.js';

/**
 * A raster of cells lying wholly inside a closed obstacle, for a fast exact *reject* of straight
 * legs before the exact clearance test: a leg between two clear points (outside every obstacle, at
 * least h from every edge) that passes through such a cell enters the obstacle, so it crosses one of
 * its edges and `segmentClear` would refuse it too (distance 0 < h). Refusing it early changes no
 * edge of the graph; a leg that no sample catches simply goes on to the exact test.
 */
export interface SolidCells {
  readonly minX: number;
  readonly minY: number;
  readonly cellM: number;
  readonly nx: number;
  readonly ny: number;
  /** 1 = the cell (grown by SOLID_MARGIN_M) lies inside an obstacle. */
  readonly solid: Uint8Array;
}

/** Cell size, m: well under the narrowest building side the district has (8 m). */
export const SOLID_CELL_M = 2;
/**
 * A cell counts as solid only when its centre is at least half its diagonal plus this margin inside
 * the obstacle, so a sample point a rounding error (~1e-12 m) outside the cell is still inside.
 */
export const SOLID_MARGIN_M = 0.01;
/** Rings with more points than this are left out (the exact test handles them; the raster is only a shortcut). */
const MAX_RING_POINTS = 64;
/** At most this many cells (a huge sparse scene gets no raster rather than a huge one). */
const MAX_CELLS = 16_000_000;

export function solidCells(edges: ObstacleEdges): SolidCells | undefined {
  // Only obstacles made of exactly one closed ring: then the inside of the ring is the obstacle
  // (no holes to leave out; a multi-ring obstacle is simply not rasterised).
  const ringsPerOwner = new Map<number, number>();
  for (const r of edges.rings) ringsPerOwner.set(r.owner, (ringsPerOwner.get(r.owner) ?? 0) + 1);
  const used = edges.rings.filter((r) => r.closed && ringsPerOwner.get(r.owner) === 1 && r.points.length <= MAX_RING_POINTS);
  if (used.length === 0) return undefined;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of used) for (const p of r.points) { minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]); }
  const cell = SOLID_CELL_M;
  const nx = Math.floor((maxX - minX) / cell) + 1, ny = Math.floor((maxY - minY) / cell) + 1;
  if (nx * ny > MAX_CELLS) return undefined;
  const solid = new Uint8Array(nx * ny);
  const need = cell * Math.SQRT1_2 + SOLID_MARGIN_M;
  const need2 = need * need;
  for (const r of used) {
    const pts = r.points;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of pts) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
    const i0 = Math.floor((x0 - minX) / cell), i1 = Math.floor((x1 - minX) / cell);
    const j0 = Math.floor((y0 - minY) / cell), j1 = Math.floor((y1 - minY) / cell);
    for (let j = j0; j <= j1; j++) {
      const cy = minY + (j + 0.5) * cell;
      for (let i = i0; i <= i1; i++) {
        const cx = minX + (i + 0.5) * cell;
        if (deepInside(pts, cx, cy, need2)) solid[j * nx + i] = 1;
      }
    }
  }
  return { minX, minY, cellM: cell, nx, ny, solid };
}

/** Whether (px, py) is inside the closed ring (even–odd) and more than √need2 from each of its edges. */
function deepInside(pts: readonly (readonly number[])[], px: number, py: number, need2: number): boolean {
  let inside = false;
  for (let i = 0; i + 1 < pts.length; i++) {
    const ax = pts[i][0], ay = pts[i][1], bx = pts[i + 1][0], by = pts[i + 1][1];
    const dx = bx - ax, dy = by - ay;
    const l2 = dx * dx + dy * dy;
    let t = l2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / l2;
    if (t < 0) t = 0; else if (t > 1) t = 1;
    const ex = px - ax - t * dx, ey = py - ay - t * dy;
    if (ex * ex + ey * ey <= need2) return false;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/**
 * Whether the straight piece a→b surely enters an obstacle: some point sampled along it (every
 * `stepM`) falls in a solid cell. False means "not shown", not "clear".
 */
export function crossesSolid(s: SolidCells, ax: number, ay: number, bx: number, by: number): boolean {
  const dx = bx - ax, dy = by - ay;
  const len = Math.sqrt(dx * dx + dy * dy);
  const n = Math.ceil(len / s.cellM);
  if (n < 2) return false;
  const inv = 1 / s.cellM;
  const sx = dx / n, sy = dy / n;
  const nx = s.nx, ny = s.ny, solid = s.solid;
  const ox = (ax - s.minX) * inv, oy = (ay - s.minY) * inv;
  const stepX = sx * inv, stepY = sy * inv;
  // From both ends inwards: most legs that are refused are refused by the building one end stands at.
  for (let k = 1, l = n - 1; k <= l; k++, l--) {
    if (solidAt(solid, nx, ny, ox + k * stepX, oy + k * stepY)) return true;
    if (l !== k && solidAt(solid, nx, ny, ox + l * stepX, oy + l * stepY)) return true;
  }
  return false;
}

function solidAt(solid: Uint8Array, nx: number, ny: number, fx: number, fy: number): boolean {
  // Truncation is floor for the non-negative values kept.
  if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) return false;
  return solid[(fy | 0) * nx + (fx | 0)] === 1;
}
