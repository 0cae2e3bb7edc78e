import { describe, expect, it } from 'vitest';
import type { SceneFeature, SceneMeta } from '../../core/scene/types.js';
import { metreFeature, point, rect } from '../../core/coverage/test-scene.js';
import { prepareCoverageIndex } from '../../core/coverage/coverage-index.js';
import { cameraViewWithIndex } from '../../core/coverage/camera-view.js';
import { cameraGroundReachM, LiveCoverage } from './live-coverage.js';

const meta: SceneMeta = { version: 1 };
// range_m caps every DORI level's ground radius (camera-model.ts levelGroundRadiusM): reach 20 m
// (the default 1080p camera's farthest level, Detect, lies beyond that).
const camera = (x: number, y = 0) => metreFeature('cam', 'camera', point(x, y), { bearing_deg: 90, range_m: 20, height_m: 4 });
const near = metreFeature('near', 'building', rect(10, -3, 14, 3));
const far = metreFeature('far', 'building', rect(500, -5, 505, 5));
const features = (cam: SceneFeature) => [cam, near, far];

describe('the live camera view indexes only what the camera can reach', () => {
  it('reads the reach from the camera: its range_m when shorter than every DORI level', () => {
    expect(cameraGroundReachM(meta, camera(0))).toBeCloseTo(20, 6);
  });

  it('leaves out a building beyond reach + drag margin and sees the same as the whole-scene index', () => {
    const live = new LiveCoverage();
    const cam = camera(0);
    const index = live.index(meta, () => features(cam), 1, cam, '')!;
    expect(index.scene.features.map((f) => f.id).sort()).toEqual(['cam', 'near']);
    const whole = prepareCoverageIndex({ type: 'FeatureCollection', bulwark: meta, features: features(cam) });
    const a = cameraViewWithIndex(index, cam).levels.map((l) => l.areaM2);
    const b = cameraViewWithIndex(whole, cam).levels.map((l) => l.areaM2);
    // The near building shadows part of the 90° wedge: both indexes cut the same shadow.
    expect(a.some((x) => x > 0)).toBe(true);
    // Equal up to the local frames (centred on different bounds): within 0.01 % of the area.
    a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThan(1e-4 * b[i] + 1e-9));
  });

  it('reuses the index for a small drag, rebuilds for a long one or a new revision', () => {
    const live = new LiveCoverage();
    const first = live.index(meta, () => features(camera(0)), 1, camera(0), '');
    expect(live.index(meta, () => features(camera(10)), 1, camera(10), '')).toBe(first);
    expect(live.index(meta, () => features(camera(10)), 2, camera(10), '')).not.toBe(first);
    const moved = live.index(meta, () => features(camera(480)), 2, camera(480), '')!;
    expect(moved.scene.features.map((f) => f.id).sort()).toEqual(['cam', 'far']);
  });
});
