import Flatbush from 'flatbush';
import { abortError } from './abort-error.js';
import type { XY } from '../geometry/local-frame.js';
import type { StartPlace } from '../drivable/drivable-space.js';
import { pointInMultiPolygon, type MultiPolygonXY } from '../drivable/polygons.js';
import { hypot2 } from './hypot2.js';
import { legShadows } from './leg-shadows.js';
import { swingNodes } from './swing-nodes.js';
import { STREET_NODE_LEG_M, weaveNodes } from './weave-nodes.js';
import { edgeGridOf, nearestEdgeDistance, visitBucketRing, pointInsideObstacle, segmentClear, segmentsIntersect, type EdgeGrid, type ObstacleEdges } from './obstacle-edges.js';
import { missedStretchMiddles } from './clear-stretches.js';

/**
 * The graph the approach search runs on, for one vehicle width (half width h):
 * - corner nodes: beside every convex obstacle corner, where the vehicle's centre passes when it
 *   wraps the corner as tightly as its body allows (h from both edges, plus 1 mm);
 * - start nodes: every `vehicle_origin`, else points along the analysis area's edge;
 * - edges: straight pieces between nodes, up to `maxEdgeM` long, that keep h from every obstacle
 *   and stay inside the area. Adding an obstacle can only remove an edge.
 * Each corner node carries its clearance: how far the centre may swing out from it before coming
 * within h of another obstacle (or reaching the area edge), which bounds the radius of a turn there.
 */
export interface ApproachGraph {
  readonly halfWidthM: number;
  readonly nodeCount: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Obstacle corner each corner node wraps (NaN for starts). */
  readonly cornerX: Float64Array;
  readonly cornerY: Float64Array;
  readonly isStart: Uint8Array;
  /**
   * Nodes whose corner turns also check the racing line's entry (`corner-entry.ts`): outside dense
   * scenes every corner node; in dense ones the twins of corner nodes that weave nodes lead into
   * (absent when there are none).
   */
  readonly entryChecked?: Uint8Array;
  /** Free swing-out room at the node, m (see above); 0 for starts. */
  readonly clearanceM: Float64Array;
  /**
   * Free nodes: room in each of SECTORS directions, m (node i, sector k at i·SECTORS + k): no
   * obstacle edge whose direction from the node falls in the sector lies within this distance + h,
   * and no area edge within this distance. A fillet whose tangent length fits the sectors its
   * wedge spans is clear without the exact test.
   */
  readonly sectorClearanceM: Float64Array;
  /** Out-edges in CSR form: edges of node i are outStart[i] .. outStart[i+1]-1. */
  readonly outStart: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeLengthM: Float64Array;
  /** In-edges per node (edge ids), CSR. */
  readonly inStart: Int32Array;
  readonly inEdge: Int32Array;
  readonly nodeIndex: Flatbush | undefined;
  readonly edges: ObstacleEdges;
  readonly area: MultiPolygonXY;
  readonly areaSegments: [number, number, number, number][];
  readonly maxEdgeM: number;
}

/** Margin added to the half width when placing corner nodes, m (keeps nodes strictly clear). */
export const NODE_MARGIN_M = 0.001;
export const AUTO_DENSE_NODES = 3000;
/**
 * 100 m: on the W2 district, 60 m legs made straight corridor runs zigzag between building corners
 * and cost heavy classes ~12 km/h at some zones (N3G mean 72.8 → 84.6 km/h at 100 m), for twice the time.
 */
export const AUTO_MAX_EDGE_M = 100;
/** Clearance beyond which a turn is never limited by room, m. */
export const CLEARANCE_CAP_M = 250;
/** Directions of the free nodes' room table, and how far it looks, m. */
export const SECTORS = 32;
export const SECTOR_REACH_M = 60;
/**
 * Obstacles within this of a node cast the shadows that refuse its legs early (leg-shadows.ts; a
 * speed knob only: the refused legs are refused by the exact test anyway). On W2, 30–100 m cost
 * about the same in all (farther shadows refuse more legs but cost more to draw).
 */
const SHADOW_REACH_M = 50;

export interface GraphOptions {
  /**
   * Spacing of free nodes, m: a fixed lattice over the area (independent of obstacles) where the
   * vehicle may bend in open ground. 'auto': max(15 m, √(area / 400)).
   */
  freeSpacingM?: number | 'auto';
  /**
   * Longest straight edge, m, or 'auto': unlimited up to AUTO_DENSE_NODES nodes, else
   * AUTO_MAX_EDGE_M (in a dense district a longer straight is a chain of edges that do not turn).
   */
  maxEdgeM: number | 'auto';
  /**
   * Which obstacle corners add nodes: 'buildings' (default) — only buildings', so adding a barrier
   * line or an `obstacle` never adds a node and can only remove legs and shrink bends (the analysis
   * is monotone in them by construction); true — every obstacle's; false — none (the node set does
   * not depend on the scene's obstacles at all: monotone in buildings too, at a lattice's accuracy).
   */
  cornerNodes?: boolean | 'buildings';
  /**
   * Weave nodes (weave-nodes.ts): nodes in front of building faces across streets near the starts,
   * so a class below top speed can swing across a street to lengthen its run-up; outside dense
   * scenes also along every street (street nodes: round barrier ends, median ends and jogs).
   */
  weaveNodes?: boolean;
  /** Spacing of start points along the area edge, m. */
  edgeStartSpacingM: number;
  signal?: { aborted: boolean };
}

function cross(ax: number, ay: number, bx: number, by: number): number {
  return ax * by - ay * bx;
}

/** Whether a point is a legal place for the vehicle's centre. */
export function pointClear(edges: ObstacleEdges, area: MultiPolygonXY, h: number, x: number, y: number): boolean {
  if (!pointInMultiPolygon([x, y], area)) return false;
  if (pointInsideObstacle(edges, x, y)) return false;
  return nearestEdgeDistance(edges, x, y, h, () => false) >= h - 1e-9;
}

export function insideArea(areaSegments: [number, number, number, number][], ax: number, ay: number, bx: number, by: number): boolean {
  for (const s of areaSegments) if (segmentsIntersect(ax, ay, bx, by, s[0], s[1], s[2], s[3])) return false;
  return true;
}

interface RawNode { x: number; y: number; cx: number; cy: number; ring: number; vertex: number; start: boolean; weave?: boolean; street?: boolean; twin?: boolean }

/** Lattice of free nodes over the area's bounding box, anchored at its lower-left corner. */
function freeNodes(area: MultiPolygonXY, spacing: number | 'auto' | undefined): RawNode[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, areaM2 = 0;
  for (const poly of area) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) areaM2 += (ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]) / 2;
      for (const p of ring) { minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]); }
    }
  }
  if (minX === Infinity) return [];
  const s = spacing === undefined || spacing === 'auto' ? Math.max(15, Math.sqrt(Math.abs(areaM2) / 400)) : spacing;
  if (!(s > 0) || !Number.isFinite(s)) return [];
  const out: RawNode[] = [];
  for (let y = minY + s / 2; y < maxY; y += s) for (let x = minX + s / 2; x < maxX; x += s) out.push({ x, y, cx: NaN, cy: NaN, ring: -1, vertex: -1, start: false });
  return out;
}

/** Nodes beside one vertex V with incoming direction d1 and outgoing d2, on the side whose normals are n1, n2. */
function sideNodes(out: RawNode[], vx: number, vy: number, d1: XY, d2: XY, n1: XY, n2: XY, r: number, ring: number, vertex: number): void {
  const bx = n1[0] + n2[0], by = n1[1] + n2[1];
  const bl = Math.hypot(bx, by);
  const cosHalf = bl / 2; // cos of half the angle between the normals
  if (bl > 1e-9 && cosHalf >= 0.5) {
    const k = r / cosHalf;
    out.push({ x: vx + (bx / bl) * k, y: vy + (by / bl) * k, cx: vx, cy: vy, ring, vertex, start: false });
  } else {
    // Sharp corner: two nodes, one square off each edge's end.
    out.push({ x: vx + r * (n1[0] + d1[0]), y: vy + r * (n1[1] + d1[1]), cx: vx, cy: vy, ring, vertex, start: false });
    out.push({ x: vx + r * (n2[0] - d2[0]), y: vy + r * (n2[1] - d2[1]), cx: vx, cy: vy, ring, vertex, start: false });
  }
}

function unit(ax: number, ay: number, bx: number, by: number): XY {
  const l = Math.hypot(bx - ax, by - ay);
  return [(bx - ax) / l, (by - ay) / l];
}

function cornerNodes(edges: ObstacleEdges, h: number, buildingsOnly: boolean): RawNode[] {
  const out: RawNode[] = [];
  const r = h + NODE_MARGIN_M;
  edges.rings.forEach((ring, ri) => {
    if (buildingsOnly && !ring.building) return;
    const p = ring.points;
    if (ring.closed) {
      const n = p.length - 1;
      for (let i = 0; i < n; i++) {
        const a = p[(i + n - 1) % n], v = p[i], b = p[(i + 1) % n];
        const d1 = unit(a[0], a[1], v[0], v[1]), d2 = unit(v[0], v[1], b[0], b[1]);
        // Obstacle on the left: a left turn is a convex corner; outward normals point right.
        if (cross(d1[0], d1[1], d2[0], d2[1]) <= 1e-12) continue;
        sideNodes(out, v[0], v[1], d1, d2, [d1[1], -d1[0]], [d2[1], -d2[0]], r, ri, i);
      }
    } else {
      const n = p.length;
      const dFirst = unit(p[0][0], p[0][1], p[1][0], p[1][1]);
      const dLast = unit(p[n - 2][0], p[n - 2][1], p[n - 1][0], p[n - 1][1]);
      // Line ends: square caps.
      for (const [v, d, vi] of [[p[0], [-dFirst[0], -dFirst[1]] as XY, 0], [p[n - 1], dLast, n - 1]] as [XY, XY, number][]) {
        const nrm: XY = [d[1], -d[0]];
        out.push({ x: v[0] + r * (d[0] + nrm[0]), y: v[1] + r * (d[1] + nrm[1]), cx: v[0], cy: v[1], ring: ri, vertex: vi, start: false });
        out.push({ x: v[0] + r * (d[0] - nrm[0]), y: v[1] + r * (d[1] - nrm[1]), cx: v[0], cy: v[1], ring: ri, vertex: vi, start: false });
      }
      for (let i = 1; i < n - 1; i++) {
        const d1 = unit(p[i - 1][0], p[i - 1][1], p[i][0], p[i][1]), d2 = unit(p[i][0], p[i][1], p[i + 1][0], p[i + 1][1]);
        const t = cross(d1[0], d1[1], d2[0], d2[1]);
        if (Math.abs(t) <= 1e-12) continue;
        // The convex side of a bend is outside the turn: right of a left turn, left of a right turn.
        const s = t > 0 ? 1 : -1;
        sideNodes(out, p[i][0], p[i][1], d1, d2, [s * d1[1], -s * d1[0]], [s * d2[1], -s * d2[0]], r, ri, i);
      }
    }
  });
  return out;
}

/**
 * Starts at rest: each `vehicle_origin`, and along the area's edge every `spacingM` (segment
 * midpoints of equal pieces) plus one in each stretch of the edge clear of buildings by h that no
 * spaced start falls in (`clearStretches`: a street narrower than the spacing plus the vehicle's
 * width could otherwise have no start at all).
 */
function edgeStartNodes(starts: readonly StartPlace[], spacingM: number, edges: ObstacleEdges, h: number): RawNode[] {
  const out: RawNode[] = [];
  for (const s of starts) {
    if (s.kind === 'origin') {
      out.push({ x: s.at[0], y: s.at[1], cx: NaN, cy: NaN, ring: -1, vertex: -1, start: true });
      continue;
    }
    const ring = s.ring;
    // Ring orientation decides which side is inside: nudge 1 mm inward.
    let area2 = 0;
    for (let i = 0; i + 1 < ring.length; i++) area2 += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    const inward = area2 > 0 ? 1 : -1;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i], b = ring[i + 1];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len === 0) continue;
      const d: XY = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
      const nIn: XY = [-d[1] * inward, d[0] * inward];
      const k = Math.max(1, Math.ceil(len / spacingM));
      const at = (t: number): RawNode => ({ x: a[0] + t * (b[0] - a[0]) + nIn[0] * NODE_MARGIN_M, y: a[1] + t * (b[1] - a[1]) + nIn[1] * NODE_MARGIN_M, cx: NaN, cy: NaN, ring: -1, vertex: -1, start: true });
      for (let j = 0; j < k; j++) out.push(at((j + 0.5) / k));
      const ox = nIn[0] * NODE_MARGIN_M, oy = nIn[1] * NODE_MARGIN_M;
      for (const t of missedStretchMiddles(edges, a[0] + ox, a[1] + oy, b[0] + ox, b[1] + oy, h, k)) out.push(at(t));
    }
  }
  return out;
}

export function buildApproachGraph(
  edges: ObstacleEdges,
  area: MultiPolygonXY,
  areaSegments: [number, number, number, number][],
  starts: readonly StartPlace[],
  halfWidthM: number,
  options: GraphOptions,
): ApproachGraph {
  const h = halfWidthM;
  const corners = options.cornerNodes === false ? [] : cornerNodes(edges, h, options.cornerNodes !== true);
  // Wide lines round curved building faces (swing-nodes.ts): free nodes placed from buildings only.
  const swing: RawNode[] = options.cornerNodes === false ? [] : swingNodes(edges, areaSegments, h, h + NODE_MARGIN_M).map(([sx, sy]) => ({ x: sx, y: sy, cx: NaN, cy: NaN, ring: -1, vertex: -1, start: false }));
  const startNodes = edgeStartNodes(starts, options.edgeStartSpacingM, edges, h);
  const lattice = freeNodes(area, options.freeSpacingM);
  // Counted before the clear-of-obstacles filter and without the weave nodes (so adding an obstacle
  // changes neither switch, and scenes without weave nodes keep their old legs).
  const dense = startNodes.length + corners.length + swing.length + lattice.length > AUTO_DENSE_NODES;
  // Weave nodes (weave-nodes.ts): near origins always, near the area's edge only outside dense scenes.
  const weaveStarts: XY[] = dense ? starts.flatMap((s) => (s.kind === 'origin' ? [s.at] : [])) : startNodes.map((n) => [n.x, n.y]);
  // Outside dense scenes, the same nodes along every street (street nodes: legs up to STREET_NODE_LEG_M).
  const streetAt: XY[] = [];
  const weaveOn = options.cornerNodes !== false && options.weaveNodes !== false;
  const weave: RawNode[] = !weaveOn ? [] : weaveNodes(edges, areaSegments, weaveStarts, h, h + NODE_MARGIN_M, dense ? undefined : streetAt).map(([sx, sy]) => ({ x: sx, y: sy, cx: NaN, cy: NaN, ring: -1, vertex: -1, start: false, weave: true }));
  const street: RawNode[] = streetAt.map(([sx, sy]) => ({ x: sx, y: sy, cx: NaN, cy: NaN, ring: -1, vertex: -1, start: false, weave: true, street: true }));
  // Street nodes last, so the other nodes keep their order (and equally fast paths their ties).
  const all = [...startNodes, ...corners, ...swing, ...weave, ...lattice, ...street];
  const kept = all.filter((n) => pointClear(edges, area, h, n.x, n.y));
  // Counted before the clear-of-obstacles filter, so adding an obstacle can only shorten legs.
  const R = options.maxEdgeM === 'auto' ? (dense ? AUTO_MAX_EDGE_M : Infinity) : options.maxEdgeM;
  // Each corner a weave node can reach gets a twin (appended, so the other nodes keep their order):
  // weave nodes lead into the twin, whose turns have the racing line's entry checked, never into
  // the corner node itself (whose entry is along its leg, as before).
  const keptStreet = kept.filter((n) => n.street);
  const raw = weave.length === 0 && keptStreet.length === 0 ? kept : [...kept, ...twinCorners(kept, weave, R, keptStreet)];
  const nodeCount = raw.length;
  const x = new Float64Array(nodeCount), y = new Float64Array(nodeCount);
  const cornerX = new Float64Array(nodeCount), cornerY = new Float64Array(nodeCount);
  const isStart = new Uint8Array(nodeCount), clearanceM = new Float64Array(nodeCount);
  const nodeRing = new Int32Array(nodeCount);
  raw.forEach((n, i) => {
    x[i] = n.x; y[i] = n.y; cornerX[i] = n.cx; cornerY[i] = n.cy; isStart[i] = n.start ? 1 : 0;
    nodeRing[i] = n.ring;
    if (n.start) return;
    // Room to swing out: distance to the nearest other obstacle less h. The wrapped obstacle is left
    // out when it is convex (it lies inside the turn); otherwise only the corner's own two edges.
    const ringInfo = n.ring >= 0 ? edges.rings[n.ring] : undefined;
    const own = (e: number) => ringInfo !== undefined && edges.ring[e] === n.ring && (ringInfo.convex || isIncident(edges, e, n.cx, n.cy));
    let c = nearestEdgeDistance(edges, n.x, n.y, CLEARANCE_CAP_M + h, own) - h;
    for (const s of areaSegments) c = Math.min(c, pointSegmentDist(n.x, n.y, s));
    clearanceM[i] = Math.max(0, Math.min(CLEARANCE_CAP_M, c));
  });

  const sectorClearanceM = new Float64Array(nodeCount * SECTORS);
  // Buckets of a quarter of the room table's reach: 5 × 5 of them cover a node's square.
  const sectorGrid = edgeGridOf(edges, SECTOR_REACH_M / 4);
  const angles: VertexAngles = { stamp: new Int32Array(edges.count), a: new Float64Array(edges.count), b: new Float64Array(edges.count) };
  for (let i = 0; i < nodeCount; i++) {
    if (isStart[i]) continue;
    // Corner nodes too (their turn's exit is checked against it first), leaving out the wrapped
    // obstacle as the room c does.
    const ringInfo = nodeRing[i] >= 0 ? edges.rings[nodeRing[i]] : undefined;
    const cx = cornerX[i], cy = cornerY[i];
    // The same edges left out as the room c's `own` (none at a free node).
    const ownRing = cx === cx && ringInfo !== undefined ? nodeRing[i] : -1;
    sectorRoom(edges, sectorGrid, areaSegments, h, x[i], y[i], sectorClearanceM, i * SECTORS, ownRing, ringInfo?.convex === true, cx, cy, angles);
  }

  let nodeIndex: Flatbush | undefined;
  if (nodeCount > 0) {
    nodeIndex = new Flatbush(nodeCount);
    for (let i = 0; i < nodeCount; i++) nodeIndex.add(x[i], y[i], x[i], y[i]);
    nodeIndex.finish();
  }

  // Visible pairs within maxEdgeM; starts get out-edges only. Directed legs are appended in order
  // (i ascending, then j ascending), as typed arrays grown by doubling.
  let cap = 1 << 16, m = 0;
  let from = new Int32Array(cap), to = new Int32Array(cap), len = new Float64Array(cap);
  const push = (a: number, b: number, L: number) => {
    if (m === cap) {
      cap *= 2;
      const f = new Int32Array(cap), t = new Int32Array(cap), l = new Float64Array(cap);
      f.set(from); t.set(to); l.set(len);
      from = f; to = t; len = l;
    }
    from[m] = a; to[m] = b; len[m] = L; m++;
  };
  const isWeave = Uint8Array.from(raw, (n) => (n.weave ? 1 : 0));
  const isTwin = Uint8Array.from(raw, (n) => (n.twin ? 1 : 0));
  const isStreet = Uint8Array.from(raw, (n) => (n.street ? 1 : 0));
  const streetLeg2 = STREET_NODE_LEG_M * STREET_NODE_LEG_M;
  // Outside dense scenes every corner turn has its entry checked: a leg from a corner across the
  // street comes in diagonally, and its racing line's swing could clip a corner (real layouts: 2 of
  // 533 bends were reported faster than any line GEOS could drive). Dense scenes (W2, already over
  // its time target) keep it at twins only, as before: not measured there.
  const entryChecked = dense ? (weave.length === 0 && keptStreet.length === 0 ? undefined : isTwin) : Uint8Array.from(raw, (n) => (n.twin || n.cx === n.cx ? 1 : 0));
  // Which directed legs exist: none into a start; into a twin only from a weave node; from a weave
  // node into a corner only through its twin.
  const allow = (a: number, b: number) => !isStart[b] && (isTwin[b] ? isWeave[a] === 1 : !(isWeave[a] && cornerX[b] === cornerX[b]));
  // Exact shortcut (leg-shadows.ts): a leg the shadow table refuses touches an obstacle edge, so
  // segmentClear below would refuse it too; a leg it lets through gets every test as before.
  const shadows = h > 1e-6 ? legShadows(edges, Math.min(R, SHADOW_REACH_M)) : undefined;
  const later = laterNodesWithin(x, y, R);
  for (let i = 0; i < nodeCount; i++) {
    if ((i & 1023) === 0 && options.signal?.aborted) throw abortError();
    const near = later(i);
    if (near.length === 0) continue;
    const xi = x[i], yi = y[i];
    shadows?.from(xi, yi);
    for (let k = 0; k < near.length; k++) {
      const j = near[k];
      if (isStart[i] && isStart[j]) continue;
      if (isTwin[i] && isTwin[j]) continue;
      if ((isStreet[i] || isStreet[j]) && (x[j] - xi) * (x[j] - xi) + (y[j] - yi) * (y[j] - yi) > streetLeg2) continue;
      if (shadows && shadows.blocks(x[j] - xi, y[j] - yi)) continue;
      if (!insideArea(areaSegments, xi, yi, x[j], y[j])) continue;
      if (!segmentClear(edges, xi, yi, x[j], y[j], h)) continue;
      const L = hypot2(x[j] - xi, y[j] - yi);
      if (L === 0 && (isTwin[i] || isTwin[j])) continue; // a twin and its own corner
      if (allow(i, j)) push(i, j, L);
      if (allow(j, i)) push(j, i, L);
    }
  }
  const outStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) outStart[from[e] + 1]++;
  for (let i = 0; i < nodeCount; i++) outStart[i + 1] += outStart[i];
  const fill = outStart.slice(0, nodeCount);
  const edgeTo = new Int32Array(m), edgeFrom = new Int32Array(m), edgeLengthM = new Float64Array(m);
  const order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[fill[from[e]]++] = e;
  for (let k = 0; k < m; k++) {
    const e = order[k];
    edgeFrom[k] = from[e]; edgeTo[k] = to[e]; edgeLengthM[k] = len[e];
  }
  const inStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) inStart[edgeTo[e] + 1]++;
  for (let i = 0; i < nodeCount; i++) inStart[i + 1] += inStart[i];
  const inFill = inStart.slice(0, nodeCount);
  const inEdge = new Int32Array(m);
  for (let e = 0; e < m; e++) inEdge[inFill[edgeTo[e]]++] = e;
  return { halfWidthM: h, nodeCount, x, y, cornerX, cornerY, isStart, entryChecked, clearanceM, sectorClearanceM, outStart, edgeTo, edgeFrom, edgeLengthM, inStart, inEdge, nodeIndex, edges, area, areaSegments, maxEdgeM: R };
}

/**
 * For node i, the nodes j > i within `r` of it, ascending (the same set and order as a sorted
 * `nodesWithin` query less the j ≤ i, same squared-distance test), from a bucket grid of cell r / 2:
 * one pass over the buckets around the node, sorted as integers. `r` = Infinity: every later node.
 * The returned view is reused by the next call.
 */
function laterNodesWithin(x: Float64Array, y: Float64Array, r: number): (i: number) => Int32Array {
  const n = x.length;
  const buf = new Int32Array(Math.max(1, n));
  if (!Number.isFinite(r) || n === 0) {
    return (i) => {
      let k = 0;
      for (let j = i + 1; j < n; j++) buf[k++] = j;
      return buf.subarray(0, k);
    };
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) { minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]); minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]); }
  // Buckets of half of r, two rings round the node's (a node within r is at most ⌈r / cell⌉ buckets
  // away per axis); at most ~1M buckets (a tiny r on a huge area gets coarser buckets, fewer rings).
  const cell = Math.max(r / 2, 1e-9, Math.max(maxX - minX, maxY - minY) / 1024);
  const rings = Math.ceil(r / cell);
  const nx = Math.floor((maxX - minX) / cell) + 1, ny = Math.floor((maxY - minY) / cell) + 1;
  const bx = new Int32Array(n), by = new Int32Array(n);
  const start = new Int32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    bx[i] = Math.min(nx - 1, Math.floor((x[i] - minX) / cell)); by[i] = Math.min(ny - 1, Math.floor((y[i] - minY) / cell));
    start[by[i] * nx + bx[i] + 1]++;
  }
  for (let k = 0; k < nx * ny; k++) start[k + 1] += start[k];
  const fill = start.slice(0, nx * ny);
  const items = new Int32Array(n);
  // Filled in index order, so each bucket lists its nodes ascending.
  for (let i = 0; i < n; i++) items[fill[by[i] * nx + bx[i]]++] = i;
  const r2 = r * r;
  return (i) => {
    const px = x[i], py = y[i];
    let k = 0;
    for (let cy = Math.max(0, by[i] - rings); cy <= Math.min(ny - 1, by[i] + rings); cy++) {
      for (let cx = Math.max(0, bx[i] - rings); cx <= Math.min(nx - 1, bx[i] + rings); cx++) {
        const c = cy * nx + cx;
        // Ascending: walk down from the last node and stop at the first j ≤ i.
        for (let p = start[c + 1] - 1; p >= start[c]; p--) {
          const j = items[p];
          if (j <= i) break;
          const dx = px - x[j], dy = py - y[j];
          if (dx * dx + dy * dy <= r2) buf[k++] = j;
        }
      }
    }
    return buf.subarray(0, k).sort();
  };
}

/**
 * Nodes within `r` of (px, py) — the same set as flatbush's `neighbors(px, py, Infinity, r)` (same
 * squared-distance test), found with a box search, which is several times faster than its k-nearest
 * queue when every node in range is wanted anyway (callers sort the result).
 */
export function nodesWithin(index: Flatbush, x: Float64Array, y: Float64Array, px: number, py: number, r: number): number[] {
  const r2 = r * r;
  return index.search(px - r, py - r, px + r, py + r, (k) => {
    const dx = px - x[k], dy = py - y[k];
    return dx * dx + dy * dy <= r2;
  });
}

/** Twins of the corner nodes within `reach` of some weave node's place (before the clear filter: positions only). */
function twinCorners(kept: readonly RawNode[], weave: readonly RawNode[], reach: number, street: readonly RawNode[]): RawNode[] {
  const near = within(weave, reach), nearStreet = within(street, STREET_NODE_LEG_M);
  return kept.filter((n) => n.cx === n.cx && (near(n) || nearStreet(n))).map((n) => ({ ...n, twin: true }));
}

/** Whether a node lies within `reach` of any of `nodes` (every node when reach is infinite and there are some). */
function within(nodes: readonly RawNode[], reach: number): (n: RawNode) => boolean {
  if (nodes.length === 0) return () => false;
  if (!Number.isFinite(reach)) return () => true;
  const index = new Flatbush(nodes.length);
  const wx = Float64Array.from(nodes, (w) => w.x), wy = Float64Array.from(nodes, (w) => w.y);
  for (let k = 0; k < nodes.length; k++) index.add(wx[k], wy[k], wx[k], wy[k]);
  index.finish();
  return (n) => nodesWithin(index, wx, wy, n.x, n.y, reach).length > 0;
}

function isIncident(edges: ObstacleEdges, e: number, vx: number, vy: number): boolean {
  return (edges.ax[e] === vx && edges.ay[e] === vy) || (edges.bx[e] === vx && edges.by[e] === vy);
}

function pointSegmentDist(px: number, py: number, s: [number, number, number, number]): number {
  const dx = s[2] - s[0], dy = s[3] - s[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s[0]) * dx + (py - s[1]) * dy) / l2));
  return hypot2(px - s[0] - t * dx, py - s[1] - t * dy);
}

/** Sector of a direction angle (radians). */
export function sectorOf(angle: number): number {
  const k = Math.floor(((angle + Math.PI) / (2 * Math.PI)) * SECTORS);
  return k < 0 ? 0 : k >= SECTORS ? SECTORS - 1 : k;
}

/** Marks sectors spanned (the short way) from angle a0 to a1 with at most `room`. */
function markSpan(out: Float64Array, at: number, a0: number, a1: number, room: number): void {
  let d = a1 - a0;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  const from = d >= 0 ? a0 : a0 + d;
  const k0 = sectorOf(from);
  const n = Math.ceil((Math.abs(d) / (2 * Math.PI)) * SECTORS) + 1;
  for (let j = 0; j <= n && j < SECTORS; j++) {
    const k = (k0 + j) % SECTORS;
    if (room < out[at + k]) out[at + k] = room;
  }
}

/** Angles of each edge's ends from the current node, valid where `stamp` is the node's tick. */
interface VertexAngles { stamp: Int32Array; a: Float64Array; b: Float64Array }

/**
 * Room per direction around a node (see `sectorClearanceM`), conservative: an edge counts at its
 * nearest distance over its whole angular span. Edges of ring `ownRing` are left out when the ring
 * is convex, else only those incident to the corner (cx, cy).
 *
 * The edges taken are exactly those whose box meets the square of half-side SECTOR_REACH_M round
 * the node (the test flatbush's box search applies, here over the buckets of `g`, a grid of the
 * edges holding every edge in each bucket its box meets), each with the same arithmetic as before. The table is a
 * minimum per sector, so the order the edges come in does not matter and an edge whose room is at
 * least the largest entry so far can lower nothing, now or later (entries only fall): buckets are
 * visited in rings of growing distance, an edge clearly beyond that largest entry (squared
 * distance, 1e-6 m of slack) is passed over without its angles, and the rings stop once every
 * point in them is that far.
 */
function sectorRoom(
  edges: ObstacleEdges, g: EdgeGrid | undefined, areaSegments: [number, number, number, number][], h: number, px: number, py: number,
  out: Float64Array, at: number, ownRing: number, ownConvex: boolean, cx: number, cy: number, angles: VertexAngles,
): void {
  const cap = SECTOR_REACH_M - h;
  out.fill(cap, at, at + SECTORS);
  if (g) {
    const qx0 = px - SECTOR_REACH_M, qy0 = py - SECTOR_REACH_M, qx1 = px + SECTOR_REACH_M, qy1 = py + SECTOR_REACH_M;
    const i0 = Math.max(0, Math.floor((qx0 - g.minX) / g.cell)), i1 = Math.min(g.nx - 1, Math.floor((qx1 - g.minX) / g.cell));
    const j0 = Math.max(0, Math.floor((qy0 - g.minY) / g.cell)), j1 = Math.min(g.ny - 1, Math.floor((qy1 - g.minY) / g.cell));
    // The node's own bucket (possibly outside the grid): a point in a bucket m rings out is at least (m − 1)·cell away.
    const pi = Math.floor((px - g.minX) / g.cell), pj = Math.floor((py - g.minY) / g.cell);
    const rings = Math.max(pi - i0, i1 - pi, pj - j0, j1 - pj);
    const tick = ++g.tick.n;
    const eax = edges.ax, eay = edges.ay, ebx = edges.bx, eby = edges.by;
    let top = cap, skip2 = (cap + h + 1e-6) * (cap + h + 1e-6);
    const bucket = (c: number) => {
      for (let q = g.start[c]; q < g.start[c + 1]; q++) {
        const e = g.items[q];
        if (g.stamp[e] === tick) continue;
        g.stamp[e] = tick;
        const ax = eax[e], ay = eay[e], bx = ebx[e], by = eby[e];
        if (qx1 < Math.min(ax, bx) || qy1 < Math.min(ay, by) || qx0 > Math.max(ax, bx) || qy0 > Math.max(ay, by)) continue;
        if (edges.ring[e] === ownRing && (ownConvex || (ax === cx && ay === cy) || (bx === cx && by === cy))) continue;
        // pointSegmentDist's arithmetic, the square root only when the edge can matter.
        const dx = bx - ax, dy = by - ay;
        const l2 = dx * dx + dy * dy;
        const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
        const ex = px - ax - t * dx, ey = py - ay - t * dy;
        if (ex * ex + ey * ey > skip2) continue;
        const room = hypot2(ex, ey) - h;
        if (room >= cap) continue;
        // A ring's consecutive edges share a vertex (edge e's end is edge e + 1's start, the same
        // numbers): its angle from the node is computed once per node (same inputs, same atan2).
        let aA: number, aB: number;
        if (e > 0 && angles.stamp[e - 1] === tick && edges.ring[e - 1] === edges.ring[e]) aA = angles.b[e - 1];
        else aA = Math.atan2(ay - py, ax - px);
        if (e + 1 < edges.count && angles.stamp[e + 1] === tick && edges.ring[e + 1] === edges.ring[e]) aB = angles.a[e + 1];
        else aB = Math.atan2(by - py, bx - px);
        angles.stamp[e] = tick; angles.a[e] = aA; angles.b[e] = aB;
        markSpan(out, at, aA, aB, Math.max(0, room));
      }
    };
    for (let m = 0; m <= rings; m++) {
      if (m >= 2) {
        top = 0;
        for (let k = at; k < at + SECTORS; k++) if (out[k] > top) top = out[k];
        if ((m - 1) * g.cell - h - 1e-6 >= top) break;
        skip2 = (top + h + 1e-6) * (top + h + 1e-6);
      }
      visitBucketRing(g, pi, pj, m, i0, i1, j0, j1, bucket);
    }
  }
  for (const s of areaSegments) {
    const room = pointSegmentDist(px, py, s);
    if (room >= cap) continue;
    markSpan(out, at, Math.atan2(s[1] - py, s[0] - px), Math.atan2(s[3] - py, s[2] - px), Math.max(0, room));
  }
}

