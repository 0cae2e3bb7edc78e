import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cameraViewFeatures, cameraViewWithIndex } from './camera-view.js';
import { prepareCoverageIndex } from './coverage-index.js';
import { groundFootprint } from './ground-footprint.js';
import { isovist } from './isovist.js';
import { differencePaths, intersectPaths, pathsAreaM2, ringToPath } from './polygon-ops.js';
import { lonLat, metreFeature, metreScene, point, rect } from './test-scene.js';

const coord = fc.integer({ min: -40000, max: 40000 }).map((v) => v / 1000);
const building = fc
  .tuple(coord, coord, fc.integer({ min: 1000, max: 15000 }), fc.integer({ min: 1000, max: 15000 }))
  .map(([x, y, w, h]) => rect(x, y, x + w / 1000, y + h / 1000));
const cameraProps = fc.record({
  bearing_deg: fc.integer({ min: 0, max: 359 }),
  hfov_deg: fc.constantFrom(30, 60, 90, 110, 180, 360),
  height_m: fc.integer({ min: 2, max: 12 }),
  tilt_deg: fc.option(fc.integer({ min: -5, max: 80 }), { nil: undefined }),
});

describe('camera views (properties)', () => {
  it('stay inside the unobstructed footprint, off buildings, and nest by level', () => {
    fc.assert(
      fc.property(fc.array(building, { maxLength: 6 }), coord, coord, cameraProps, (rects, x, y, props) => {
        const cleanProps = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
        const cam = metreFeature('c', 'camera', point(x, y), cleanProps);
        const scene = metreScene([cam, ...rects.map((g, i) => metreFeature(`b${i}`, 'building', g))]);
        const index = prepareCoverageIndex(scene);
        const view = cameraViewWithIndex(index, cam);
        let outer = Infinity;
        for (const l of view.levels) {
          const foot = groundFootprint(view.camera, l.radiusM);
          // 1 mm² per metre of outline: the footprint and the view are both snapped to 1 mm
          const slack = 1e-3 * (1 + 2 * Math.PI * l.radiusM);
          if (foot.length >= 3) expect(pathsAreaM2(differencePaths(l.paths, [ringToPath(foot)]))).toBeLessThan(slack);
          else expect(l.areaM2).toBe(0);
          for (const b of index.blockers.polygons) expect(pathsAreaM2(intersectPaths(l.paths, b.rings))).toBeLessThan(slack);
          expect(l.areaM2).toBeLessThanOrEqual(outer + slack); // finer levels are inside coarser ones
          outer = l.areaM2;
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('a 360° isovist contains its viewpoint, and never sees through overlapping buildings', () => {
    fc.assert(
      fc.property(fc.array(building, { maxLength: 6 }), coord, coord, (rects, x, y) => {
        const scene = metreScene(rects.map((g, i) => metreFeature(`b${i}`, 'building', g)));
        const index = prepareCoverageIndex(scene);
        // viewpoints inside or within 1 cm of a building are skipped: on a façade the viewpoint
        // lies on its isovist's outline, not inside it
        const insideAny = rects.some((g) => {
          const r = (g.coordinates as number[][][])[0];
          const xs = r.map((p) => p[0]), ys = r.map((p) => p[1]);
          return x >= Math.min(...xs) - 0.01 && x <= Math.max(...xs) + 0.01 && y >= Math.min(...ys) - 0.01 && y <= Math.max(...ys) + 0.01;
        });
        if (insideAny) return;
        const f = isovist(scene, lonLat(x, y), { rangeM: 30 });
        const ring = (f.geometry.coordinates as number[][][])[0];
        // point in polygon in lon/lat (the frame is conformal: inside stays inside)
        const [px, py] = lonLat(x, y);
        let inside = false;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
        }
        expect(inside).toBe(true);
        expect(f.properties.area_m2).toBeLessThanOrEqual(Math.PI * 900 + 0.1);
        // nothing of any building is seen, wherever buildings overlap or touch
        const seen = [ringToPath(ring.map((p) => index.frame.toLocal(p)))];
        for (const b of index.blockers.polygons) expect(pathsAreaM2(intersectPaths(seen, b.rings))).toBeLessThan(0.01);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('overlapping buildings (OSM-style) shade like their union', () => {
    const overlapping = metreScene([metreFeature('a', 'building', rect(5, -5, 9, 2)), metreFeature('b', 'building', rect(7, -2, 12, 5))]);
    const union = metreScene([
      metreFeature('u', 'building', { type: 'Polygon', coordinates: [[[5, -5], [9, -5], [9, -2], [12, -2], [12, 5], [7, 5], [7, 2], [5, 2], [5, -5]]] }),
    ]);
    const a = isovist(overlapping, lonLat(0, 0), { rangeM: 25 }).properties.area_m2;
    expect(a).toBeCloseTo(isovist(union, lonLat(0, 0), { rangeM: 25 }).properties.area_m2, 2);
    expect(a).toBeLessThan(Math.PI * 625 - 50);
  });

  it('drag path: index once, view per frame, features in WGS 84 with the level colours', () => {
    const cam = metreFeature('cam', 'camera', point(0, 0), { bearing_deg: 90 });
    const index = prepareCoverageIndex(metreScene([cam, metreFeature('h', 'building', rect(10, -3, 14, 3))]));
    const a = cameraViewWithIndex(index, cam);
    const moved = metreFeature('cam', 'camera', point(0, 2), { bearing_deg: 90 });
    const b = cameraViewWithIndex(index, moved);
    expect(b.camera.xy[1] - a.camera.xy[1]).toBeCloseTo(2, 6);
    expect(b.levels[0].areaM2).not.toBeCloseTo(a.levels[0].areaM2, 1); // the shadow moved
    const features = cameraViewFeatures(index, b);
    expect(features.map((f) => f.properties.dori)).toEqual(['detect', 'observe', 'recognise']); // identify: never on the ground from 4 m
    expect(features.map((f) => f.properties.fill)).toEqual(['#4575b4', '#91bfdb', '#fee090']);
    expect(features[0].properties.area_m2).toBe(b.levels[0].areaM2);
  });
});
