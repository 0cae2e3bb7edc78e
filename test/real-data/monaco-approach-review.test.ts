import { describe, expect, it } from 'vitest';
import type { XY } from '../../core/geometry/local-frame.js';
import { analyzeApproach, type ApproachAnalysis } from '../../core/approach/analyze-approach.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { disc, geosReview, impactRises, kinematicProblems, localFeature, monacoWindow, rect, summaryOf, turnReview, withFeatures, type MonacoWindow } from './approach-review.js';

// Issue #4, "How it will be checked", on real street layouts: three windows of the OSM Monaco
// extract (© OpenStreetMap contributors, ODbL; buildings read by GDAL) that the approach code was
// not tuned on — Monte-Carlo round the Boulevard des Moulins, the station / Sainte-Dévote, and the
// Stade Louis II. Crowd zones sit on OSM highways with at least the stated clearance from every
// building (picked with GEOS, then fixed here). Checked as a reviewer would, with nothing from the
// analysis's geometry code: paths keep half the vehicle width from every building and closed
// barrier line (GEOS, approach_review_geos.py), stay in the area, touch the target only at the end;
// speeds against the kinematics of hvm.md §1 (approach-review.ts); barrier verdicts against
// hvm.md acceptance 8; and monotonicity (issue #4 §3) by adding barriers across the best paths.

// The lightest and the heaviest IWA 14-1 class (widths 1.8 and 2.55 m: one graph each)
const CODES = ['M1', 'N3G'];

interface WindowCase {
  name: string;
  centre: XY;
  halfM: number;
  /** Open crowd zones: centre and half-side, m (the spot's clearance from buildings is ≥ half-side + 2.5 m). */
  zones: [number, number, number][];
  /** A zone ringed 2 m out by a bollard line whose widest gap is 1.2 m (TAL 1/11): no class fits. */
  ringed: [number, number, number];
  /** Two points across a street (a rated barrier line goes between them). */
  street: [XY, XY];
  codes: string[];
  /** A zone walled in by buildings (a courtyard, a pitch inside its stands): centre and half-side, m. */
  enclosed?: [number, number, number];
}

const WINDOWS: WindowCase[] = [
  { name: 'Boulevard des Moulins', centre: [7.4293, 43.744], halfM: 150, zones: [[-10.8, -16.3, 3.3], [-13, 80.5, 4.3]], ringed: [64.5, 33.4, 5], street: [[17, 79], [37, 65]], codes: [...CODES, 'VAN-AV'] },
  { name: 'station / Sainte-Dévote', centre: [7.42, 43.7378], halfM: 120, zones: [[-9.1, -18.3, 5], [-62.6, 58.8, 5]], ringed: [32.6, 63.6, 3.9], street: [[60, 20], [70, -8]], codes: CODES },
  { name: 'Stade Louis II', centre: [7.415, 43.7272], halfM: 120, zones: [[-38.6, -36.3, 3.2], [60.6, -59, 3.9]], ringed: [-55, 57.3, 3.3], street: [[39, -97], [45, -74]], codes: CODES, enclosed: [44.5, 40.5, 10] },
];

// Ratings as written on certificates (hvm.md §2; the space in the first is as in the NPSA catalogue).
const RATED_48 = 'V/7200 [N2A]/48/90:0.2';
const RATED_112 = 'V/30000[N3G]/112/90:0.0';

function sceneOf(w: WindowCase): { win: MonacoWindow; scene: MonacoWindow['scene'] } {
  const win = monacoWindow(w.centre, w.halfM, w.name);
  const F = win.frame;
  const square = ([x, y, s]: [number, number, number]) => rect(x - s, y - s, x + s, y + s);
  const [rx, ry, rs] = w.ringed;
  const [a, b] = w.street;
  const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const added: SceneFeature[] = [
    ...w.zones.map((z, i) => localFeature(F, `z${i + 1}`, { kind: 'crowd_zone' }, { type: 'Polygon', coordinates: [square(z)] })),
    localFeature(F, 'ringed', { kind: 'crowd_zone' }, { type: 'Polygon', coordinates: [square(w.ringed)] }),
    ...(w.enclosed ? [localFeature(F, 'enclosed', { kind: 'crowd_zone' }, { type: 'Polygon', coordinates: [square(w.enclosed)] })] : []),
    localFeature(F, 'ring', { kind: 'barrier', barrier_type: 'bollard', gap_m: 1.2 }, { type: 'LineString', coordinates: rect(rx - rs - 2, ry - rs - 2, rx + rs + 2, ry + rs + 2) }),
    // Two rated lines across one street, 0 and 3 m apart along it, as two halves of the street.
    localFeature(F, 'rated48', { kind: 'barrier', barrier_type: 'bollard', rating: RATED_48 }, { type: 'LineString', coordinates: [a, mid] }),
    localFeature(F, 'rated112', { kind: 'barrier', barrier_type: 'bollard', rating: RATED_112 }, { type: 'LineString', coordinates: [mid, b] }),
  ];
  const scene = withFeatures(win.scene, added);
  // A user's class with an a(v) curve (scene-format.md `accel_curve`), as wide as an M1 so it
  // shares M1's graph: its speeds are checked against the curve, not a constant a.
  scene.bulwark = { ...scene.bulwark, vehicles: [{ code: 'VAN-AV', name: 'van, a(v)', mass_kg: 3000, width_m: 1.8, accel_mps2: 2, top_speed_kmh: 120, min_turn_radius_m: 6, lateral_g: 0.8, accel_curve: [[0, 3.0], [30, 2.2], [60, 1.2], [100, 0.5], [120, 0.2]] }] };
  return { win, scene };
}

const cache = new Map<string, { win: MonacoWindow; scene: MonacoWindow['scene']; res: ApproachAnalysis }>();
function analysed(w: WindowCase) {
  let c = cache.get(w.name);
  if (!c) {
    const { win, scene } = sceneOf(w);
    c = { win, scene, res: analyzeApproach(scene, { vehicles: w.codes }) };
    cache.set(w.name, c);
  }
  return c;
}

describe('vehicle approach reviewed on real OSM street layouts (Monaco)', () => {
  for (const w of WINDOWS) {
    it(`${w.name}: clear of buildings and closed lines (GEOS), kinematics, walled zone unreachable, verdicts`, () => {
      const { win, scene, res } = analysed(w);
      expect(scene.features.filter((f) => f.properties.kind === 'building').length).toBeGreaterThan(15);
      const classes = vehicleClassesFor(scene);
      for (const code of w.codes) {
        // Hand-stated: every open zone lies in a street open to the area's edge; the ringed one
        // is closed all round by a line whose widest gap (1.2 m) is narrower than any class.
        for (let i = 1; i <= w.zones.length; i++) expect(summaryOf(res.summary, `z${i}`, code)?.reachable, `${code} → z${i}`).toBe(true);
        expect(summaryOf(res.summary, 'ringed', code)?.reachable, `${code} → ringed`).toBe(false);
        expect(summaryOf(res.summary, 'ring', code)?.reachable, `${code} → the ring itself`).toBe(true);
        // The Stade Louis II pitch: the OSM stands close round it (GEOS: their union has the
        // pitch as a hole of 12,500 m², the zone 27 m inside it).
        if (w.enclosed) expect(summaryOf(res.summary, 'enclosed', code)?.reachable, `${code} → enclosed`).toBe(false);
      }
      expect(kinematicProblems(scene, win.frame, res)).toEqual([]);
      const geos = geosReview(scene, res);
      expect(geos.problems).toEqual([]);
      // Every reachable target has a path, and GEOS saw each one.
      expect(geos.paths.length).toBe(res.summary.results.filter((r) => r.reachable).length);
      // Every bend can be driven at its reported speed: some line of the class's tightest
      // curvature (v = √(a_lat·r), hvm.md §1) through it keeps clear of the buildings.
      // (Before corner entries were checked outside dense scenes, the a(v) van's bend 4 into z1 on
      // this window, between two building corners 3.2 m apart at (10.3, -21.2), was reported at
      // 83.4 km/h where no line of its tightest curvature clears both above about 77 km/h.)
      const turns = turnReview(scene, res);
      expect(turns.turns).toBeGreaterThan(5);
      expect(turns.problems).toEqual([]);

      // Barrier verdicts (hvm.md acceptance 8): the verdict's speed is the approach result at that
      // barrier; pass iff the rated vehicle is at least as heavy (and on a chassis at least as
      // heavy) and the rated speed at least the impact speed (penetration 0.2 / 0.0 m, no zone
      // touches these lines).
      for (const id of ['rated48', 'rated112']) {
        for (const code of w.codes) {
          const v = classes.find((c) => c.code === code)!;
          const check = res.summary.barriers.find((b) => b.barrier_id === id && b.vehicle === code)!;
          const result = summaryOf(res.summary, id, code);
          expect(result?.reachable, `${code} reaches ${id}`).toBe(true);
          if (!result?.reachable) continue;
          expect(check.impact_speed_kmh).toBe(result.impact_speed_kmh);
          const feature = res.features.find((f) => f.id === `barrier_check:${code}:${id}`)!;
          expect(feature.properties.required_speed_kmh).toBe(result.impact_speed_kmh);
          const ratedKg = id === 'rated48' ? 7200 : 30000;
          const ratedGvw = id === 'rated48' ? 8000 : 36000; // N2A, N3G chassis (hvm.md §2 table)
          const ratedKmh = id === 'rated48' ? 48 : 112;
          const pass = ratedKg >= v.massKg && (v.gvwKg === undefined || ratedGvw >= v.gvwKg) && ratedKmh >= result.impact_speed_kmh;
          expect(check.verdict, `${code} at ${id}, ${result.impact_speed_kmh.toFixed(1)} km/h`).toBe(pass ? 'pass' : 'fail');
        }
      }
      // Hand-stated: a 30 t N3G is never stopped by a 7.2 t N2A rating, whatever its speed; an
      // N3G (top speed 90 km/h) always passes a 30 t / 112 km/h rating.
      expect(res.summary.barriers.find((b) => b.barrier_id === 'rated48' && b.vehicle === 'N3G')!.verdict).toBe('fail');
      expect(res.summary.barriers.find((b) => b.barrier_id === 'rated112' && b.vehicle === 'N3G')!.verdict).toBe('pass');
      // TAL 1/11: the ring's 1.2 m gap passes (inclusive); the rated lines have none.
      expect(res.summary.barriers.filter((b) => b.barrier_id === 'ring').every((b) => b.gap_ok)).toBe(true);
    }, 120_000);
  }

  it('adding barriers and obstacles on a real layout never raises an impact speed (Boulevard des Moulins)', () => {
    const w = WINDOWS[0];
    const { win, scene, res } = analysed(w);
    const F = win.frame;
    const codes = ['M1', 'N3G'];
    const before = { results: res.summary.results.filter((r) => codes.includes(r.vehicle)), barriers: [] };
    const path = (code: string, target: string): XY[] => {
      const f = res.features.find((x) => x.id === `approach_path:${code}:${target}`)!;
      return (f.geometry.coordinates as number[][]).map((p) => F.toLocal(p));
    };
    const across = (p: XY, q: XY, at: number, half: number): XY[] => {
      const dx = q[0] - p[0], dy = q[1] - p[1], L = Math.hypot(dx, dy);
      const m: XY = [p[0] + dx * at, p[1] + dy * at];
      return [[m[0] + (dy / L) * half, m[1] - (dx / L) * half], [m[0] - (dy / L) * half, m[1] + (dx / L) * half]];
    };
    const longest = (pts: XY[]): [XY, XY] => {
      let k = 0;
      for (let i = 1; i + 1 < pts.length; i++) if (Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]) > Math.hypot(pts[k + 1][0] - pts[k][0], pts[k + 1][1] - pts[k][1])) k = i;
      return [pts[k], pts[k + 1]];
    };
    const m1 = path('M1', 'z1');
    const n3g = path('N3G', 'z2');
    const [p, q] = longest(m1);
    const nx = (q[0] - p[0]) / Math.hypot(q[0] - p[0], q[1] - p[1]), ny = (q[1] - p[1]) / Math.hypot(q[0] - p[0], q[1] - p[1]);
    const corner = m1[m1.length - 2];
    const [d, e] = [n3g[n3g.length - 2], n3g[n3g.length - 1]];
    const back = 1 + 2.55 / 2;
    const barrier = (id: string, pts: XY[], gap: number, type = 'bollard') => localFeature(F, id, { kind: 'barrier', barrier_type: type, gap_m: gap }, { type: 'LineString', coordinates: pts });
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const randomLine = (id: string): SceneFeature => {
      const start: XY = [(rnd() * 2 - 1) * 150, (rnd() * 2 - 1) * 150];
      const pts: XY[] = [start];
      for (let i = 0; i < 3; i++) pts.push([pts[i][0] + (rnd() * 2 - 1) * 40, pts[i][1] + (rnd() * 2 - 1) * 40]);
      return barrier(id, pts, [0, 1.2, 2.0, 3.0][Math.floor(rnd() * 4)], 'wall');
    };
    // Each case adds measures for one class (one graph per run keeps the test short).
    const cases: [string, string, SceneFeature[]][] = [
      // Across M1's longest leg into z1: a closed line, and a 3-vertex wall 60 m long over the
      // buildings on either side with a 1.2 m gap (TAL 1/11: closed to every class); a post at
      // its last corner and a kiosk beside it.
      ['M1', 'across the best path and at its last corner', [
        barrier('x1', across(p, q, 0.5, 6), 0),
        barrier('x2', [across(p, q, 0.3, 30)[0], [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], across(p, q, 0.7, 30)[1]], 1.2, 'wall'),
        localFeature(F, 'post', { kind: 'obstacle', stops_vehicles: true, radius_m: 0.3 }, { type: 'Point', coordinates: corner }),
        localFeature(F, 'kiosk', { kind: 'obstacle', stops_vehicles: true, obstacle_type: 'kiosk' }, { type: 'Polygon', coordinates: [disc(corner[0] + 3, corner[1], 1.5, 6)] }),
        // A wall grazing the longest leg: parallel to it, exactly half an M1's width (0.9 m) aside.
        barrier('graze', [[p[0] + ny * 0.9, p[1] - nx * 0.9], [q[0] + ny * 0.9, q[1] - nx * 0.9]], 0, 'wall'),
      ]],
      // A closed line 1 m before N3G's contact with z2, across its last leg, and seeded random
      // walls with gaps of 0 / 1.2 / 2.0 / 3.0 m.
      ['N3G', 'in front of a zone, and random walls', [barrier('front', across(d, e, 1 - back / Math.hypot(e[0] - d[0], e[1] - d[1]), 6), 0), randomLine('r1'), randomLine('r2'), randomLine('r3')]],
    ];
    let lowered = 0;
    for (const [code, what, added] of cases) {
      const after = analyzeApproach(withFeatures(scene, added), { vehicles: [code] });
      for (const b of before.results) {
        const a = summaryOf(after.summary, b.target_id, b.vehicle);
        if (b.reachable && a && (!a.reachable || a.impact_speed_kmh < b.impact_speed_kmh)) lowered++;
      }
      expect(impactRises({ results: before.results.filter((r) => r.vehicle === code), barriers: [] }, after.summary), what).toEqual([]);
      expect(kinematicProblems(withFeatures(scene, added), F, after), what).toEqual([]);
      // The new paths keep clear of the added closed lines, posts and kiosk too.
      expect(geosReview(withFeatures(scene, added), after).problems, what).toEqual([]);
    }
    // The measures bite: some target is reached slower, or not at all (a search that ignored
    // added measures would pass the checks above vacuously).
    expect(lowered).toBeGreaterThan(0);
    // Hand-stated: a line whose gap (3.0 m) is wider than every class closes nothing: every
    // impact speed stays exactly as it was.
    const open = analyzeApproach(withFeatures(scene, [barrier('open', across(p, q, 0.5, 30), 3.0)]), { vehicles: ['M1'] });
    for (const b of before.results.filter((r) => r.vehicle === 'M1')) expect(summaryOf(open.summary, b.target_id, b.vehicle), `${b.vehicle} → ${b.target_id}`).toEqual(b);
  }, 180_000);
});
