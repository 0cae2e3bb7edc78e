import type { XY } from '../geometry/local-frame.js';
import type { ObstacleEdges } from './obstacle-edges.js';

/**
 * Free nodes that let a path take a wide line round a curved building face.
 *
 * A curve drawn as many short edges (a rounded corner, a crescent of façades, a roundabout island)
 * gives a chain of corner nodes h from the face, each a turn of a few degrees. Their legs are short,
 * so every bend on the chain is held to about the face's own radius plus h: the search hugs the
 * inside of the curve, where the true optimum swings wide across the street — and a class whose
 * turning circle is wider than the face's radius cannot use the chain at all (a curved street
 * that a lorry can drive was reported unreachable: issue #4, hvm.md acceptance 6 as a street).
 *
 * So beside every building corner that turns by at most SWING_MAX_TURN_DEG, nodes are added along
 * its bisector at 1/3, 2/3 and all of the way across the free room in front of it — up to where
 * the centre would come within h of another building or leave the area (none if that is beyond SWING_REACH_M) —
 * on runs of small turns that draw a curve (`keepCurves`), one corner every SWING_SPACING_M.
 * Chains of them at each fraction are curves of wider radius the search can follow (their bends
 * are fillets, checked exactly like the lattice's).
 *
 * The positions depend on the buildings, the area and h only (never on barriers or `obstacle`s),
 * and nodes that are not clear are dropped afterwards with the others: adding a barrier line or an
 * obstacle can still only remove nodes and legs (README "Monotonicity").
 */
export const SWING_MAX_TURN_DEG = 50;
/**
 * Streets up to ~22 m between façades get swing nodes; a curve that faces open ground (no building
 * or area edge within this) gets none — the lattice and the corner nodes serve there. On the Monaco
 * extract (52 buildings, 590 corners, most curves facing wide streets and squares) swing nodes on
 * every curve cost 3× the time for no change in speed; this way 132 swing nodes, time as before.
 */
export const SWING_REACH_M = 20;
export const CURVE_MIN_TURN_DEG = 20;
/**
 * Three lines across the room: with two (1/2, all of it) a 0.4 m-wide curved corridor of radius 10 m
 * drawn with 180 edges was unreachable for a class of 10 m turning radius (the chain of nodes at the
 * far side is blocked by the outer wall's own chords, the middle one is too tight).
 */
const SWING_FRACTIONS = [1 / 3, 2 / 3, 1];
/**
 * Along a finely drawn curve, one corner in every 2 m gets swing nodes (and both ends of the curve
 * do): every corner of a 180-edge quarter circle of radius 10 m made a 0.3 s analysis take 5–45 s,
 * for ≤ 1 % more speed. One per 10° of turn instead made a 0.4 m-wide curved corridor unreachable.
 */
const SWING_SPACING_M = 2;
/** Kept inside the room's far end, m (as corner nodes keep 1 mm from their edges). */
const SWING_MARGIN_M = 0.001;

export function swingNodes(edges: ObstacleEdges, areaSegments: readonly (readonly [number, number, number, number])[], h: number, nodeOffsetM: number): XY[] {
  const out: XY[] = [];
  const cosMax = Math.cos((SWING_MAX_TURN_DEG * Math.PI) / 180);
  edges.rings.forEach((ring, ri) => {
    if (!ring.building || !ring.closed) return;
    const p = ring.points;
    const n = p.length - 1;
    // Small convex turns (building on the left, so a left turn) and their outward bisectors.
    const ux = new Float64Array(n), uy = new Float64Array(n), k = new Float64Array(n);
    const small = new Uint8Array(n), turn = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = p[(i + n - 1) % n], v = p[i], b = p[(i + 1) % n];
      const l1 = Math.hypot(v[0] - a[0], v[1] - a[1]), l2 = Math.hypot(b[0] - v[0], b[1] - v[1]);
      const d1x = (v[0] - a[0]) / l1, d1y = (v[1] - a[1]) / l1, d2x = (b[0] - v[0]) / l2, d2y = (b[1] - v[1]) / l2;
      if (d1x * d2y - d1y * d2x <= 1e-12 || d1x * d2x + d1y * d2y < cosMax) continue;
      // Outward normals (right of each edge) and their bisector; the corner node sits r / cos(half) out.
      const bx = d1y + d2y, by = -d1x - d2x;
      const bl = Math.hypot(bx, by);
      ux[i] = bx / bl; uy[i] = by / bl; k[i] = nodeOffsetM / (bl / 2);
      small[i] = 1;
      turn[i] = Math.acos(Math.min(1, d1x * d2x + d1y * d2y));
    }
    keepCurves(small, turn);
    // A finely drawn curve gets swing nodes every SWING_SPACING_M along it, and always at both ends of
    // a run of small turns (where the curve meets a straight face).
    let sinceM = Infinity;
    for (let i = 0; i < n; i++) {
      if (i > 0) sinceM += Math.hypot(p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]);
      if (!small[i]) continue;
      const runEnd = !small[(i + n - 1) % n] || !small[(i + 1) % n];
      if (!runEnd && sinceM < SWING_SPACING_M) continue;
      sinceM = 0;
      const v = p[i];
      const sx = v[0] + ux[i] * k[i], sy = v[1] + uy[i] * k[i];
      const room = freeRunM(edges, areaSegments, h, ri, i, sx, sy, ux[i], uy[i]) - SWING_MARGIN_M;
      if (!(room > SWING_MARGIN_M)) continue;
      if (room >= SWING_REACH_M - 2 * SWING_MARGIN_M) continue; // open ground
      for (const f of SWING_FRACTIONS) out.push([sx + ux[i] * room * f, sy + uy[i] * room * f]);
    }
  });
  return out;
}

/**
 * Keeps only runs of small turns that draw a curve: at least two corners in a row turning
 * CURVE_MIN_TURN_DEG or more in all. A lone small turn is a bend the corner node's racing line
 * takes well (its legs are long), and kinks of a degree or two along a straight façade — common in
 * OpenStreetMap outlines — are no curve: on the Monaco extract they doubled the nodes for no change in speed.
 */
function keepCurves(small: Uint8Array, turn: Float64Array): void {
  const n = small.length;
  let first = 0;
  while (first < n && small[first]) first++;
  if (first === n) return; // every corner a small turn: a convex curve all round (a round kiosk, a tower)
  const minTurn = (CURVE_MIN_TURN_DEG * Math.PI) / 180;
  // Walk the ring once from a corner outside every run, so runs wrapping past vertex 0 stay whole.
  for (let j = 1; j <= n; j++) {
    const i = (first + j) % n;
    if (!small[i]) continue;
    let len = 0, total = 0;
    while (small[(first + j + len) % n] && len < n) { total += turn[(first + j + len) % n]; len++; }
    if (len < 2 || total < minTurn) for (let q = 0; q < len; q++) small[(first + j + q) % n] = 0;
    j += len - 1;
  }
}

/**
 * How far the centre can run from (sx, sy) along (ux, uy) before it comes within h of a building
 * edge (other than the two edges of the corner it starts at, vertex `vertex` of ring `ring`) or
 * crosses the area's edge; at most SWING_REACH_M.
 */
function freeRunM(
  edges: ObstacleEdges, areaSegments: readonly (readonly [number, number, number, number])[], h: number,
  ring: number, vertex: number, sx: number, sy: number, ux: number, uy: number,
): number {
  let t = SWING_REACH_M;
  const ex = sx + ux * t, ey = sy + uy * t;
  const vx = edges.rings[ring].points[vertex][0], vy = edges.rings[ring].points[vertex][1];
  edges.index?.search(Math.min(sx, ex) - h, Math.min(sy, ey) - h, Math.max(sx, ex) + h, Math.max(sy, ey) + h, (e) => {
    const r = edges.ring[e];
    if (!edges.rings[r].building) return false;
    // The corner's own two edges (the node is h from them already and runs away from them).
    if (r === ring && ((edges.ax[e] === vx && edges.ay[e] === vy) || (edges.bx[e] === vx && edges.by[e] === vy))) return false;
    const hit = rayStadiumEntry(sx, sy, ux, uy, edges.ax[e], edges.ay[e], edges.bx[e], edges.by[e], h);
    if (hit < t) t = hit;
    return false;
  });
  for (const s of areaSegments) {
    const hit = raySegmentHit(sx, sy, ux, uy, s[0], s[1], s[2], s[3]);
    if (hit < t) t = hit;
  }
  return Math.max(0, t);
}

/**
 * First t ≥ 0 at which the ray (sx, sy) + t·(ux, uy) (unit) comes within h of the segment a–b
 * (enters its stadium), Infinity if never; 0 if it starts within.
 */
export function rayStadiumEntry(sx: number, sy: number, ux: number, uy: number, ax: number, ay: number, bx: number, by: number, h: number): number {
  const lx = bx - ax, ly = by - ay;
  const L = Math.hypot(lx, ly);
  let best = Infinity;
  const disc = (cx: number, cy: number) => {
    const px = sx - cx, py = sy - cy;
    const bq = px * ux + py * uy, cq = px * px + py * py - h * h;
    if (cq <= 0) { best = 0; return; }
    const dq = bq * bq - cq;
    if (dq < 0) return;
    const t = -bq - Math.sqrt(dq);
    if (t >= 0 && t < best) best = t;
  };
  disc(ax, ay);
  disc(bx, by);
  if (L > 0) {
    const tx = lx / L, ty = ly / L, nx = -ty, ny = tx;
    const s0 = (sx - ax) * nx + (sy - ay) * ny, q0 = (sx - ax) * tx + (sy - ay) * ty;
    const ds = ux * nx + uy * ny, dq = ux * tx + uy * ty;
    if (Math.abs(s0) <= h && q0 >= 0 && q0 <= L) return 0;
    if (ds !== 0) {
      for (const side of [h, -h]) {
        const t = (side - s0) / ds;
        if (t < 0 || t >= best) continue;
        const q = q0 + t * dq;
        if (q >= 0 && q <= L) best = t;
      }
    }
  }
  return best;
}

/** First t ≥ 0 at which the ray crosses the segment c–d, Infinity if never. */
function raySegmentHit(sx: number, sy: number, ux: number, uy: number, cx: number, cy: number, dx: number, dy: number): number {
  const ex = dx - cx, ey = dy - cy;
  const den = ux * ey - uy * ex;
  if (den === 0) return Infinity;
  const wx = cx - sx, wy = cy - sy;
  const t = (wx * ey - wy * ex) / den, s = (wx * uy - wy * ux) / den;
  return t >= 0 && s >= 0 && s <= 1 ? t : Infinity;
}
