/**
 * Exact 2D visibility polygon by angular plane sweep (Asano; the Red Blob Games "2D Visibility"
 * walkthrough; shared/reference/cctv.md §4): sort segment endpoints by angle around the observer,
 * sweep a ray keeping the segments it crosses ordered by distance, emit a vertex pair whenever
 * the nearest one changes. O(n log n) comparisons for n segments: events are sorted once, and
 * the ordered set is a sorted array searched by bisection (O(log k) comparisons per event, plus
 * an O(k) memmove on insert/remove where k is the number of segments one ray crosses — a handful
 * in a street grid, so an array beats a balanced tree here).
 *
 * Written here rather than taken from npm `visibility-polygon` (the port of visibility-polygon-js):
 * that package is low-adoption (~785 downloads a month), its `breakIntersections` is O(N²), it
 * forbids a vertex touching the middle of another segment (exactly what adjacent buildings do),
 * uses an absolute epsilon and its upstream source is not strict-mode clean (cctv.md §4).
 *
 * Robustness: callers pass integer millimetres (snapped local metres), so every orientation test
 * below is an exact product of integers < 2^53 (coordinates relative to the observer stay below
 * 2^26 mm = 67 km; camera ranges are ≤ 10 km). Segments through the observer (edge-on, zero
 * angular width) are dropped; touching, collinear and overlapping segments are ordered by the
 * exact "which is on the observer's side of the other's line" test, ties (collinear overlap,
 * same distance on every ray) by index. Proper crossings must be split beforehand
 * (splitCrossingSegments); a leftover crossing falls back to the distance along the current ray.
 */

/** Segments as a flat array [x1, y1, x2, y2, …] in millimetres. */
export type SegmentCoords = ArrayLike<number>;

/**
 * The region visible from `observer` (mm) among the segments `ids` of `coords` (mm), bounded by
 * the square of half-size `boxHalfMm` around the observer. Returns a counter-clockwise ring as a
 * flat array [x0, y0, x1, y1, …] in millimetres (not closed).
 */
export function visibilityPolygonMm(observer: readonly number[], coords: SegmentCoords, ids: ArrayLike<number>, boxHalfMm: number): number[] {
  const ox = observer[0];
  const oy = observer[1];
  const cap = ids.length + 4;
  const ax = new Float64Array(cap);
  const ay = new Float64Array(cap);
  const bx = new Float64Array(cap);
  const by = new Float64Array(cap);
  let n = 0;
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    const c = x1 * y2 - y1 * x2;
    if (c === 0) return; // edge-on or degenerate: blocks no angle
    if (c > 0) {
      ax[n] = x1; ay[n] = y1; bx[n] = x2; by[n] = y2;
    } else {
      ax[n] = x2; ay[n] = y2; bx[n] = x1; by[n] = y1;
    }
    n++;
  };
  const B = boxHalfMm;
  // Segments are cut to the box: one reaching past it would cross a box side, and crossing
  // segments break the sweep's order. The cut coordinate is set exactly to ±B.
  const clipToBox = (x1: number, y1: number, x2: number, y2: number) => {
    if (x1 >= -B && x1 <= B && y1 >= -B && y1 <= B && x2 >= -B && x2 <= B && y2 >= -B && y2 <= B) return add(x1, y1, x2, y2);
    // Liang–Barsky against the four box sides
    let t0 = 0;
    let t1 = 1;
    const dx = x2 - x1;
    const dy = y2 - y1;
    for (let side = 0; side < 4; side++) {
      const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
      const q = side === 0 ? x1 + B : side === 1 ? B - x1 : side === 2 ? y1 + B : B - y1;
      if (p === 0) {
        if (q < 0) return;
      } else {
        const r = q / p;
        if (p < 0) {
          if (r > t1) return;
          if (r > t0) t0 = r;
        } else {
          if (r < t0) return;
          if (r < t1) t1 = r;
        }
      }
    }
    const snap = (v: number) => (v >= B ? B : v <= -B ? -B : v);
    add(snap(x1 + t0 * dx), snap(y1 + t0 * dy), snap(x1 + t1 * dx), snap(y1 + t1 * dy));
  };
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k] * 4;
    clipToBox(coords[i] - ox, coords[i + 1] - oy, coords[i + 2] - ox, coords[i + 3] - oy);
  }
  add(B, -B, B, B);
  add(B, B, -B, B);
  add(-B, B, -B, -B);
  add(-B, -B, B, -B);

  // Which side of segment s's line a point lies: > 0 on the observer's side (every segment is
  // oriented so the observer, at the origin, is on its left).
  const side = (s: number, px: number, py: number): number => {
    const v = (bx[s] - ax[s]) * (py - ay[s]) - (by[s] - ay[s]) * (px - ax[s]);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  };
  let rayX = 1;
  let rayY = 0;
  let rayFrom = -1;
  let rayTo = -1;
  let rayWrap = false;
  let rayReady = false;
  const rayDistance = (s: number): number => {
    if (!rayReady) computeRay();
    const ex = bx[s] - ax[s];
    const ey = by[s] - ay[s];
    return (ax[s] * ey - ay[s] * ex) / (rayX * ey - rayY * ex);
  };
  /** < 0 when s is nearer the observer than t on the rays both cross. */
  const closer = (s: number, t: number): number => {
    if (s === t) return 0;
    const e0 = side(s, ax[t], ay[t]);
    const e1 = side(s, bx[t], by[t]);
    if (e0 >= 0 && e1 >= 0) return e0 === 0 && e1 === 0 ? s - t : 1;
    if (e0 <= 0 && e1 <= 0) return -1;
    const f0 = side(t, ax[s], ay[s]);
    const f1 = side(t, bx[s], by[s]);
    if (f0 >= 0 && f1 >= 0) return -1;
    if (f0 <= 0 && f1 <= 0) return 1;
    const d = rayDistance(s) - rayDistance(t);
    return d !== 0 ? d : s - t;
  };

  // Events: 2s = start of segment s (point a), 2s+1 = its end (point b); sorted by angle from +x.
  const ex = (e: number) => ((e & 1) === 0 ? ax[e >> 1] : bx[e >> 1]);
  const ey = (e: number) => ((e & 1) === 0 ? ay[e >> 1] : by[e >> 1]);
  const angle = (x: number, y: number) => {
    const a = Math.atan2(y, x);
    return a < 0 ? a + 2 * Math.PI : a;
  };
  const half = (x: number, y: number) => (y < 0 || (y === 0 && x < 0) ? 1 : 0);
  const angleCmp = (px: number, py: number, qx: number, qy: number): number => {
    const hp = half(px, py);
    const hq = half(qx, qy);
    if (hp !== hq) return hp - hq;
    const c = px * qy - py * qx;
    return c > 0 ? -1 : c < 0 ? 1 : 0;
  };
  // Sort by a float pseudo-angle (monotone in the angle, cheap), then repair with the exact
  // comparator: the float order is already right except among near-equal angles, so the
  // insertion pass is linear in practice.
  const events = new Int32Array(2 * n);
  const key = new Float64Array(2 * n);
  for (let e = 0; e < 2 * n; e++) {
    events[e] = e;
    const x = ex(e);
    const y = ey(e);
    const d = y / (Math.abs(x) + Math.abs(y)); // in [−1, 1]
    key[e] = x >= 0 ? (y >= 0 ? d : 4 + d) : 2 - d; // [0, 4), counter-clockwise from +x
  }
  events.sort((e, f) => key[e] - key[f] || e - f);
  const exactBefore = (e: number, f: number) => {
    const c = angleCmp(ex(e), ey(e), ex(f), ey(f));
    return c < 0 || (c === 0 && e < f);
  };
  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    let j = i - 1;
    while (j >= 0 && exactBefore(e, events[j])) {
      events[j + 1] = events[j];
      j--;
    }
    events[j + 1] = e;
  }

  // Segments crossing the +x axis ray (start angle sorts after end angle) are active at the start.
  const active: number[] = [];
  for (let s = 0; s < n; s++) if (angleCmp(ax[s], ay[s], bx[s], by[s]) > 0) active.push(s);
  setRay(events[2 * n - 1], events[0], true);
  active.sort(closer);

  // The comparator's crossing fallback measures along a ray inside the coming angular interval,
  // computed only if a leftover crossing needs it.
  function setRay(from: number, to: number, wrap: boolean) {
    rayFrom = from;
    rayTo = to;
    rayWrap = wrap;
    rayReady = false;
  }
  function computeRay() {
    rayReady = true;
    const from = rayFrom;
    const to = rayTo;
    const a0 = angle(ex(from), ey(from));
    let a1 = angle(ex(to), ey(to));
    if (rayWrap || a1 < a0) a1 += 2 * Math.PI;
    if (a1 === a0) a1 = a0 + 2 * Math.PI;
    const m = (a0 + a1) / 2;
    rayX = Math.cos(m);
    rayY = Math.sin(m);
  }

  const indexOf = (s: number): number => {
    let lo = 0;
    let hi = active.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = closer(active[mid], s);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return active.indexOf(s); // only reached if a leftover crossing broke the order
  };
  const insert = (s: number) => {
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (closer(active[mid], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    active.splice(lo, 0, s);
  };

  const out: number[] = [];
  const emit = (x: number, y: number) => {
    const m = out.length;
    if (m >= 2 && out[m - 2] === x + ox && out[m - 1] === y + oy) return;
    out.push(x + ox, y + oy);
  };
  // Where the ray towards (px, py) meets segment s; its own endpoint exactly when it is on the ray.
  const hit = (s: number, px: number, py: number) => {
    if (px * ay[s] - py * ax[s] === 0 && px * ax[s] + py * ay[s] > 0) return emit(ax[s], ay[s]);
    if (px * by[s] - py * bx[s] === 0 && px * bx[s] + py * by[s] > 0) return emit(bx[s], by[s]);
    const sx = bx[s] - ax[s];
    const sy = by[s] - ay[s];
    const t = (ax[s] * sy - ay[s] * sx) / (px * sy - py * sx);
    emit(t * px, t * py);
  };

  const total = 2 * n;
  for (let i = 0; i < total; ) {
    const px = ex(events[i]);
    const py = ey(events[i]);
    let j = i + 1;
    while (j < total && angleCmp(px, py, ex(events[j]), ey(events[j])) === 0) j++;
    const before = active[0];
    for (let k = i; k < j; k++) {
      if ((events[k] & 1) === 1) {
        const at = indexOf(events[k] >> 1);
        if (at >= 0) active.splice(at, 1);
      }
    }
    setRay(events[i], events[j % total], j === total);
    for (let k = i; k < j; k++) if ((events[k] & 1) === 0) insert(events[k] >> 1);
    const after = active[0];
    if (before !== after) {
      hit(before, px, py);
      hit(after, px, py);
    }
    i = j;
  }
  const m = out.length;
  if (m >= 4 && out[0] === out[m - 2] && out[1] === out[m - 1]) out.length = m - 2;
  return out;
}

/**
 * Splits every pair of properly crossing segments at their crossing point, so that the sweep's
 * order of segments along a ray never changes while both are active. `candidates(i)` returns the
 * segments whose boxes meet segment i's box (a spatial index query), keeping this near-linear.
 */
export function splitCrossingSegments(coords: ArrayLike<number>, candidates: (i: number) => ArrayLike<number>): number[] {
  const count = coords.length / 4;
  const cuts: number[][] = Array.from({ length: count }, () => []);
  const orient = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (qx - px) * (ry - py) - (qy - py) * (rx - px);
  for (let i = 0; i < count; i++) {
    const [x1, y1, x2, y2] = [coords[4 * i], coords[4 * i + 1], coords[4 * i + 2], coords[4 * i + 3]];
    const near = candidates(i);
    for (let k = 0; k < near.length; k++) {
      const j = near[k];
      if (j <= i) continue;
      const [x3, y3, x4, y4] = [coords[4 * j], coords[4 * j + 1], coords[4 * j + 2], coords[4 * j + 3]];
      const o1 = orient(x1, y1, x2, y2, x3, y3);
      const o2 = orient(x1, y1, x2, y2, x4, y4);
      const o3 = orient(x3, y3, x4, y4, x1, y1);
      const o4 = orient(x3, y3, x4, y4, x2, y2);
      if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
        cuts[i].push(o3 / (o3 - o4));
        cuts[j].push(o1 / (o1 - o2));
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const [x1, y1, x2, y2] = [coords[4 * i], coords[4 * i + 1], coords[4 * i + 2], coords[4 * i + 3]];
    const ts = [0, ...cuts[i].sort((a, b) => a - b), 1];
    for (let k = 0; k + 1 < ts.length; k++) {
      const p = ts[k];
      const q = ts[k + 1];
      if (q <= p) continue;
      const at = (t: number, a: number, b: number) => (t === 0 ? a : t === 1 ? b : a + t * (b - a));
      out.push(at(p, x1, x2), at(p, y1, y2), at(q, x1, x2), at(q, y1, y2));
    }
  }
  return out;
}

/**
 * Convenience form in metres for small inputs (tests, isolated checks): snaps observer and
 * segments to whole millimetres, splits crossings, and returns the counter-clockwise ring in
 * metres (not closed), bounded by the square of half-size `boxHalfM` around the observer.
 */
export function visibilityPolygon(observer: readonly number[], segments: readonly (readonly (readonly number[])[])[], boxHalfM: number): [number, number][] {
  const mm = (v: number) => Math.round(v * 1000);
  const raw: number[] = [];
  for (const s of segments) raw.push(mm(s[0][0]), mm(s[0][1]), mm(s[1][0]), mm(s[1][1]));
  const count = raw.length / 4;
  const all = Array.from({ length: count }, (_, i) => i);
  const coords = splitCrossingSegments(raw, () => all);
  const ids = Array.from({ length: coords.length / 4 }, (_, i) => i);
  const ring = visibilityPolygonMm([mm(observer[0]), mm(observer[1])], coords, ids, mm(boxHalfM));
  const out: [number, number][] = [];
  for (let i = 0; i < ring.length; i += 2) out.push([ring[i] / 1000, ring[i + 1] / 1000]);
  return out;
}
