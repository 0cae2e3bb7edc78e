import Flatbush from 'flatbush';
import type { XY } from '../geometry/local-frame.js';
import type { ObstacleEdges } from './obstacle-edges.js';
import { rayStadiumEntry } from './swing-nodes.js';

/**
 * Free nodes that let a path weave across a street to lengthen its run-up.
 *
 * Under the model (hvm.md §1: maximise the speed at arrival; turns at r ≥ r_min within the skid
 * limit) a class that has not reached top speed gains by driving a longer way: in a straight street
 * it swings from one face to the other and back. The brute-force reference does exactly that (L
 * street, N3G: x from 8.6 to 1.4 m and back across the 10 m street before the corner, 83.7 m of path
 * against the graph's 76.3 m of straight legs: 40.35 against 38.49 km/h). The graph had no nodes
 * inside a straight street (corner nodes at building corners, a 15 m+ lattice in open ground), so it
 * could not.
 *
 * So in front of every building face, h + 1 mm out from it (where the body's side grazes the face),
 * a node every ~WEAVE_SPACING_M along the face — on faces that look across a street (another building
 * or the area's edge within WEAVE_REACH_M straight out; open ground has the lattice), and only within
 * WEAVE_START_RANGE_M of a start. Nodes on the two faces of a street are the two ends of each swing;
 * the bends there are fillets, checked exactly like the lattice's (`fillet-clear.ts`).
 *
 * Why near starts only: the weave's gain is concentrated where the speed is low. A sinusoid of
 * amplitude A whose curvature stays within 1/r is at most A / (4r) longer than its axis (arc-length
 * factor 1 + π²A²/λ² with λ² ≥ 4π²·A·r), with r = max(r_min, v²/(f·g)). Once v² > f·g·r_min, i.e.
 * beyond s₁ = f·g·r_min / (2a) from rest, r grows with the run-up (v² = 2as) and the extra length from
 * s₁ to s₂ is only ∫ A·f·g / (8·a·s) ds = (A·f·g / 8a)·ln(s₂/s₁): logarithmic. For N3G (a = 0.75 m/s²,
 * f·g = 0.35·9.81 = 3.43 m/s², r_min = 12 m) s₁ = 3.43·12 / 1.5 = 27.5 m, the largest of the built-in
 * classes (M1: 9.81·5.5 / 6.4 = 8.4 m; N2A: 4.9·8 / 4 = 9.8 m); with A = 3.7 m (a 10 m street) the
 * tail adds 2.1 m per e-fold of distance. Any subset of nodes gives a graph whose paths are all still
 * drivable, so leaving nodes out keeps the answer a lower bound of the full graph's (and the true
 * optimum's): the restriction trades only accuracy, never safety.
 *
 * Near the analysis area's edge (edge starts) the nodes are placed only in scenes that are not dense
 * (the node count of the 'auto' leg-length switch in approach-graph.ts, counted without them): on W2
 * (2 × 2 km district, 21 851 nodes) a 30 m band along the edge added 2 943 nodes and +18 % (M1) /
 * +30 % (N3G) CPU; M1 changed at no zone, N3G rose at 4 of 50 zones (up to +10.3 %, not all of it
 * weaving: the district's lattice is 100 m, so any extra node is an extra place to bend).
 *
 * The positions depend on the buildings, the area, the starts (origins and the area's edge) and h
 * only — never on barriers or `obstacle`s — and nodes that are not clear are dropped with the others:
 * adding a barrier line or an obstacle can still only remove nodes and legs (README "Monotonicity").
 */
/**
 * Spacing of nodes along a face, m. On the L street / 12 m corner (N3G, km/h): 10 m → 39.23 / 45.84,
 * 6 m → 39.63 / 46.49, 4 m → 39.76 / 46.97, 3 m → 40.01 / 46.99 (nodes anywhere; reference 40.35 /
 * 46.8); 4 m is within 2 % on both at a tenth of a second.
 */
export const WEAVE_SPACING_M = 4;
/** A face looks across a street when something is within this straight out from it (as swing nodes). */
export const WEAVE_REACH_M = 20;
/**
 * Nodes within this of a start (its origin or its edge sample), m: the distance from rest over
 * which N3G is still held by its minimum radius, f·g·r_min / (2a) = 27.5 m (see above), rounded up.
 * L street N3G: 20 m → 39.23, 30 m → 39.71, 60 m → 39.76 km/h.
 */
export const WEAVE_START_RANGE_M = 30;
/** Kept inside the face's room, m (as corner nodes keep 1 mm from their edges). */
const WEAVE_MARGIN_M = 0.001;

/**
 * Legs from or to a street node (a weave node placed beyond the start range, see `weaveNodes`'
 * `streetOut`) are at most this long, m: they serve manoeuvres within a street (across it, round a
 * barrier's end, a median's end, a jog), while straight runs use the corner nodes' legs. Unlimited,
 * they cost the demo's N3G about 5× its time; at 30 m a node reaches the face across a street up to
 * WEAVE_REACH_M wide and several nodes along. Measured on 216 chicanes (streets 8/10/12 m, two walls
 * from alternate sides covering 50–70 % of the width, 10–30 m apart; M1, N2A, N3G): spacing 4 m and
 * legs ≤ 30 m leave 16 unreachable (gaps narrower than the lorry, or shifts its 12 m radius cannot
 * make within the spacing), against 18 with 8 m / 20 m and 2–6 % lower speeds on average (up to 19 %);
 * without street nodes all 216 read unreachable.
 */
export const STREET_NODE_LEG_M = 30;
/**
 * Street nodes only where the centre can move at least this far across the street, m. In a lane
 * barely wider than the vehicle they add nothing a planner would call a manoeuvre, only zigzags of a
 * few decimetres whose last leg tilts the impact angle (a 2.2 m lane for a 1.8 m car: 87.7° instead
 * of 90° for a straight run-up, for +0.1 % of speed).
 */
export const STREET_NODE_MIN_ROOM_M = 1;

/**
 * Weave nodes (see above) for half width h, offset `nodeOffsetM` from the faces (h + 1 mm), near
 * `starts` (start places' points: vehicle origins and, where wanted, area-edge samples).
 *
 * With `streetOut`, the same nodes beyond the start range go there ("street nodes", used outside
 * dense scenes, legs up to STREET_NODE_LEG_M). Why: besides lengthening run-ups, these are the only
 * nodes inside a street between its corners, and barrier lines and `obstacle`s get no corner nodes
 * (that would break monotonicity). Without them a chicane of barrier walls in a street, a U-turn
 * round the end of a median or a dog-leg of two corners 10 m apart read "unreachable" for classes
 * that drive them at 37–94 km/h by hand and in the brute-force reference (issue #4 review,
 * 2026-11-29). Their places depend on buildings, the area and h only, like the others.
 */
export function weaveNodes(
  edges: ObstacleEdges, areaSegments: readonly (readonly [number, number, number, number])[],
  starts: readonly XY[], h: number, nodeOffsetM: number, streetOut?: XY[],
): XY[] {
  const out: XY[] = [];
  if (starts.length === 0 && !streetOut) return out;
  const D = WEAVE_START_RANGE_M;
  const index = starts.length > 0 ? new Flatbush(starts.length) : undefined;
  if (index) {
    for (const p of starts) index.add(p[0], p[1], p[0], p[1]);
    index.finish();
  }
  const nearStart = (x: number, y: number) =>
    index !== undefined && index.search(x - D, y - D, x + D, y + D, (k) => (starts[k][0] - x) ** 2 + (starts[k][1] - y) ** 2 <= D * D).length > 0;
  edges.rings.forEach((ring) => {
    if (!ring.building || !ring.closed) return;
    const p = ring.points;
    for (let i = 0; i + 1 < p.length; i++) {
      const ax = p[i][0], ay = p[i][1], bx = p[i + 1][0], by = p[i + 1][1];
      const l = Math.hypot(bx - ax, by - ay);
      if (!(l > 0)) continue;
      // Building on the left of its edges: the outward normal points right.
      const dx = (bx - ax) / l, dy = (by - ay) / l, nx = dy, ny = -dx;
      // Cheap reject: the whole face is beyond the range of every start.
      const mx = (ax + bx) / 2, my = (ay + by) / 2;
      if (!streetOut && (index === undefined || index.search(mx - D - l / 2, my - D - l / 2, mx + D + l / 2, my + D + l / 2).length === 0)) continue;
      const k = Math.max(1, Math.round(l / WEAVE_SPACING_M));
      for (let j = 0; j < k; j++) {
        const t = ((j + 0.5) / k) * l;
        const sx = ax + dx * t + nx * nodeOffsetM, sy = ay + dy * t + ny * nodeOffsetM;
        const near = nearStart(sx, sy);
        if (!near && !streetOut) continue;
        const room = roomAcross(edges, areaSegments, h, sx, sy, nx, ny);
        if (!(room > (near ? WEAVE_MARGIN_M : STREET_NODE_MIN_ROOM_M)) || room >= WEAVE_REACH_M) continue;
        (near ? out : streetOut!).push([sx, sy]);
      }
    }
  });
  return out;
}

/**
 * How far the centre can run from (sx, sy) along (ux, uy) before it comes within h of a building
 * edge or crosses the area's edge; at most WEAVE_REACH_M. (The node's own face lies behind it, h + 1 mm
 * away, and is never entered by a ray leaving it.)
 */
function roomAcross(
  edges: ObstacleEdges, areaSegments: readonly (readonly [number, number, number, number])[], h: number,
  sx: number, sy: number, ux: number, uy: number,
): number {
  let t = WEAVE_REACH_M;
  const ex = sx + ux * t, ey = sy + uy * t;
  edges.index?.search(Math.min(sx, ex) - h, Math.min(sy, ey) - h, Math.max(sx, ex) + h, Math.max(sy, ey) + h, (e) => {
    if (!edges.rings[edges.ring[e]].building) return false;
    const hit = rayStadiumEntry(sx, sy, ux, uy, edges.ax[e], edges.ay[e], edges.bx[e], edges.by[e], h);
    if (hit < t) t = hit;
    return false;
  });
  for (const s of areaSegments) {
    const cx = s[2] - s[0], cy = s[3] - s[1];
    const den = ux * cy - uy * cx;
    if (den === 0) continue;
    const wx = s[0] - sx, wy = s[1] - sy;
    const along = (wx * cy - wy * cx) / den, on = (wx * uy - wy * ux) / den;
    if (along >= 0 && on >= 0 && on <= 1 && along < t) t = along;
  }
  return Math.max(0, t);
}

