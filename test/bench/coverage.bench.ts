import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../../core/coverage/analyze-coverage.js';
import { cameraViewFeatures, cameraViewWithIndex } from '../../core/coverage/camera-view.js';
import { prepareCoverageIndex } from '../../core/coverage/coverage-index.js';
import { isCoverageZone, zoneCoverage } from '../../core/coverage/zone-coverage.js';
import { groundFootprint } from '../../core/coverage/ground-footprint.js';
import { intersectPaths, pathsAreaM2, ringToPath } from '../../core/coverage/polygon-ops.js';
import { visibilityPolygonMm } from '../../core/coverage/visibility-polygon.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { DISTRICT_CELLS, DISTRICT_PITCH_M, districtFrame, districtScene, seededRandom } from './district.js';

/**
 * W1 of shared/spec/workloads.md: the district + 200 cameras at street corners (cell corners
 * offset 1.5 m into the street, bearing uniform in [0, 360) from a seeded generator, hfov 90°,
 * 1920 × 1080, 4 m high, tilt 15°) + 50 crowd zones of 30 × 30 m centred on street crossings.
 * Reference: naive ray casting every 0.1° against all segments, no index, same process.
 */
const CAMERAS = 200;
const ZONES = 50;

function w1Scene(): Scene {
  const scene = districtScene(42);
  const rnd = seededRandom(4242);
  const corner = () => {
    // interior grid crossings: rows 1…69 (row 70 is only partly built), columns 1…70
    const row = 1 + Math.floor(rnd() * (DISTRICT_CELLS - 2));
    const col = 1 + Math.floor(rnd() * (DISTRICT_CELLS - 1));
    return [-1000 + col * DISTRICT_PITCH_M, -1000 + row * DISTRICT_PITCH_M, row, col] as const;
  };
  const used = new Set<string>();
  const features: SceneFeature[] = [];
  while (features.length < CAMERAS) {
    const [x, y, row, col] = corner();
    if (used.has(`${row}/${col}`)) continue;
    used.add(`${row}/${col}`);
    features.push({
      type: 'Feature',
      id: `cam${String(features.length).padStart(3, '0')}`,
      geometry: { type: 'Point', coordinates: districtFrame.toLonLat([x + 1.5, y + 1.5]) },
      properties: { kind: 'camera', bearing_deg: rnd() * 360, hfov_deg: 90, resolution_h_px: 1920, resolution_v_px: 1080, height_m: 4, tilt_deg: 15 },
    });
  }
  for (let z = 0; z < ZONES; z++) {
    const [x, y] = corner();
    const ring = [[x - 15, y - 15], [x + 15, y - 15], [x + 15, y + 15], [x - 15, y + 15], [x - 15, y - 15]].map((p) => districtFrame.toLonLat(p));
    features.push({ type: 'Feature', id: `zone${String(z).padStart(2, '0')}`, geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind: 'crowd_zone' } });
  }
  return { ...scene, features: [...scene.features, ...features] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Process CPU time in ms (user + system) besides wall time: the bench machines are shared and a
 * load average of 10 on 2 cores inflates wall times several-fold; CPU time is what the code costs.
 */
interface Timing {
  wallMs: number;
  cpuMs: number;
}
const time = <T>(f: () => T): [T, number, Timing] => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return [r, cpuMs, { wallMs, cpuMs }];
};
const fmt = (t: Timing, digits = 0) => `${t.cpuMs.toFixed(digits)} ms CPU (${t.wallMs.toFixed(digits)} ms wall)`;
/** Cameras the slow reference is run on (every 10th); its time is scaled to all 200. */
const REFERENCE_EVERY = 10;

describe('W1 camera coverage (workloads.md)', () => {
  const scene = w1Scene();

  it('full coverage, drag update and the naive ray-casting reference', () => {
    // full analysis: prepare (projection, index) + 200 views × 4 levels + 50 zones with gaps
    analyzeCoverage(scene); // warm-up (JIT)
    const fullRuns: Timing[] = [];
    let full = analyzeCoverage(scene);
    for (let i = 0; i < 3; i++) {
      const [r, , t] = time(() => analyzeCoverage(scene));
      full = r;
      fullRuns.push(t);
    }
    const [index, , prepareT] = time(() => prepareCoverageIndex(scene));
    const cams = scene.features.filter((f) => f.properties.kind === 'camera');
    const [views, viewsMs, viewsT] = time(() => cams.map((c) => cameraViewWithIndex(index, c)));

    // drag: camera 0 moved by 2 m east and back, many frames, with its GeoJSON features
    const cam0 = cams[0];
    const [x0, y0] = districtFrame.toLocal(cam0.geometry.coordinates as number[]);
    const dragMs: number[] = [];
    const dragWallMs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const dx = (i % 2 ? 2 : 0) + i * 1e-3;
      const moved: SceneFeature = { ...cam0, geometry: { type: 'Point', coordinates: districtFrame.toLonLat([x0 + dx, y0]) } };
      const [, ms, t] = time(() => cameraViewFeatures(index, cameraViewWithIndex(index, moved)));
      dragMs.push(ms);
      dragWallMs.push(t.wallMs);
    }

    // drag with live zone figures: the moved view replaces the old one, zones near it re-measured
    const zones = scene.features.filter(isCoverageZone);
    const liveMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const moved: SceneFeature = { ...cam0, geometry: { type: 'Point', coordinates: districtFrame.toLonLat([x0 + (i % 2 ? 2 : 0), y0]) } };
      const [, ms] = time(() => {
        const v = cameraViewWithIndex(index, moved);
        const all = views.map((old) => (old.camera.id === v.camera.id ? v : old));
        const [cx, cy] = v.camera.xy;
        const reach = v.camera.rangeM + 30;
        const nearZones = zones.filter((z) => {
          const c = districtFrame.toLocal((z.geometry.coordinates as number[][][])[0][0]);
          return Math.abs(c[0] - cx) < reach && Math.abs(c[1] - cy) < reach;
        });
        return zoneCoverage(index, all, nearZones);
      });
      liveMs.push(ms);
    }

    // visibility step alone per viewpoint (flatbush window + sweep), at the cameras' range and
    // at the 120 m window of the peer figure
    const seg = index.blockers;
    const sweepAt = (rM: number) => {
      const [, ms] = time(() => {
        for (let rep = 0; rep < 5; rep++)
        for (const v of views) {
          const ox = Math.round(v.camera.xy[0] * 1000);
          const oy = Math.round(v.camera.xy[1] * 1000);
          const r = rM * 1000;
          const ids = seg.segmentIndex!.search(ox - r, oy - r, ox + r, oy + r);
          visibilityPolygonMm([ox, oy], seg.segments, ids, r + 1000);
        }
      });
      return ms / (5 * views.length);
    };
    sweepAt(120);
    sweepAt(views[0].camera.rangeM);
    const sweepRangeMs = sweepAt(views[0].camera.rangeM);
    const sweep120Ms = sweepAt(120);

    // reference: 3600 rays per camera against every segment, polygon through the hits ∩ footprint
    const n = seg.segments.length / 4;
    const s = Float64Array.from(seg.segments, (v) => v / 1000);
    const sample = views.filter((_, i) => i % REFERENCE_EVERY === 0);
    const [refAreas, refSampleMs, refT] = time(() =>
      sample.map((v) => {
        const [cx, cy] = v.camera.xy;
        const reach = Math.max(...v.levels.map((l) => l.radiusM));
        const ring: [number, number][] = [];
        for (let k = 0; k < 3600; k++) {
          const a = (k * Math.PI) / 1800;
          const dx = Math.cos(a);
          const dy = Math.sin(a);
          let best = reach * 1.5;
          for (let i = 0; i < n; i++) {
            const px = s[4 * i] - cx, py = s[4 * i + 1] - cy;
            const ex = s[4 * i + 2] - s[4 * i], ey = s[4 * i + 3] - s[4 * i + 1];
            const den = dx * ey - dy * ex;
            if (den === 0) continue;
            const t = (px * ey - py * ex) / den;
            const u = (px * dy - py * dx) / den;
            if (t > 0 && t < best && u >= 0 && u <= 1) best = t;
          }
          ring.push([cx + best * dx, cy + best * dy]);
        }
        const visible = [ringToPath(ring)];
        return v.levels.map((l) => {
          const foot = groundFootprint(v.camera, l.radiusM);
          return foot.length >= 3 ? pathsAreaM2(intersectPaths(visible, [ringToPath(foot)])) : 0;
        });
      }),
    );

    const refMs = (refSampleMs * views.length) / sample.length;
    const oursDetect = sample.reduce((t, v) => t + v.levels[0].areaM2, 0);
    const refDetect = refAreas.reduce((t, a) => t + a[0], 0);
    const diffPct = (100 * Math.abs(oursDetect - refDetect)) / refDetect;
    const worstCameraPct = Math.max(...sample.map((v, i) => (refAreas[i][0] > 1 ? (100 * Math.abs(v.levels[0].areaM2 - refAreas[i][0])) / refAreas[i][0] : 0)));
    const fullT = [...fullRuns].sort((a, b) => a.cpuMs - b.cpuMs)[1];
    const fullMs = fullT.cpuMs;
    const rows: [string, string][] = [
      ['cameras / zones / sight segments', `${views.length} / ${full.summary.zones.length} / ${n}`],
      ['full W1 analyzeCoverage (median of 3)', `${fmt(fullT)} (target < 1000 ms)`],
      ['  of which prepare (projection + index)', fmt(prepareT)],
      ['  of which 200 camera views × 4 levels', fmt(viewsT)],
      ['drag: one camera moved 2 m, view + features (median of 200)', `${median(dragMs).toFixed(2)} ms CPU (${median(dragWallMs).toFixed(2)} ms wall) (target < 16 ms)`],
      ['drag with zone figures of the zones in reach (median of 50)', `${median(liveMs).toFixed(2)} ms CPU`],
      [`reference: ray casting 0.1° × all segments, ${sample.length} views`, `${fmt(refT)} → ${refMs.toFixed(0)} ms CPU for 200`],
      ['speed-up, views vs reference (like for like)', `${(refMs / viewsMs).toFixed(0)}× (target ≥ 5×)`],
      ['speed-up, full W1 vs reference views', `${(refMs / fullMs).toFixed(0)}×`],
      [`detect view area ours / reference (${sample.length} cameras)`, `${oursDetect.toFixed(1)} / ${refDetect.toFixed(1)} m², diff ${diffPct.toFixed(3)} % (target ≤ 0.5 %)`],
      ['worst single camera area diff', `${worstCameraPct.toFixed(3)} %`],
      ['visibility per viewpoint, window = range (38 m)', `${sweepRangeMs.toFixed(3)} ms CPU`],
      ['visibility per viewpoint, 120 m window', `${sweep120Ms.toFixed(3)} ms CPU (peer visibility-polygon 1.1.0: 54.3 ms all segments, 0.67 ms indexed, workloads.md)`],
      ['zones: mean detect coverage / total gaps', `${(full.summary.zones.reduce((t, z) => t + z.covered_pct.detect, 0) / full.summary.zones.length).toFixed(1)} % / ${full.features.filter((f) => f.properties.kind === 'coverage_gap').length}`],
    ];
    console.log(`\nW1 camera coverage (1-min load average ${loadavg()[0].toFixed(1)} on this machine; CPU times are the figures)\n` + rows.map(([k, v]) => `  ${k.padEnd(62)} ${v}`).join('\n'));
    expect(diffPct).toBeLessThan(0.5);
    expect(full.summary.cameras).toHaveLength(CAMERAS);
  });
});
