import { describe, expect, it } from 'vitest';
import type { SceneFeature } from '../scene/types.js';
import { cameraModel, cameraReaches, derivedTiltDeg, levelGroundRadiusM, type CameraModel } from './camera-model.js';
import {
  doriReachM,
  groundHitM,
  hfovFromLensDeg,
  pixelDensityPpm,
  pixelsPerFoot,
  ppmFromFacePixels,
  slantRangeM,
  verticalFovDeg,
} from './camera-optics.js';
import { DORI_PRESETS, customDoriPreset, doriLevel, resolveDoriPreset } from './dori-presets.js';
import { footprintCorners, footprintDepthsM, groundFootprint } from './ground-footprint.js';
import { sensorFormat } from './sensor-formats.js';

// Acceptance numbers: shared/reference/cctv.md §6 (A1–A7), formulas of its §2, tables §1.1/§1.2
// (IEC 62676-4:2014 via cctv-check.de; 2025 via JVSG https://www.jvsg.com/?p=11243).

const P2014 = resolveDoriPreset(undefined);
const P2025 = resolveDoriPreset({ dori_preset: 'IEC62676-4:2025' });
const ppm = (preset: typeof P2014, name: string) => doriLevel(preset, name).ppm;

function camera(props: Record<string, number | string>, preset = P2014): CameraModel {
  const f: SceneFeature = { type: 'Feature', id: 'c1', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'camera', ...props } };
  return cameraModel(f, [0, 0], preset);
}

function shoelaceM2(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

describe('DORI tables (cctv.md §1.1, §1.2)', () => {
  it('2014 preset carries the six IEC 62676-4:2014 densities with sources', () => {
    expect(P2014.levels.map((l) => [l.name, l.ppm])).toEqual([
      ['monitor', 12.5], ['detect', 25], ['observe', 62.5], ['recognise', 125], ['identify', 250], ['inspect', 1000],
    ]);
    expect(P2014.levels.every((l) => l.source.includes('cctv.md') && !l.verify)).toBe(true);
    expect(P2014.reportedLevels).toEqual(['detect', 'observe', 'recognise', 'identify']);
  });

  it('2025 preset carries OODPCVS 20…1500 px/m, flagged VERIFY (single source)', () => {
    expect(P2025.levels.map((l) => l.ppm)).toEqual([20, 40, 80, 125, 250, 500, 1500]);
    expect(P2025.levels.every((l) => l.verify === true)).toBe(true);
  });

  it('rejects an unknown preset and invalid custom tables, naming the setting', () => {
    expect(() => resolveDoriPreset({ dori_preset: 'EN50132' })).toThrow(/dori_preset: unknown preset "EN50132"/);
    expect(() => customDoriPreset([{ name: 'a', ppm: -1 }])).toThrow(/dori_levels\[0\]\.ppm must be a positive/);
    expect(() => customDoriPreset([{ name: 'a', ppm: 10 }, { name: 'b', ppm: 10 }])).toThrow(/density 10 px\/m is used twice/);
    expect(() => customDoriPreset([{ name: 'a', ppm: 10 }, { name: 'A', ppm: 20 }])).toThrow(/"a" is used twice/);
  });

  it('a custom table is sorted by density and its lowest level plays Detect', () => {
    const t = resolveDoriPreset({ dori_levels: [{ name: 'Face', ppm: 300 }, { name: 'Body', ppm: 30 }] });
    expect(t.levels.map((l) => l.name)).toEqual(['body', 'face']);
    expect(t.detectLevel).toBe('body');
  });

  it('every preset has distinct positive densities in ascending order', () => {
    for (const p of DORI_PRESETS) {
      const d = p.levels.map((l) => l.ppm);
      expect(d.every((x, i) => x > 0 && (i === 0 || x > d[i - 1]))).toBe(true);
    }
  });
});

describe('optics (cctv.md §2, §6)', () => {
  it('A1: reach per 2014 level for 1920 px, HFOV 90°: d = 1920/(2·ppm·tan 45°) = 960/ppm', () => {
    const reach = (n: string) => doriReachM(1920, 90, ppm(P2014, n));
    expect(reach('identify')).toBeCloseTo(3.84, 2); // 960/250
    expect(reach('recognise')).toBeCloseTo(7.68, 2); // 960/125
    expect(reach('observe')).toBeCloseTo(15.36, 2); // 960/62.5
    expect(reach('detect')).toBeCloseTo(38.4, 2); // 960/25
    expect(reach('monitor')).toBeCloseTo(76.8, 2); // 960/12.5
    expect(reach('inspect')).toBeCloseTo(0.96, 2); // 960/1000
  });

  it('A1 through the camera model: every level of the table with its lens and ground reach', () => {
    const r = cameraReaches(camera({ range_m: 1000 }), P2014.levels);
    expect(r.map((x) => [x.dori, +x.reachM.toFixed(2)])).toEqual([
      ['monitor', 76.8], ['detect', 38.4], ['observe', 15.36], ['recognise', 7.68], ['identify', 3.84], ['inspect', 0.96],
    ]);
    // ground reach from a 4 m mount: √(38.4² − 4²) = 38.19 m; Identify 3.84 m < 4 m: never
    expect(r[1].groundM).toBeCloseTo(38.19, 2);
    expect(r[4].groundM).toBe(0);
  });

  it('A2: 2025 levels and other sensors', () => {
    const reach = (n: string, px = 1920, fov = 90) => doriReachM(px, fov, ppm(P2025, n));
    expect(reach('overview')).toBeCloseTo(48.0, 2); // 960/20
    expect(reach('outline')).toBeCloseTo(24.0, 2);
    expect(reach('discern')).toBeCloseTo(12.0, 2);
    expect(reach('validate')).toBeCloseTo(1.92, 2);
    expect(reach('scrutinise')).toBeCloseTo(0.64, 2);
    expect(doriReachM(3840, 90, 250)).toBeCloseTo(7.68, 2); // 1920/250
    expect(reach('validate', 3840)).toBeCloseTo(3.84, 2);
    expect(doriReachM(2560, 30, 250)).toBeCloseTo(19.11, 2); // 2560/(500·tan 15° = 133.97)
  });

  it('A3: density at 10 m and by slant range from a 6 m mast', () => {
    expect(pixelDensityPpm(1920, 90, 10)).toBeCloseTo(96.0, 6); // 1920/20
    expect(2 * 10 * Math.tan(Math.PI / 4)).toBeCloseTo(20.0, 6); // scene width
    const slant = slantRangeM(10, 6); // √(100 + 36) = 11.662
    expect(slant).toBeCloseTo(11.66, 2);
    expect(pixelDensityPpm(1920, 90, slant)).toBeCloseTo(82.3, 1); // 1920/23.32
    // the ground-distance shortcut overstates by 96/82.3 − 1 ≈ 17 %
    expect(pixelDensityPpm(1920, 90, 10) / pixelDensityPpm(1920, 90, slant) - 1).toBeCloseTo(0.166, 2);
  });

  it('A4: units', () => {
    expect(pixelsPerFoot(250)).toBeCloseTo(76.2, 6);
    expect(pixelsPerFoot(125)).toBeCloseTo(38.1, 6);
    expect(pixelsPerFoot(62.5)).toBeCloseTo(19.05, 6);
    expect(pixelsPerFoot(25)).toBeCloseTo(7.62, 6);
    expect(ppmFromFacePixels(80)).toBeCloseTo(500, 6);
    expect(ppmFromFacePixels(40)).toBeCloseTo(250, 6);
  });

  it('A5: lens → angles on a 1/3" sensor (4.8 mm), and 16:9 VFOV', () => {
    const w = sensorFormat('1/3"')!.widthMm;
    expect(w).toBe(4.8);
    const h6 = hfovFromLensDeg(w, 6); // 2·atan(0.4) = 43.60°
    expect(h6).toBeCloseTo(43.6, 1);
    expect(verticalFovDeg(h6, 4, 3)).toBeCloseTo(33.4, 1); // 2·atan(0.4·0.75)
    const h28 = hfovFromLensDeg(w, 2.8);
    expect(h28).toBeCloseTo(81.2, 1);
    expect(verticalFovDeg(h28, 4, 3)).toBeCloseTo(65.5, 1);
    expect(verticalFovDeg(90, 1920, 1080)).toBeCloseTo(58.72, 2); // 2·atan(0.5625)
  });

  it('A5: a camera given by lens and sensor format resolves its HFOV', () => {
    const c = camera({ focal_length_mm: 6, sensor_format: '1/3"', resolution_h_px: 1600, resolution_v_px: 1200 });
    expect(c.hfovDeg).toBeCloseTo(43.6, 1);
    expect(c.vfovDeg).toBeCloseTo(33.4, 1);
    expect(() => camera({ focal_length_mm: 6, sensor_format: '4/3"' })).toThrow(/feature c1: sensor_format "4\/3\\"" is unknown/);
  });

  it('A6: blind zone and far edge by depression angle', () => {
    expect(groundHitM(4, 30 + 25)).toBeCloseTo(2.8, 2); // 4/tan 55°
    expect(groundHitM(4, 30 - 25)).toBeCloseTo(45.7, 1); // 4/tan 5°
    expect(groundHitM(4 - 1.7, 55)).toBeCloseTo(1.61, 2); // head height 1.7 m
    const c = { ...camera({ height_m: 3, tilt_deg: 20 }), vfovDeg: 58.7 };
    const d = footprintDepthsM(c);
    expect(d.nearM).toBeCloseTo(2.58, 2); // 3/tan 49.35°
    expect(d.farM).toBe(Infinity); // 20 − 29.35 < 0: the horizon
    const head = footprintDepthsM({ ...camera({ height_m: 4, tilt_deg: 30 }), vfovDeg: 50, targetHeightM: 1.7 });
    expect(head.nearM).toBeCloseTo(1.61, 2);
  });

  it('A7: ground trapezoid from the four corner rays, area 217.9 m²', () => {
    const c = camera({ height_m: 4, tilt_deg: 45, hfov_deg: 90, bearing_deg: 0, range_m: 1000 });
    const [nl, nr, fr, fl] = footprintCorners(c);
    // bearing 0 = north: y is depth, x is across
    expect(nl![0]).toBeCloseTo(-3.62, 2);
    expect(nl![1]).toBeCloseTo(1.12, 2);
    expect(nr![0]).toBeCloseTo(3.62, 2);
    expect(fr![0]).toBeCloseTo(12.93, 2);
    expect(fr![1]).toBeCloseTo(14.29, 2);
    expect(fl![0]).toBeCloseTo(-12.93, 2);
    const area = shoelaceM2(groundFootprint(c, 1000));
    expect(area).toBeCloseTo(217.9, 1); // (7.24 + 25.86)/2 · 13.17
    // the near edge half-angle is atan(3.62/1.12) = 72.8°, far wider than HFOV/2 = 45°
    expect(Math.atan2(nr![0], nr![1]) * (180 / Math.PI)).toBeCloseTo(72.8, 1);
  });

  it('footprint rotates with the bearing (east-facing camera: depth along +x)', () => {
    const c = camera({ height_m: 4, tilt_deg: 45, bearing_deg: 90, range_m: 1000 });
    const [nl] = footprintCorners(c);
    expect(nl![0]).toBeCloseTo(1.12, 2);
    expect(nl![1]).toBeCloseTo(3.62, 2); // left of an east-facing camera is north
  });

  it('upper rays above the horizon: the footprint is clamped by the range disc', () => {
    const c = camera({ height_m: 4, tilt_deg: 15, range_m: 30 });
    const ring = groundFootprint(c, 30);
    const farthest = Math.max(...ring.map((p) => Math.hypot(p[0], p[1])));
    expect(farthest).toBeCloseTo(30, 1);
    expect(footprintCorners(c)[2]).toBeNull();
  });

  it('defaults: range = ground distance at Detect reach, tilt puts the far edge there', () => {
    const c = camera({});
    const detectGround = Math.sqrt(38.4 ** 2 - 16); // 38.19 m
    expect(c.rangeM).toBeCloseTo(detectGround, 6);
    expect(c.tiltDeg).toBeCloseTo(58.72 / 2 + Math.atan2(4, detectGround) * (180 / Math.PI), 2); // 35.34°
    expect(footprintDepthsM(c).farM).toBeCloseTo(detectGround, 6);
    expect(derivedTiltDeg(50, 4, 0)).toBe(90);
    // Identify band by slant distance: √(3.84² − 4²) is imaginary → nothing on the ground
    expect(levelGroundRadiusM(c, 250)).toBe(0);
    expect(levelGroundRadiusM(c, 125)).toBeCloseTo(Math.sqrt(7.68 ** 2 - 16), 6);
  });

  it('panoramic cameras (hfov ≥ 150°) are disc sectors without blind zone', () => {
    const c = camera({ hfov_deg: 360, height_m: 3 });
    expect(c.panoramic).toBe(true);
    // equidistant model: Detect reach = 1920/(2π·25) = 12.22 m lens distance
    expect(c.rangeM).toBeCloseTo(Math.sqrt((1920 / (2 * Math.PI * 25)) ** 2 - 9), 6);
    expect(shoelaceM2(groundFootprint(c, 10))).toBeCloseTo(Math.PI * 100, 2);
    const half = camera({ hfov_deg: 180, bearing_deg: 90 });
    const ring = groundFootprint(half, 10);
    expect(shoelaceM2(ring)).toBeCloseTo(Math.PI * 50, 2);
    expect(Math.min(...ring.map((p) => p[0]))).toBeGreaterThanOrEqual(-1e-9); // faces east
  });

  it('rejects impossible properties with the feature id', () => {
    expect(() => camera({ hfov_deg: 400 })).toThrow(/feature c1: hfov_deg must be in \(0, 360\], got 400/);
    expect(() => camera({ range_m: -5 })).toThrow(/feature c1: range_m must be > 0/);
  });
});
