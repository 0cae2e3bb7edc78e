import { describe, expect, it } from 'vitest';
import { localFrame } from '../../core/geometry/local-frame.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { cameraWedge, nominalDetectRangeM } from './camera-wedge.js';

const origin = [4.35, 50.85];
const cam = (props: Record<string, number>): SceneFeature => ({ type: 'Feature', id: 'c', geometry: { type: 'Point', coordinates: origin as [number, number] }, properties: { kind: 'camera', ...props } });

describe('camera field-of-view wedge', () => {
  it('nominal Detect range: 1920 px, 90° → 1920 / (25 · 2 · tan 45°) = 38.4 m (cctv.md A2)', () => {
    expect(nominalDetectRangeM(1920, 90)).toBeCloseTo(38.4, 9);
  });

  it('points along the bearing, clockwise from north, out to range_m', () => {
    const w = cameraWedge(cam({ bearing_deg: 90, hfov_deg: 60, range_m: 50 }), 2);
    expect(w).toBeDefined();
    const f = localFrame(origin);
    const ring = w!.coordinates[0].map((p) => f.toLocal(p));
    // apex, then arc from 60° to 120° azimuth in 2 steps; closed.
    expect(ring[0][0]).toBeCloseTo(0, 6);
    expect(ring[2][0]).toBeCloseTo(50, 3); // due east at 90°
    expect(ring[2][1]).toBeCloseTo(0, 3);
    expect(ring[1][0]).toBeCloseTo(50 * Math.sin(Math.PI / 3), 3);
    expect(ring[1][1]).toBeCloseTo(50 * Math.cos(Math.PI / 3), 3);
    expect(ring.at(-1)).toEqual(ring[0]);
  });

  it('uses the Detect range when range_m is absent', () => {
    const f = localFrame(origin);
    const ring = cameraWedge(cam({}), 4)!.coordinates[0].map((p) => f.toLocal(p));
    const far = Math.max(...ring.map((p) => Math.hypot(p[0], p[1])));
    expect(far).toBeCloseTo(38.4, 3);
  });

  it('in the project frame 1 km away, the wedge matches the camera-centred one to the millimetre', () => {
    const project = localFrame([4.3417, 50.8437]); // ~700 m west, ~700 m south of the camera
    const c = cam({ bearing_deg: 30, hfov_deg: 70, range_m: 60 });
    const own = cameraWedge(c, 8)!.coordinates[0];
    const shared = cameraWedge(c, 8, project)!.coordinates[0];
    const f = localFrame(origin);
    own.forEach((p, i) => {
      const a = f.toLocal(p), b = f.toLocal(shared[i]);
      expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(0.001);
    });
  });
});
