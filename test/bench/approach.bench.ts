import { describe, expect, it } from 'vitest';
import { analyzeApproach } from '../../core/approach/analyze-approach.js';
import { analysisArea } from '../../core/drivable/analysis-area.js';
import { blockedObstacles } from '../../core/drivable/blocked-obstacles.js';
import type { StartPlace } from '../../core/drivable/drivable-space.js';
import type { LocalFrame, XY } from '../../core/geometry/local-frame.js';
import type { Scene } from '../../core/scene/types.js';
import { BUILT_IN_VEHICLE_CLASSES, DEFAULT_VEHICLE_CODES } from '../../core/vehicles/vehicle-classes.js';
import { corner12, REFERENCE_DEFAULTS, referenceImpactMps, smallL, type ReferenceOptions } from './approach-reference.js';
import { w2Scene } from './approach-workload.js';
import { districtBuildings, districtFrame, toLonLatRing } from './district.js';

/**
 * Reference resolution in the bench: 0.5 m cells, 2.5° heading bins, arcs of 1 and 3 m with radii
 * every 15 % from the class's minimum to 80 m, clearance every 0.25 m (≈ 15–90 s CPU per L-street
 * case).
 */
const BENCH_REFERENCE: ReferenceOptions = { ...REFERENCE_DEFAULTS, headingStepDeg: 2.5, radiusRatio: 1.15, maxRadiusM: 80 };
// Edge starts all round an 84 m square: at 0.5 m / 5° / 2 m starts it did not finish in 400 s wall at
// load 6–9, so 1 m cells and starts every 4 m (a coarser second opinion).
const BENCH_REFERENCE_DISTRICT: ReferenceOptions = { ...BENCH_REFERENCE, cellM: 1, headingStepDeg: 5, edgeStartSpacingM: 4 };

/**
 * W2 (shared/spec/workloads.md): the 2 × 2 km district, 50 crowd zones of 30 × 30 m in the
 * streets, every IWA 14-1 class, starts on the district's edge. Timed per class (wall and CPU:
 * the machine is shared, CPU time is the steadier figure). Reference: the brute-force search over
 * position × heading × speed (approach-reference.ts) on smaller scenes, same process; we print
 * the time ratio and the speed difference. Accuracy is asserted loosely, timings never.
 */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const w = performance.now(), c = cpuMs();
  const value = f();
  return { value, wallMs: performance.now() - w, cpuMs: cpuMs() - c };
}

/** A corner piece of the district: the buildings of its first `cells` × `cells` cells, one zone. */
function districtPiece(cells: number): { scene: Scene; frame: LocalFrame; zoneRing: XY[] } {
  const pitch = 2000 / 71;
  const x0 = -1000, y0 = -1000, size = cells * pitch;
  const buildings = districtBuildings().filter((b) => b.row < cells && b.col < cells);
  const c = x0 + Math.floor(cells / 2) * pitch, d = y0 + Math.floor(cells / 2) * pitch;
  const zoneRing: XY[] = [[c - 10, d - 10], [c + 10, d - 10], [c + 10, d + 10], [c - 10, d + 10], [c - 10, d - 10]];
  const scene: Scene = {
    type: 'FeatureCollection',
    bulwark: { version: 1 },
    features: [
      { type: 'Feature', id: 'area', properties: { kind: 'analysis_area' }, geometry: { type: 'Polygon', coordinates: [toLonLatRing([[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]])] } },
      ...buildings.map((b, i) => ({ type: 'Feature' as const, id: `b${i}`, properties: { kind: 'building' }, geometry: { type: 'Polygon' as const, coordinates: [toLonLatRing(b.ring)] } })),
      { type: 'Feature', id: 'z1', properties: { kind: 'crowd_zone' }, geometry: { type: 'Polygon', coordinates: [toLonLatRing(zoneRing)] } },
    ],
  };
  return { scene, frame: districtFrame, zoneRing };
}

describe('W2 vehicle approach', () => {
  it('district + 50 zones, each IWA class, starts on the edge', () => {
    const scene = w2Scene();
    const rows: string[] = [];
    for (const code of DEFAULT_VEHICLE_CODES) {
      const t = timed(() => analyzeApproach(scene, { vehicles: [code], frame: districtFrame }));
      const res = t.value.summary.results;
      const reached = res.filter((r) => r.reachable);
      const speeds = reached.map((r) => (r.reachable ? r.impact_speed_kmh : 0));
      rows.push(`${code.padEnd(4)} wall ${(t.wallMs / 1000).toFixed(1).padStart(6)} s  cpu ${(t.cpuMs / 1000).toFixed(1).padStart(6)} s  reached ${reached.length}/${res.length}  impact km/h min ${Math.min(...speeds).toFixed(1)} mean ${(speeds.reduce((a, b) => a + b, 0) / speeds.length).toFixed(1)} max ${Math.max(...speeds).toFixed(1)}`);
      expect(res).toHaveLength(50);
      for (const r of reached) if (r.reachable) expect(r.impact_speed_kmh).toBeGreaterThan(0);
    }
    console.log(['W2 per class (target < 3 s per class on 2 cores):', ...rows].join('\n'));
  });

  it('against the brute-force reference on smaller scenes', () => {
    const rows: string[] = [];
    const diffs: { reached: boolean; refKmh: number; diff: number; max: number }[] = [];
    const cases: { name: string; scene: Scene; frame: LocalFrame; target: XY[]; starts: (area: ReturnType<typeof analysisArea>) => StartPlace[]; codes: string[]; reference: ReferenceOptions; maxDiffPct: number }[] = [];
    const l = smallL();
    const lZone = l.scene.features.find((f) => f.id === 'z1')!;
    cases.push({ name: 'L street', scene: l.scene, frame: l.frame, target: (lZone.geometry.coordinates as number[][][])[0].map((p) => l.frame.toLocal(p)), starts: () => [{ kind: 'origin', featureId: 'o1', at: [5, -39] }], codes: ['M1', 'N2A', 'N3G'], reference: BENCH_REFERENCE, maxDiffPct: 6 });
    const k = corner12();
    const kZone = k.scene.features.find((f) => f.id === 'z1')!;
    cases.push({ name: '90° corner, 12 m', scene: k.scene, frame: k.frame, target: (kZone.geometry.coordinates as number[][][])[0].map((p) => k.frame.toLocal(p)), starts: () => [{ kind: 'origin', featureId: 'o1', at: [6, -59] }], codes: ['M1', 'N2A', 'N3G'], reference: BENCH_REFERENCE, maxDiffPct: 6 });
    const piece = districtPiece(3);
    cases.push({ name: 'district 3×3 cells', scene: piece.scene, frame: piece.frame, target: piece.zoneRing, starts: (area) => area.map((p) => ({ kind: 'edge' as const, ring: p[0] })), codes: ['M1', 'N3G'], reference: BENCH_REFERENCE_DISTRICT, maxDiffPct: 35 });
    for (const c of cases) {
      const area = analysisArea(c.scene, c.frame);
      for (const code of c.codes) {
        const v = BUILT_IN_VEHICLE_CLASSES.find((x) => x.code === code)!;
        const ours = timed(() => analyzeApproach(c.scene, { vehicles: [code], frame: c.frame }).summary.results[0]);
        const ref = timed(() => referenceImpactMps(area, blockedObstacles(c.scene, c.frame, v.widthM), c.starts(area), { rings: [c.target] }, v, c.reference));
        // A second opinion that is a drivable path by construction: bends only at a fixed 4 m lattice,
        // each an exact clear fillet (legs and arcs keep h from every obstacle), so its speed is a
        // lower bound on the true optimum under the same physics. A reference below it is under-resolved.
        const lattice = timed(() => analyzeApproach(c.scene, { vehicles: [code], frame: c.frame, route: { cornerNodes: false, freeSpacingM: 4 } }).summary.results[0]);
        const oursKmh = ours.value.reachable ? ours.value.impact_speed_kmh : -1;
        const latticeKmh = lattice.value.reachable ? lattice.value.impact_speed_kmh : -1;
        const refKmh = ref.value * 3.6;
        const diff = (100 * (oursKmh - refKmh)) / refKmh;
        const row = (`${c.name.padEnd(20)} ${code.padEnd(4)} ours ${oursKmh.toFixed(1).padStart(6)} km/h  ref ${refKmh.toFixed(1).padStart(6)} km/h  diff ${diff.toFixed(1).padStart(5)} %  fillet lattice 4 m ${latticeKmh.toFixed(1)} km/h (ours ${((100 * (oursKmh - latticeKmh)) / latticeKmh).toFixed(1)} %, ref ${((100 * (refKmh - latticeKmh)) / latticeKmh).toFixed(1)} %)  time ours ${ours.cpuMs.toFixed(0)} ms cpu, ref ${ref.cpuMs.toFixed(0)} ms cpu, ratio ${(ref.cpuMs / Math.max(1, ours.cpuMs)).toFixed(0)}×`);
        console.log(row);
        rows.push(row);
        diffs.push({ reached: ours.value.reachable, refKmh, diff, max: c.maxDiffPct });
      }
    }
    console.log(['Approach vs brute-force reference (target: within 2 %):', ...rows].join('\n'));
    for (const d of diffs) {
      expect(d.reached).toBe(d.refKmh > 0);
      // Target 2 %: not reached yet for N2A / N3G on the L street (README, 2026-11-28); the district
      // piece's reference is coarser (5° bins) and its figures are a second opinion only.
      if (d.refKmh > 0) expect(Math.abs(d.diff)).toBeLessThan(d.max);
    }
  });
});
