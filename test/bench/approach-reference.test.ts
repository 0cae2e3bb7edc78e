import { describe, expect, it } from 'vitest';
import type { XY } from '../../core/geometry/local-frame.js';
import { curvedStreet, localScene, rect, type LocalFeature } from '../../core/drivable/local-scene.js';
import { analysisArea } from '../../core/drivable/analysis-area.js';
import { blockedObstacles } from '../../core/drivable/blocked-obstacles.js';
import { BUILT_IN_VEHICLE_CLASSES, type VehicleClass } from '../../core/vehicles/vehicle-classes.js';
import { referenceApproach, type ReferenceOptions } from './approach-reference.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const within = (actual: number, expected: number, rel = 0.005) => expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(rel);
const classOf = (code: string) => BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === code)!;

function run(features: LocalFeature[], origin: XY, vehicle: VehicleClass, options: ReferenceOptions) {
  const { scene, frame } = localScene(features);
  const zone = scene.features.find((f) => f.id === 'z1')!;
  const target = { rings: [(zone.geometry.coordinates as number[][][])[0].map((p) => frame.toLocal(p))] };
  return referenceApproach(analysisArea(scene, frame), blockedObstacles(scene, frame, vehicle.widthM), [{ kind: 'origin', featureId: 'o1', at: origin }], target, vehicle, options);
}

describe('brute-force approach reference (position × heading × speed): hvm.md acceptance figures', () => {
  it('5. straight run-up from rest: M1 50 m → 64.4 km/h, N2A 50 m → 50.9 km/h, N3G 100 m → 44.1 km/h', () => {
    // A corridor running north, 2·(h + 0.1) m wide (the centre may stray 10 cm: in a wide street the
    // physics rewards weaving, which lengthens the run-up); the zone's south face is s + h north of
    // the origin, so the body's centre touches it after s metres (contact = within h of the outline).
    // hvm.md §Acceptance 5 (BarricadiX defaults): v = √(2·a·s).
    for (const [code, s, kmh] of [['M1', 50, 64.4], ['N2A', 50, 50.9], ['N3G', 100, 44.1]] as const) {
      const v = classOf(code);
      const h = v.widthM / 2;
      const r = run([
        { id: 'area', kind: 'analysis_area', geometry: poly(rect(-h - 0.1, -2, h + 0.1, s + 20)) },
        { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(-h - 0.1, s + h, h + 0.1, s + 20)) },
        { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [0, 0] } },
      ], [0, 0], v, { cellM: 0.5, headingStepDeg: 5, stepsM: [1], radiusRatio: 1.2, maxRadiusM: 150, checkM: 0.25, edgeStartSpacingM: 1 });
      within(r.impactMps * 3.6, kmh);
          }
  });

  it('6. corner then straight: a forced r = 10 m bend at f = 0.6 (27.6 km/h), then 40 m at 2.0 m/s² → 53.3 km/h', () => {
    // Custom class: a = 2.0 m/s², lateral limit f = 0.6, minimum radius 10 m, width 1.8 m (h = 0.9).
    const v: VehicleClass = { ...classOf('M1'), code: 'T', accelMps2: 2.0, lateralG: 0.6, minTurnRadiusM: 10, topSpeedKmh: 200 };
    const h = 0.9, d = 0.2; // the centre may stray 20 cm either side of the centreline
    // Centreline: origin (0, 0) north to (0, 60), a quarter circle of r = 10 about (10, 60) to (10, 70),
    // then east 40 m to x = 50, where the centre touches the zone's face at x = 50 + h.
    const r = run(curvedStreet(h, d, 180).features, [0, 0], v, { cellM: 0.5, headingStepDeg: 5, stepsM: [1, Math.PI], radiusRatio: 1.15, maxRadiusM: 150, checkM: 0.25, edgeStartSpacingM: 1 });
    // By hand: skid limit √(0.6·9.81·10) = 7.672 m/s = 27.6 km/h (MIL-HDBK-1013/14 eq. 6); the 60 m
    // run-up reaches √(2·2·60) = 15.5 m/s, so the car brakes to 7.672; then v = √(7.672² + 2·2·40)
    // = 14.79 m/s = 53.3 km/h (hvm.md §Acceptance 6). The 20 cm band lets a bend of at most
    // r = 10 + 0.4 / (1 − cos 45°) = 11.37 m through (v² = 0.6·9.81·11.37 + 2·2·40 = 226.9 → 54.2 km/h).
    expect(r.impactMps * 3.6).toBeGreaterThanOrEqual(53.3 * 0.995);
    expect(r.impactMps * 3.6).toBeLessThanOrEqual(54.2 * 1.005);
    // The slowest point is in the bend, at the skid limit of r ∈ [10, 11.37] m: 27.6 … 29.4 km/h.
    const slowest = Math.min(...r.speedsMps.slice(r.path.findIndex((p) => p[1] > 60.5)));
    expect(slowest * 3.6).toBeGreaterThanOrEqual(27.6 * 0.995);
    expect(slowest * 3.6).toBeLessThanOrEqual(29.4 * 1.005);
  });
});
