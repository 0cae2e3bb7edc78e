import type { XY } from '../geometry/local-frame.js';
import { missedStretchMiddles } from './clear-stretches.js';
import type { ObstacleEdges } from './obstacle-edges.js';

/**
 * Where a vehicle's centre is when its body first touches a target: points at half the vehicle's
 * width outside the target's outline (scene-format.md, "Impact speed is the vehicle's speed where
 * its body first touches the target's outline"). Sampled along every edge and at every convex
 * corner; `nx, ny` is the outward normal there (the direction the body touches from).
 */
export interface TargetSample {
  x: number;
  y: number;
  nx: number;
  ny: number;
}

/** The outline of a target: closed rings with the target on their left, or an open line. */
export interface TargetOutline {
  rings: XY[][];
  lines: XY[][];
}

function push(out: TargetSample[], px: number, py: number, nx: number, ny: number, h: number): void {
  out.push({ x: px + nx * h, y: py + ny * h, nx, ny });
}

/**
 * Samples every `spacingM` along each edge (midpoints of equal pieces) and at convex corners; with
 * `buildings` also one in each stretch of an edge's contact line clear of buildings by h that no
 * spaced sample falls in (`clearStretches`: the mouth of an alley narrower than the spacing plus the
 * vehicle's width could otherwise hold no contact point, and its target read "unreachable").
 */
export function targetSamples(outline: TargetOutline, halfWidthM: number, spacingM: number, buildings?: ObstacleEdges): TargetSample[] {
  const out: TargetSample[] = [];
  const h = halfWidthM;
  const along = (a: XY, b: XY, sides: number[]) => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) return;
    const dx = (b[0] - a[0]) / len, dy = (b[1] - a[1]) / len;
    const k = Math.max(1, Math.ceil(len / spacingM));
    for (let j = 0; j < k; j++) {
      const t = (j + 0.5) / k;
      for (const s of sides) push(out, a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), s * dy, -s * dx, h);
    }
    if (!buildings) return;
    for (const s of sides) {
      const nx = s * dy * h, ny = -s * dx * h;
      for (const t of missedStretchMiddles(buildings, a[0] + nx, a[1] + ny, b[0] + nx, b[1] + ny, h, k)) {
        push(out, a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), s * dy, -s * dx, h);
      }
    }
  };
  for (const ring of outline.rings) {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const a = ring[(i + n - 1) % n], v = ring[i], b = ring[i + 1];
      along(v, b, [1]);
      const l1 = Math.hypot(v[0] - a[0], v[1] - a[1]), l2 = Math.hypot(b[0] - v[0], b[1] - v[1]);
      if (l1 === 0 || l2 === 0) continue;
      const d1: XY = [(v[0] - a[0]) / l1, (v[1] - a[1]) / l1], d2: XY = [(b[0] - v[0]) / l2, (b[1] - v[1]) / l2];
      if (d1[0] * d2[1] - d1[1] * d2[0] <= 1e-12) continue; // not a convex corner
      const bx = d1[1] + d2[1], by = -d1[0] - d2[0];
      const bl = Math.hypot(bx, by);
      if (bl > 1e-12) push(out, v[0], v[1], bx / bl, by / bl, h);
    }
  }
  for (const line of outline.lines) {
    for (let i = 0; i + 1 < line.length; i++) along(line[i], line[i + 1], [1, -1]);
    const n = line.length;
    if (n < 2) continue;
    for (const [v, w] of [[line[0], line[1]], [line[n - 1], line[n - 2]]] as [XY, XY][]) {
      const l = Math.hypot(v[0] - w[0], v[1] - w[1]);
      if (l > 0) push(out, v[0], v[1], (v[0] - w[0]) / l, (v[1] - w[1]) / l, h);
    }
  }
  return out;
}
