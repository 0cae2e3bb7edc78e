import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from './analyze-coverage.js';
import { cameraViewWithIndex } from './camera-view.js';
import { prepareCoverageIndex } from './coverage-index.js';
import { isovist } from './isovist.js';
import { pathsAreaM2, ringToPath, intersectPaths } from './polygon-ops.js';
import { groundFootprint } from './ground-footprint.js';
import { lonLat, line, metreFeature, metreScene, point, rect } from './test-scene.js';

// A fisheye at 1 cm height: its Detect reach (1920/(2π·25) = 12.2 m, cctv.md §2 + our
// equidistant assumption) exceeds 10 m, so range_m = 10 makes it the ideal 360° "camera r = 10 m"
// of cctv.md §6 A9.
const disc360 = (id: string, x: number, y: number, extra: Record<string, unknown> = {}) =>
  metreFeature(id, 'camera', point(x, y), { hfov_deg: 360, height_m: 0.01, range_m: 10, ...extra });

describe('analyzeCoverage', () => {
  it('A8: east-facing 90° camera, range 10 m: sector 78.54 m², wall x = 5 leaves the 25.0 m² triangle (cctv.md §6)', () => {
    // tilt 0 makes the frustum's side planes vertical, so its footprint is the ±45° wedge; a 1 cm
    // mount puts the blind zone at 0.01/tan 29.36° = 1.8 cm (≈ 0.0003 m² lost).
    const cam = metreFeature('cam', 'camera', point(0, 0), { bearing_deg: 90, hfov_deg: 90, height_m: 0.01, tilt_deg: 0, range_m: 10 });
    const open = analyzeCoverage(metreScene([cam]));
    expect(open.summary.cameras[0].view_m2.detect).toBeCloseTo(78.54, 1); // π·10²/4
    const wall = metreFeature('w', 'barrier', line([5, -5], [5, 5]), { barrier_type: 'wall' });
    const walled = analyzeCoverage(metreScene([cam, wall]));
    expect(walled.summary.cameras[0].view_m2.detect).toBeCloseTo(25.0, 1); // ½·5·10
    expect(walled.summary.cameras[0].view_m2.detect / open.summary.cameras[0].view_m2.detect).toBeCloseTo(0.318, 2);
    // a fence does not block sight unless told (scene-format.md barrier defaults)
    const fence = metreFeature('f', 'barrier', line([5, -5], [5, 5]), { barrier_type: 'fence' });
    expect(analyzeCoverage(metreScene([cam, fence])).summary.cameras[0].view_m2.detect).toBeCloseTo(78.54, 1);
  });

  it('A9: two 360° cameras r = 10 m, 10 m apart: union 505.48 m², 2-covered lens 122.84 m² (cctv.md §6)', () => {
    // lens = 2r²·acos(d/2r) − (d/2)·√(4r² − d²) = 200·acos(½) − 5·√300 = 209.44 − 86.60 = 122.84
    // union = 2·π·100 − 122.84 = 505.48
    const zone = metreFeature('z1', 'crowd_zone', rect(-20, -20, 30, 20));
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0), disc360('b', 10, 0), zone]));
    const z = r.summary.zones[0];
    expect(z.area_m2).toBeCloseTo(2000, 6);
    expect(z.covered_m2.detect).toBeCloseTo(505.48, 1);
    expect(z.k2_m2).toBeCloseTo(122.84, 1);
    expect(z.k2_m2 / z.covered_m2.detect).toBeCloseTo(0.243, 3);
    expect(z.covered_pct.detect).toBeCloseTo(25.27, 1);
    const gaps = r.features.filter((f) => f.properties.kind === 'coverage_gap' && f.properties.dori === 'detect');
    expect(gaps.length).toBe(1);
    expect(gaps[0].properties.area_m2).toBeCloseTo(2000 - 505.48, 1);
    expect(gaps[0].geometry.type).toBe('Polygon');
    expect((gaps[0].geometry.coordinates as unknown[]).length).toBe(2); // the square with the union as a hole
  });

  it('summary has the shape of cli.md summary.coverage (+ perimeters)', () => {
    const zone = metreFeature('z1', 'crowd_zone', rect(-20, -20, 30, 20));
    const perim = metreFeature('p1', 'perimeter', line([-20, 0], [30, 0]));
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0), disc360('b', 10, 0), zone, perim]));
    expect(Object.keys(r.summary).sort()).toEqual(['cameras', 'perimeters', 'zones']);
    expect(Object.keys(r.summary.zones[0]).sort()).toEqual(['area_m2', 'covered_m2', 'covered_pct', 'k2_m2', 'zone_id']);
    expect(Object.keys(r.summary.zones[0].covered_m2)).toEqual(['detect', 'observe', 'recognise', 'identify']);
    expect(Object.keys(r.summary.cameras[0]).sort()).toEqual(['camera_id', 'view_m2']);
    expect(Object.keys(r.summary.cameras[0].view_m2)).toEqual(['detect', 'observe', 'recognise', 'identify']);
    // the line runs from x = −20 to 30 and is seen from −10 to 20: 30 of 50 m (the polygonised
    // circles cross the line at a vertex, a few mm outside the true circle: arc tolerance 2 mm)
    expect(r.summary.perimeters).toEqual([{ id: 'p1', length_m: expect.closeTo(50, 3), covered_detect_m: expect.closeTo(30, 1), covered_detect_pct: expect.closeTo(60, 1) }]);
  });

  it('DORI bands shrink with density: identify ⊂ recognise ⊂ observe ⊂ detect, radii by slant distance', () => {
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0, { range_m: 100, height_m: 3 })]));
    const v = r.summary.cameras[0].view_m2;
    // panoramic densities: d = 1920/(2π·ppm); ground radius √(d² − 3²)
    const ground = (ppm: number) => Math.sqrt((1920 / (2 * Math.PI * ppm)) ** 2 - 9);
    expect(v.detect).toBeCloseTo(Math.PI * ground(25) ** 2, 0);
    expect(v.observe).toBeCloseTo(Math.PI * ground(62.5) ** 2, 0);
    expect(v.recognise).toBe(0); // d = 2.44 m < 3 m mount: never on the ground
    expect(v.identify).toBe(0);
  });

  it('polygon perimeter outlines count as zones and as perimeter lines', () => {
    const perim = metreFeature('p2', 'perimeter', rect(-5, -5, 5, 5));
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0), perim]));
    expect(r.summary.zones.map((z) => z.zone_id)).toEqual(['p2']);
    expect(r.summary.zones[0].covered_pct.detect).toBeCloseTo(100, 3);
    expect(r.summary.perimeters[0].length_m).toBeCloseTo(40, 3);
    expect(r.summary.perimeters[0].covered_detect_pct).toBeCloseTo(100, 3);
  });

  it('zone area is open ground: buildings inside a zone are neither covered nor gaps', () => {
    const zone = metreFeature('z', 'crowd_zone', rect(-10, -10, 10, 10));
    const house = metreFeature('h', 'building', rect(2, 2, 6, 6));
    const r = analyzeCoverage(metreScene([zone, house]));
    expect(r.summary.zones[0].area_m2).toBeCloseTo(400 - 16, 6);
    const gap = r.features.find((f) => f.properties.kind === 'coverage_gap')!;
    expect(gap.properties.area_m2).toBeCloseTo(384, 6);
  });

  it('a full wall of A8 around a 360° camera: 314.16 − 53.54 = 260.62 m²', () => {
    // shadow = 90° sector (78.54) − triangle to the wall (25.0)
    const wall = metreFeature('w', 'barrier', line([5, -5], [5, 5]), { barrier_type: 'wall' });
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0), wall]));
    expect(r.summary.cameras[0].view_m2.detect).toBeCloseTo(260.62, 1);
  });

  it('camera inside a building sees nothing and is reported; on the façade it sees outside only', () => {
    const house = metreFeature('h', 'building', rect(-5, -5, 0, 5));
    const inside = analyzeCoverage(metreScene([disc360('in', -2, 0), house]));
    expect(inside.summary.cameras[0].view_m2.detect).toBe(0);
    expect(inside.findings).toEqual([{ severity: 'warning', featureId: 'in', message: expect.stringMatching(/inside h: it sees nothing/) }]);
    // on the east wall: the half disc x ≥ 0 = π·100/2
    const facade = analyzeCoverage(metreScene([disc360('f', 0, 0), house]));
    expect(facade.summary.cameras[0].view_m2.detect).toBeCloseTo(157.08, 1);
    // 2 cm inside the wall is drawing error: the camera is put on the façade (FACADE_SNAP_MM)
    const snapped = analyzeCoverage(metreScene([disc360('s', -0.02, 1), house]));
    expect(snapped.summary.cameras[0].view_m2.detect).toBeCloseTo(157.08, 0);
    expect(snapped.findings).toEqual([]);
    // 10 cm inside is inside
    expect(analyzeCoverage(metreScene([disc360('d', -0.1, 1), house])).summary.cameras[0].view_m2.detect).toBe(0);
    // on the corner (0, 5): everything but the building's quarter = ¾·π·100
    const corner = analyzeCoverage(metreScene([disc360('c', 0, 5), house]));
    expect(corner.summary.cameras[0].view_m2.detect).toBeCloseTo(235.62, 1);
  });

  it('sight-blocking point obstacles are circles; others and radius-less ones block nothing', () => {
    const tree = metreFeature('t', 'obstacle', point(5, 0), { radius_m: 1, blocks_sight: true });
    const kiosk = metreFeature('k', 'obstacle', point(-5, 0), { blocks_sight: true });
    const r = analyzeCoverage(metreScene([disc360('a', 0, 0), tree, kiosk]));
    // Shadow of a disc r = 1 centred 5 m away, out to 10 m: for |θ| ≤ asin(1/5) the sight line
    // stops at the near side of the circle, ρ(θ) = 5·cos θ − √(1 − 25·sin²θ); the hidden area is
    // ∫ ½(10² − ρ²) dθ over that wedge (Simpson, 2000 steps).
    const alpha = Math.asin(1 / 5);
    const f = (t: number) => 0.5 * (100 - (5 * Math.cos(t) - Math.sqrt(Math.max(0, 1 - 25 * Math.sin(t) ** 2))) ** 2);
    const n = 2000;
    const h = (2 * alpha) / n;
    let sum = f(-alpha) + f(alpha);
    for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(-alpha + i * h);
    const shadow = (sum * h) / 3; // ≈ 31.4 m²
    // the obstacle circle is a polygon within 1 cm of the circle: its tangents shift the shadow
    // edges by ≲ 1 cm at 5 m, i.e. ≲ 2·½·(10² − 5²)·0.002 = 0.15 m²
    expect(Math.abs(r.summary.cameras[0].view_m2.detect - (Math.PI * 100 - shadow))).toBeLessThan(0.15);
    expect(r.findings).toEqual([{ severity: 'warning', featureId: 'k', message: expect.stringMatching(/no radius_m/) }]);
  });

  it('a view never exceeds the unobstructed footprint and never covers a building', () => {
    const cam = metreFeature('c', 'camera', point(0, 0), { bearing_deg: 30 });
    const houses = [metreFeature('h1', 'building', rect(5, 5, 12, 9)), metreFeature('h2', 'building', rect(-8, 10, -2, 16))];
    const scene = metreScene([cam, ...houses]);
    const index = prepareCoverageIndex(scene);
    const view = cameraViewWithIndex(index, cam);
    const detect = view.levels[0];
    const foot = [ringToPath(groundFootprint(view.camera, detect.radiusM))];
    expect(detect.areaM2).toBeGreaterThan(100);
    expect(pathsAreaM2(intersectPaths(detect.paths, foot))).toBeCloseTo(detect.areaM2, 3);
    for (const h of index.blockers.polygons) expect(pathsAreaM2(intersectPaths(detect.paths, h.rings))).toBeLessThan(1e-4);
  });

  it('2025 preset and custom tables name the levels', () => {
    const zone = metreFeature('z', 'crowd_zone', rect(-5, -5, 5, 5));
    const r25 = analyzeCoverage(metreScene([disc360('a', 0, 0), zone], { dori_preset: 'IEC62676-4:2025' }));
    expect(Object.keys(r25.summary.cameras[0].view_m2)).toEqual(['overview', 'outline', 'discern', 'perceive', 'characterise', 'validate']);
    const custom = analyzeCoverage(metreScene([disc360('a', 0, 0)], { dori_levels: [{ name: 'detect', ppm: 25 }, { name: 'face', ppm: 250 }] }));
    expect(Object.keys(custom.summary.cameras[0].view_m2)).toEqual(['detect', 'face']);
  });

  it('is deterministic, sorted, and names a bad camera without stopping', () => {
    const zone = metreFeature('z1', 'crowd_zone', rect(-20, -20, 30, 20));
    const bad = metreFeature('bad', 'camera', point(3, 3), { hfov_deg: 400 });
    const scene = metreScene([disc360('b', 10, 0), disc360('a', 0, 0), bad, zone]);
    const one = analyzeCoverage(scene);
    expect(JSON.stringify(analyzeCoverage(scene))).toBe(JSON.stringify(one));
    expect(one.features.map((f) => f.id).slice(0, 2)).toEqual(['a:view:detect', 'a:view:observe']);
    expect(one.findings).toContainEqual({ severity: 'error', featureId: 'bad', message: 'hfov_deg must be in (0, 360], got 400' });
    for (const f of one.features) {
      expect(typeof f.properties.fill).toBe('string');
      expect(f.properties.area_m2).toBeGreaterThan(0);
      // RFC 7946: outer rings counter-clockwise
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates[0][0] : []) as number[][];
      let twice = 0;
      for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(twice).toBeGreaterThan(0);
    }
  });

  it('reports progress and stops with AbortError', () => {
    const scene = metreScene([disc360('a', 0, 0), disc360('b', 10, 0)]);
    const seen: number[] = [];
    analyzeCoverage(scene, {}, { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(() => analyzeCoverage(scene, {}, { signal: { aborted: true } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});

describe('isovist', () => {
  const house = metreFeature('h', 'building', rect(-5, -5, 0, 5));
  const wall = metreFeature('w', 'barrier', line([5, -5], [5, 5]), { barrier_type: 'wall' });

  it('is the disc of the range when nothing blocks: π·200² by default', () => {
    const f = isovist(metreScene([house]), lonLat(300, 0)); // the house is 300 m away
    expect(f.properties.area_m2).toBeCloseTo(Math.PI * 200 ** 2, 0);
    expect(f.geometry.type).toBe('Polygon');
  });

  it('occludes: half disc from a façade, A8 wall shadow from the open', () => {
    expect(isovist(metreScene([house]), lonLat(0, 0), { rangeM: 10 }).properties.area_m2).toBeCloseTo(157.08, 1);
    expect(isovist(metreScene([wall]), lonLat(0, 0), { rangeM: 10 }).properties.area_m2).toBeCloseTo(260.62, 1);
  });

  it('refuses a point inside a building, naming it', () => {
    expect(() => isovist(metreScene([house]), lonLat(-1, 0))).toThrow(/inside h, which blocks sight/);
  });
});

