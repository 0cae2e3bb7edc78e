import { describe, expect, it } from 'vitest';
import { analyzeApproach, approachWidthGroups } from '../../core/approach/analyze-approach.js';
import { analysisArea } from '../../core/drivable/analysis-area.js';
import { blockedObstacles } from '../../core/drivable/blocked-obstacles.js';
import type { StartPlace } from '../../core/drivable/drivable-space.js';
import type { LocalFrame, XY } from '../../core/geometry/local-frame.js';
import type { Scene } from '../../core/scene/types.js';
import { BUILT_IN_VEHICLE_CLASSES, DEFAULT_VEHICLE_CODES } from '../../core/vehicles/vehicle-classes.js';
import { corner12, REFERENCE_DEFAULTS, referenceImpactMps, smallL, type ReferenceOptions } from './approach-reference.js';
import { w2Scene, type W2WorkerReply } from './approach-workload.js';
import { buildSync } from 'esbuild';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** One W2 result row per class: reached count and impact speeds. */
function row(code: string, results: ApproachResults): string {
  const res = results.filter((r) => r.vehicle === code);
  const speeds = res.flatMap((r) => (r.reachable ? [r.impact_speed_kmh] : []));
  return `reached ${speeds.length}/${res.length}  impact km/h min ${Math.min(...speeds).toFixed(1)} mean ${(speeds.reduce((a, b) => a + b, 0) / speeds.length).toFixed(1)} max ${Math.max(...speeds).toFixed(1)}`;
}
type ApproachResults = ReturnType<typeof analyzeApproach>['summary']['results'];

/**
 * W2 in a pool of `size` worker threads, each analysing whole width groups (one call per group, so
 * classes of one width share their graph), the next group going to the first free worker. The
 * worker is bundled with esbuild first (not timed); the wall time includes starting the workers.
 * CPU is the whole process's (all threads): Node 20 has no per-thread CPU clock.
 */
async function w2Pool(codes: readonly string[], size: number): Promise<{ results: ApproachResults; wallMs: number; cpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-w2-'));
  try {
    const file = join(dir, 'w2-worker.mjs');
    const here = fileURLToPath(new URL('.', import.meta.url));
    buildSync({ stdin: { contents: "import { w2WorkerMain } from './approach-workload.ts'; await w2WorkerMain();", resolveDir: here, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'error' });
    const queue = approachWidthGroups(w2Scene(), codes);
    const byCode = new Map<string, ApproachResults>();
    const w0 = performance.now(), c0 = cpuMs();
    await Promise.all(Array.from({ length: size }, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(file);
      const next = () => worker.postMessage(queue.shift() ?? []);
      worker.on('message', (m: W2WorkerReply) => {
        for (const c of m.codes) byCode.set(c, (m.results as ApproachResults).filter((r) => r.vehicle === c));
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      next();
    })));
    const wallMs = performance.now() - w0, cpu = cpuMs() - c0;
    return { results: codes.flatMap((c) => byCode.get(c) ?? []), wallMs, cpuMs: cpu };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Results in one canonical order (class, then target), for comparing runs. */
const canonical = (r: ApproachResults) => JSON.stringify([...r].sort((a, b) => (a.vehicle < b.vehicle ? -1 : a.vehicle > b.vehicle ? 1 : a.target_id < b.target_id ? -1 : a.target_id > b.target_id ? 1 : 0)));

describe('W2 vehicle approach', () => {
  const scene = w2Scene();
  // W2_CLASSES=M1,N3G narrows the run (quick checks); by default every IWA class.
  const codes = process.env.W2_CLASSES ? process.env.W2_CLASSES.split(',') : DEFAULT_VEHICLE_CODES;
  let perClassResults: ApproachResults = [];

  it('district + 50 zones, each IWA class, starts on the edge: one class per call', () => {
    const rows: string[] = [];
    let cpuSum = 0, wallSum = 0;
    for (const code of codes) {
      const t = timed(() => analyzeApproach(scene, { vehicles: [code], frame: districtFrame }));
      const res = t.value.summary.results;
      cpuSum += t.cpuMs; wallSum += t.wallMs;
      perClassResults = [...perClassResults, ...res];
      rows.push(`${code.padEnd(4)} wall ${(t.wallMs / 1000).toFixed(1).padStart(6)} s  cpu ${(t.cpuMs / 1000).toFixed(1).padStart(6)} s  ${row(code, res)}`);
      expect(res).toHaveLength(50);
      for (const r of res) if (r.reachable) expect(r.impact_speed_kmh).toBeGreaterThan(0);
    }
    rows.push(`mean wall ${(wallSum / codes.length / 1000).toFixed(2)} s  cpu ${(cpuSum / codes.length / 1000).toFixed(2)} s per class`);
    console.log([`W2, one class per call (target < 3 s per class on 2 cores; ${codes.length} IWA classes):`, ...rows].join('\n'));
  });

  it('all classes in one call (classes of one width share their graph)', () => {
    const t = timed(() => analyzeApproach(scene, { vehicles: [...codes], frame: districtFrame }));
    expect(t.value.summary.results).toHaveLength(50 * codes.length);
    // Sharing changes nothing: the same results as one class per call.
    expect(canonical(t.value.summary.results)).toBe(canonical(perClassResults));
    console.log(`W2, all ${codes.length} classes in one call: wall ${(t.wallMs / 1000).toFixed(1)} s, cpu ${(t.cpuMs / 1000).toFixed(1)} s → per class wall ${(t.wallMs / codes.length / 1000).toFixed(2)} s, cpu ${(t.cpuMs / codes.length / 1000).toFixed(2)} s`);
  });

  it('all classes on a pool of 2 worker threads (width groups)', async () => {
    const t = await w2Pool(codes, 2);
    expect(canonical(t.results)).toBe(canonical(perClassResults));
    console.log(`W2, all ${codes.length} classes on 2 workers: wall ${(t.wallMs / 1000).toFixed(1)} s, cpu (all threads) ${(t.cpuMs / 1000).toFixed(1)} s → per class wall ${(t.wallMs / codes.length / 1000).toFixed(2)} s, cpu ${(t.cpuMs / codes.length / 1000).toFixed(2)} s`);
  });

  it('against the brute-force reference on smaller scenes', () => {
    const rows: string[] = [];
    const diffs: { reached: boolean; refKmh: number; diff: number; max: number }[] = [];
    const cases: { name: string; scene: Scene; frame: LocalFrame; target: XY[]; starts: (area: ReturnType<typeof analysisArea>) => StartPlace[]; codes: string[]; reference: ReferenceOptions; maxDiffPct: number }[] = [];
    const l = smallL();
    const lZone = l.scene.features.find((f) => f.id === 'z1')!;
    cases.push({ name: 'L street', scene: l.scene, frame: l.frame, target: (lZone.geometry.coordinates as number[][][])[0].map((p) => l.frame.toLocal(p)), starts: () => [{ kind: 'origin', featureId: 'o1', at: [5, -39] }], codes: ['M1', 'N2A', 'N3G'], reference: BENCH_REFERENCE, maxDiffPct: 2 });
    const k = corner12();
    const kZone = k.scene.features.find((f) => f.id === 'z1')!;
    cases.push({ name: '90° corner, 12 m', scene: k.scene, frame: k.frame, target: (kZone.geometry.coordinates as number[][][])[0].map((p) => k.frame.toLocal(p)), starts: () => [{ kind: 'origin', featureId: 'o1', at: [6, -59] }], codes: ['M1', 'N2A', 'N3G'], reference: BENCH_REFERENCE, maxDiffPct: 2 });
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
      // Target 2 %: met on both street scenes since the weave nodes (README, 2026-11-28 evening); the
      // district piece's reference is coarser (5° bins) and its figures are a second opinion only.
      if (d.refKmh > 0) expect(Math.abs(d.diff)).toBeLessThan(d.max);
    }
  });
});
