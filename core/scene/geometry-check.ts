import type { Position } from './types.js';

/**
 * Geometry checks that name what is wrong, for validation messages. Rings are checked for
 * closure and self-intersection in degrees: intersection is a topological property, so no
 * metric frame is needed here.
 */

export function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'a position must be [longitude, latitude]';
  const [lon, lat] = p as number[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `coordinate is not a finite number: [${String(lon)}, ${String(lat)}]`;
  }
  if (lon < -180 || lon > 180) return `longitude ${lon} is out of range [-180, 180]`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is out of range [-90, 90]`;
  return undefined;
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}


/**
 * Where two segments meet: the crossing point of a proper crossing, else the first endpoint of
 * one lying on the other (a touch or a collinear overlap), else null.
 */
function segmentMeeting(a: Position, b: Position, c: Position, d: Position): Position | null {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1];
    const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / (rx * sy - ry * sx);
    return [a[0] + t * rx, a[1] + t * ry];
  }
  if (o1 === 0 && onSegment(a, b, c)) return c;
  if (o2 === 0 && onSegment(a, b, d)) return d;
  if (o3 === 0 && onSegment(c, d, a)) return a;
  if (o4 === 0 && onSegment(c, d, b)) return b;
  return null;
}

/** Where a closed ring first crosses or touches itself (the point itself, not a vertex near it), or null. */
export function ringSelfIntersection(ring: Position[]): Position | null {
  const n = ring.length - 1; // closed: last equals first
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1];
    const minX = Math.min(a[0], b[0]), maxX = Math.max(a[0], b[0]);
    const minY = Math.min(a[1], b[1]), maxY = Math.max(a[1], b[1]);
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      const c = ring[j], d = ring[j + 1];
      if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
      const meeting = segmentMeeting(a, b, c, d);
      if (meeting) return meeting;
    }
  }
  return null;
}

/** A coordinate for a message: 7 decimals of a degree is ~1 cm, enough to find the place. */
function formatPosition(p: Position): string {
  return `[${+p[0].toFixed(7)}, ${+p[1].toFixed(7)}]`;
}

/** What is wrong with a polygon ring, or undefined. */
export function ringProblem(ring: unknown, label: string): string | undefined {
  if (!Array.isArray(ring)) return `${label} is not an array of positions`;
  for (const p of ring) {
    const problem = positionProblem(p);
    if (problem) return `${label}: ${problem}`;
  }
  const r = ring as Position[];
  if (r.length < 4) return `${label} has ${r.length} positions; a ring needs at least 4 (closed)`;
  if (!samePoint(r[0], r[r.length - 1])) return `${label} is not closed: first and last positions differ`;
  const distinct = new Set(r.slice(0, -1).map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) return `${label} has fewer than 3 distinct positions`;
  const hit = ringSelfIntersection(r);
  if (hit) return `${label} intersects itself at ${formatPosition(hit)}`;
  return undefined;
}

export function lineProblem(line: unknown, label: string): string | undefined {
  if (!Array.isArray(line)) return `${label} is not an array of positions`;
  for (const p of line) {
    const problem = positionProblem(p);
    if (problem) return `${label}: ${problem}`;
  }
  const l = line as Position[];
  if (l.length < 2) return `${label} has ${l.length} position(s); a line needs at least 2`;
  if (new Set(l.map((p) => `${p[0]},${p[1]}`)).size < 2) return `${label} has zero length`;
  return undefined;
}
