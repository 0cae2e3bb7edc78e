import Flatbush from 'flatbush';
import type { SceneFeature } from '../../core/scene/types.js';
import { geometryPositions } from '../../core/geometry/local-frame.js';

export type ScreenPoint = { x: number; y: number };

export interface SnapQuery {
  lngLat: [number, number];
  /** The cursor on screen and the tolerance in screen pixels. */
  cursor: ScreenPoint;
  tolerancePx: number;
  project: (lngLat: [number, number]) => ScreenPoint;
  unproject: (p: ScreenPoint) => [number, number];
  /** The feature being edited: never snap to itself. */
  excludeId?: string;
  /** Further ids to ignore (features whose entries here are out of date). */
  exclude?: ReadonlySet<string>;
}

export interface Snap {
  lngLat: [number, number];
  kind: 'vertex' | 'edge';
  featureId: string;
}

/**
 * Where a pointer snaps: the nearest vertex of any feature within the tolerance, else the
 * nearest point on an edge. Vertices and segments sit in a Flatbush index (degrees, searched
 * with a window of the tolerance); distances are compared on screen, as the planner sees them.
 */
export class SnapIndex {
  private readonly index: Flatbush | null;
  private readonly segA: Float64Array;
  private readonly segB: Float64Array;
  private readonly owner: string[];

  constructor(features: Iterable<SceneFeature>) {
    const a: number[] = [];
    const b: number[] = [];
    const owner: string[] = [];
    for (const f of features) {
      for (const line of featureLines(f)) {
        if (line.length === 1) {
          a.push(line[0][0], line[0][1]);
          b.push(line[0][0], line[0][1]);
          owner.push(f.id);
        }
        for (let i = 0; i + 1 < line.length; i++) {
          a.push(line[i][0], line[i][1]);
          b.push(line[i + 1][0], line[i + 1][1]);
          owner.push(f.id);
        }
      }
    }
    this.segA = Float64Array.from(a);
    this.segB = Float64Array.from(b);
    this.owner = owner;
    if (owner.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(owner.length);
    for (let i = 0; i < owner.length; i++) {
      const ax = a[2 * i], ay = a[2 * i + 1], bx = b[2 * i], by = b[2 * i + 1];
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
    this.index = index;
  }

  get size(): number {
    return this.owner.length;
  }

  snap(q: SnapQuery): Snap | undefined {
    if (!this.index) return undefined;
    const { cursor: c, tolerancePx: tol } = q;
    const corners = [q.unproject({ x: c.x - tol, y: c.y - tol }), q.unproject({ x: c.x + tol, y: c.y + tol })];
    const minX = Math.min(corners[0][0], corners[1][0]), maxX = Math.max(corners[0][0], corners[1][0]);
    const minY = Math.min(corners[0][1], corners[1][1]), maxY = Math.max(corners[0][1], corners[1][1]);
    const hits = this.index.search(minX, minY, maxX, maxY);
    let bestVertex: { d: number; p: [number, number]; id: string } | undefined;
    let bestEdge: { d: number; p: ScreenPoint; id: string } | undefined;
    for (const i of hits) {
      const id = this.owner[i];
      if (id === q.excludeId || q.exclude?.has(id)) continue;
      const a: [number, number] = [this.segA[2 * i], this.segA[2 * i + 1]];
      const b: [number, number] = [this.segB[2 * i], this.segB[2 * i + 1]];
      const pa = q.project(a), pb = q.project(b);
      for (const [p, ll] of [[pa, a], [pb, b]] as const) {
        const d = Math.hypot(p.x - c.x, p.y - c.y);
        if (d <= tol && (!bestVertex || d < bestVertex.d)) bestVertex = { d, p: ll, id };
      }
      const onEdge = closestOnSegment(c, pa, pb);
      const d = Math.hypot(onEdge.x - c.x, onEdge.y - c.y);
      if (d <= tol && (!bestEdge || d < bestEdge.d)) bestEdge = { d, p: onEdge, id };
    }
    if (bestVertex) return { lngLat: bestVertex.p, kind: 'vertex', featureId: bestVertex.id };
    if (bestEdge) return { lngLat: q.unproject(bestEdge.p), kind: 'edge', featureId: bestEdge.id };
    return undefined;
  }
}

function featureLines(f: SceneFeature): number[][][] {
  const g = f.geometry;
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'LineString':
      return [g.coordinates];
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [geometryPositions(g)];
  }
}

export function closestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return { x: a.x + t * dx, y: a.y + t * dy };
}
