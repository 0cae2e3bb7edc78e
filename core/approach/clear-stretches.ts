import type { ObstacleEdges } from './obstacle-edges.js';

/**
 * Where a vehicle's centre may stand along a straight piece: the parts of segment (ax, ay)–(bx, by)
 * farther than `clearM` from every building edge, as pairs of distances from (ax, ay), m, in order.
 * A part inside a building is one of them (far from its edges): callers drop points inside
 * obstacles with their usual clearance test.
 *
 * Why: starts on the analysis area's edge and contact samples on a target's outline are spaced
 * evenly (5 m, 1 m); a street or alley whose clear width (its width less the vehicle's) falls
 * between two of them had no start or no contact at all, and its target read "unreachable" — the
 * safe-looking answer for a reachable zone (issue #4 review, 2026-11-29). A point in every clear
 * stretch closes that gap. Buildings only, on purpose: placing points from barrier lines or
 * `obstacle`s would let adding one create a start or a contact (and so raise a speed); those only
 * remove points, by the usual clearance filter afterwards.
 *
 * The blocked part of the line is, per edge, the chord of its stadium of radius `clearM` (a convex
 * set, so one interval): the union of the chords of its two end discs and its middle band.
 */
export function clearStretches(edges: ObstacleEdges, ax: number, ay: number, bx: number, by: number, clearM: number): [number, number][] {
  const len = Math.hypot(bx - ax, by - ay);
  if (!(len > 0)) return [];
  const dx = (bx - ax) / len, dy = (by - ay) / len;
  const blocked: [number, number][] = [];
  const consider = (e: number) => {
    if (!edges.rings[edges.ring[e]].building) return;
    const chord = stadiumChord(ax, ay, dx, dy, edges.ax[e], edges.ay[e], edges.bx[e], edges.by[e], clearM);
    if (chord && chord[1] > 0 && chord[0] < len) blocked.push(chord);
  };
  if (edges.index) {
    const ids = edges.index.search(Math.min(ax, bx) - clearM, Math.min(ay, by) - clearM, Math.max(ax, bx) + clearM, Math.max(ay, by) + clearM);
    for (const e of ids) consider(e);
  }
  blocked.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [lo, hi] of blocked) {
    if (lo > at) out.push([at, lo]);
    if (hi > at) at = hi;
  }
  if (at < len) out.push([at, len]);
  return out;
}

/**
 * Where to add one point per clear stretch that evenly spaced points miss: for k points at
 * (j + 0.5)/k along segment (ax, ay)–(bx, by), the fractions along it of the middles of the
 * `clearStretches` holding none of them. Starts on the area's edge and contact samples on a
 * target both use it (see above for why).
 */
export function missedStretchMiddles(edges: ObstacleEdges, ax: number, ay: number, bx: number, by: number, clearM: number, k: number): number[] {
  const len = Math.hypot(bx - ax, by - ay);
  const out: number[] = [];
  for (const [s0, s1] of clearStretches(edges, ax, ay, bx, by, clearM)) {
    // The first spaced point at or past s0 lies (j + 0.5)·len/k along: is it within the stretch?
    const j = Math.max(0, Math.ceil((s0 / len) * k - 0.5));
    if (j < k && ((j + 0.5) / k) * len <= s1) continue;
    out.push((s0 + s1) / 2 / len);
  }
  return out;
}

/** The t range where (ax, ay) + t·(dx, dy) (unit direction) lies within r of segment P–Q, or undefined. */
function stadiumChord(ax: number, ay: number, dx: number, dy: number, px: number, py: number, qx: number, qy: number, r: number): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  const take = (c: [number, number] | undefined) => { if (c) { lo = Math.min(lo, c[0]); hi = Math.max(hi, c[1]); } };
  take(discChord(ax, ay, dx, dy, px, py, r));
  take(discChord(ax, ay, dx, dy, qx, qy, r));
  const l = Math.hypot(qx - px, qy - py);
  if (l > 0) {
    // The band: 0 ≤ along ≤ l and |across| ≤ r, each linear in t.
    const ex = (qx - px) / l, ey = (qy - py) / l;
    const wx = ax - px, wy = ay - py;
    const band = slab(wx * ex + wy * ey, dx * ex + dy * ey, 0, l);
    const cross = slab(ex * wy - ey * wx, ex * dy - ey * dx, -r, r);
    if (band && cross) {
      const t0 = Math.max(band[0], cross[0]), t1 = Math.min(band[1], cross[1]);
      if (t0 <= t1) take([t0, t1]);
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The t range where |(a + t·d) − c| ≤ r (d unit), or undefined. */
function discChord(ax: number, ay: number, dx: number, dy: number, cx: number, cy: number, r: number): [number, number] | undefined {
  const wx = ax - cx, wy = ay - cy;
  const b = wx * dx + wy * dy, c = wx * wx + wy * wy - r * r;
  const disc = b * b - c;
  if (disc < 0) return undefined;
  const s = Math.sqrt(disc);
  return [-b - s, -b + s];
}

/** The t range where lo ≤ v0 + t·dv ≤ hi, or undefined (all t when dv = 0 and v0 is inside). */
function slab(v0: number, dv: number, lo: number, hi: number): [number, number] | undefined {
  if (dv === 0) return v0 >= lo && v0 <= hi ? [-Infinity, Infinity] : undefined;
  const t0 = (lo - v0) / dv, t1 = (hi - v0) / dv;
  return t0 <= t1 ? [t0, t1] : [t1, t0];
}
