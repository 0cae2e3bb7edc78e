import type { ApproachGraph } from './approach-graph.js';
import { insideArea } from './approach-graph.js';
import { segmentClear } from './obstacle-edges.js';

/**
 * Largest tangent length a corner turn at node v may use so that the racing line's **entry** is
 * clear, m: `maxTangentM` itself when the widest racing line's entry is clear (or the turn is refused
 * anyway), 0 when not even the class's tightest circle enters clear. Used at the corner nodes
 * `ApproachGraph.entryChecked` names: every one outside dense scenes, else where a weave node feeds one.
 *
 * The racing line (`turnSpeedMps`) swings out r·(1 − cos ψ) to the outside of the in-leg before its
 * apex at the node (ψ = θ/2), a room checked at the node only. Coming in along the street that is
 * right; coming in diagonally from a node on the far face the swing can reach into that face:
 * 12 m corner, M1 from a weave node on the west face 58 m back at 10°, r = 34.6 m swung 8.1 m out,
 * 1.6 m inside the west building's h line — 89.6 km/h against the reference's 87.6.
 *
 * The entry of radius r — the arc from its tangent point back on the in-leg to the apex, and a
 * straight from the in-leg onto the arc's start, rejoining within 4 × the swing as the exits do —
 * lies in the convex region, in the in-leg's frame (X back along it from the apex, Y out), bounded by
 * the leg, Y = X·tan ψ (the circle is below its tangent at the apex), Y = r·(1 − cos ψ) up to the
 * tangent point X = r·sin ψ, and the straight from there down to the leg at
 * X_e = min(r·(sin ψ + 4·(1 − cos ψ)), 2·maxTangentM) (within the in-leg, which is clear). The region
 * is checked exactly: its three outer sides keep h from every obstacle edge and stay in the area, and
 * no obstacle or area edge has an end inside it. The regions grow with r (each holds the smaller
 * one's corners), so "clear" holds for r ≤ r*; the answer is r* (bisection to 1e-12 relative), capped
 * by the racing line's r — the largest clear entry, lowered only when an obstacle is added.
 */
export function cornerEntryTangentM(
  g: ApproachGraph, v: number,
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  minTurnRadiusM: number, maxTangentM: number,
): number {
  const cosT = dInX * dOutX + dInY * dOutY;
  if (cosT > 1 - 1e-12) return maxTangentM;
  const cosHalf = Math.sqrt(Math.max(0, (1 + cosT) / 2));
  const sinHalf = Math.sqrt(Math.max(0, (1 - cosT) / 2));
  if (cosHalf < 1e-9) return maxTangentM;
  const tanHalf = sinHalf / cosHalf;
  const rRacing = Math.min(g.clearanceM[v] / (1 - cosHalf), maxTangentM / tanHalf);
  if (!(rRacing >= minTurnRadiusM)) return maxTangentM;
  const px = g.x[v], py = g.y[v];
  // Out of the in-leg: the side away from the corner the turn wraps.
  let nx = -dInY, ny = dInX;
  if (nx * (g.cornerX[v] - px) + ny * (g.cornerY[v] - py) > 0) { nx = -nx; ny = -ny; }
  const clear = (r: number) => entryRegionClear(g, px, py, -dInX, -dInY, nx, ny, r, cosHalf, sinHalf, tanHalf, maxTangentM);
  if (clear(rRacing)) return maxTangentM;
  if (!clear(minTurnRadiusM)) return 0;
  let lo = minTurnRadiusM, hi = rRacing;
  while (hi - lo > 1e-12 * hi) {
    const mid = 0.5 * (lo + hi);
    if (clear(mid)) lo = mid; else hi = mid;
  }
  return lo * tanHalf;
}

function entryRegionClear(
  g: ApproachGraph, px: number, py: number, bx: number, by: number, nx: number, ny: number,
  r: number, cosHalf: number, sinHalf: number, tanHalf: number, maxTangentM: number,
): boolean {
  const h = g.halfWidthM;
  const swing = r * (1 - cosHalf);
  const xb = swing / tanHalf, xt = r * sinHalf;
  const xe = Math.max(xt, Math.min(xt + 4 * swing, 2 * maxTangentM));
  // Corners: apex A, B where the apex tangent meets the swung-out line, T the arc's start, D on the leg.
  const Bx = px + bx * xb + nx * swing, By = py + by * xb + ny * swing;
  const Tx = px + bx * xt + nx * swing, Ty = py + by * xt + ny * swing;
  const Dx = px + bx * xe, Dy = py + by * xe;
  if (!segmentClear(g.edges, px, py, Bx, By, h) || !segmentClear(g.edges, Bx, By, Tx, Ty, h) || !segmentClear(g.edges, Tx, Ty, Dx, Dy, h)) return false;
  const seg = g.areaSegments;
  if (!insideArea(seg, px, py, Bx, By) || !insideArea(seg, Bx, By, Tx, Ty) || !insideArea(seg, Tx, Ty, Dx, Dy)) return false;
  // Nothing wholly inside the region (a post between the in-leg and the swung-out line).
  const inside = (qx: number, qy: number) => {
    const X = (qx - px) * bx + (qy - py) * by, Y = (qx - px) * nx + (qy - py) * ny;
    if (X < 0 || X > xe || Y < 0 || Y > swing || Y > X * tanHalf) return false;
    return X <= xt || Y * (xe - xt) <= swing * (xe - X);
  };
  const e = g.edges;
  let hit = false;
  e.index?.search(Math.min(px, Bx, Tx, Dx), Math.min(py, By, Ty, Dy), Math.max(px, Bx, Tx, Dx), Math.max(py, By, Ty, Dy), (k) => {
    if (!hit && (inside(e.ax[k], e.ay[k]) || inside(e.bx[k], e.by[k]))) hit = true;
    return false;
  });
  if (hit) return false;
  for (const s of seg) if (inside(s[0], s[1]) || inside(s[2], s[3])) return false;
  return true;
}
