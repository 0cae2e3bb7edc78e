import { describe, expect, it } from 'vitest';
import { acceleratorFor, cornerSpeedMps, kineticEnergyKj, kmhFromMps, mpsFromKmh, runUpDistanceM, runUpSpeedMps } from './kinematics.js';
import { speedProfile } from './speed-profile.js';
import { turnSpeedMps } from './turn-speed.js';
import { BUILT_IN_VEHICLE_CLASSES, UNKNOWN_SURFACE_FRICTION } from '../vehicles/vehicle-classes.js';

// Acceptance numbers of shared/reference/hvm.md ("Acceptance numbers"); tolerance ±0.5 % unless stated.
const within = (actual: number, expected: number, rel = 0.005) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
const FT_LBF_PER_J = 1 / 1.3558179483;

describe('hvm.md acceptance numbers', () => {
  it('1. KE of a rating: 7500 kg at 48 km/h → 666.7 kJ (AHVVA "667 kJ")', () => {
    within(kineticEnergyKj(7500, mpsFromKmh(48)), 666.7);
  });

  it('2. ASTM M-ratings: 15,000 lb at 30/40/50 mph → 451k/802k/1,254k ft·lbf; 6804 kg → 612/1088/1700 kJ', () => {
    const kg = 15000 * 0.45359237; // 6803.9 kg
    const mph = (m: number) => (m * 1609.344) / 3600;
    within(kineticEnergyKj(kg, mph(30)) * 1000 * FT_LBF_PER_J, 451e3);
    within(kineticEnergyKj(kg, mph(40)) * 1000 * FT_LBF_PER_J, 802e3);
    within(kineticEnergyKj(kg, mph(50)) * 1000 * FT_LBF_PER_J, 1254e3);
    within(kineticEnergyKj(6804, mph(30)), 612);
    within(kineticEnergyKj(6804, mph(40)), 1088);
    within(kineticEnergyKj(6804, mph(50)), 1700);
  });

  it('3. US Navy legacy: 4535 kg at 50 mph → 1133 kJ; at 15 mph → 102 kJ', () => {
    within(kineticEnergyKj(4535, (50 * 1609.344) / 3600), 1133);
    within(kineticEnergyKj(4535, (15 * 1609.344) / 3600), 102);
  });

  it('4. skid speed √(f·g·r) (MIL-HDBK-1013/14 eq. 6) and the AASHTO form √(127·R·(e+f)) agree', () => {
    within(cornerSpeedMps(20, 0.6), 10.85);
    within(kmhFromMps(cornerSpeedMps(20, 0.6)), 39.1);
    within(kmhFromMps(cornerSpeedMps(20, 1.0)), 50.4);
    within(kmhFromMps(cornerSpeedMps(10, 0.6)), 27.6);
    const aashto = Math.sqrt(127 * 20 * (0 + 0.6)); // 39.04 km/h
    within(kmhFromMps(cornerSpeedMps(20, 0.6)), aashto, 0.002);
  });

  it('5. straight run-up from rest v = √(2as) and its inverse', () => {
    within(kmhFromMps(runUpSpeedMps(0, 3.2, 50)), 64.4);
    within(kmhFromMps(runUpSpeedMps(0, 2.0, 50)), 50.9);
    within(kmhFromMps(runUpSpeedMps(0, 0.75, 100)), 44.1);
    within(runUpDistanceM(mpsFromKmh(48), 2.0), 44.4);
    within(runUpDistanceM(mpsFromKmh(48), 0.75), 118.5);
  });

  it('6. corner then straight: exit r = 10 m at f = 0.6 (27.6 km/h), then 40 m at 2.0 m/s² → 53.3 km/h', () => {
    const exit = cornerSpeedMps(10, 0.6);
    within(kmhFromMps(runUpSpeedMps(exit, 2.0, 40)), 53.3);
    // The same through the path profile: a corner capped at the skid speed, then 40 m straight.
    const acc = acceleratorFor({ accelMps2: 2.0, topSpeedKmh: 200 });
    const v = speedProfile([[0, -200], [0, 0], [40, 0]], [Infinity, exit, Infinity], acc, 7);
    within(kmhFromMps(v[1]), 27.6);
    within(kmhFromMps(v[2]), 53.3);
  });

  it('10. unknown surface: lateral limit uses f = 1.0 (MIL-HDBK "conservative"), not an AASHTO comfort f', () => {
    expect(UNKNOWN_SURFACE_FRICTION).toBe(1.0);
    const car = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === 'M1')!;
    expect(car.lateralG).toBe(1.0); // min(μ = 1.0, SRT 1.2)
    const hgv = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === 'N3G')!;
    expect(hgv.lateralG).toBe(0.35); // rollover (PBS baseline SRT 0.35 g) binds before grip
    for (const c of BUILT_IN_VEHICLE_CLASSES) expect(c.lateralG).toBe(Math.min(1.0, c.rolloverG));
  });
});

describe('speed model pieces', () => {
  it('top speed caps the run-up; an a(v) curve that falls with speed gives less than its start value held constant', () => {
    const acc = acceleratorFor({ accelMps2: 3.2, topSpeedKmh: 50 });
    expect(acc.speedAfter(0, 1000)).toBeCloseTo(mpsFromKmh(50), 9);
    const curve = acceleratorFor({ accelMps2: 3.2, topSpeedKmh: 100, accelCurve: [[0, 3.2], [100, 0.8]] });
    const flat = acceleratorFor({ accelMps2: 3.2, topSpeedKmh: 100 });
    const s = 50;
    expect(curve.speedAfter(0, s)).toBeLessThan(flat.speedAfter(0, s));
    // With a flat curve the table must reproduce √(2as) to within the 0.01 m/s step.
    const flatCurve = acceleratorFor({ accelMps2: 0, topSpeedKmh: 100, accelCurve: [[0, 2], [100, 2]] });
    expect(flatCurve.speedAfter(0, 50)).toBeCloseTo(Math.sqrt(2 * 2 * 50), 2);
    expect(flatCurve.speedAfter(5, 20)).toBeCloseTo(Math.sqrt(25 + 2 * 2 * 20), 2);
  });

  it('braking pass slows the vehicle in time for a corner: u² = v² + 2·b·s', () => {
    const acc = acceleratorFor({ accelMps2: 3, topSpeedKmh: 200 });
    const v = speedProfile([[0, 0], [0, 100], [0, 110], [50, 110]], [Infinity, Infinity, 5, Infinity], acc, 7);
    // Forward: √(2·3·100) = 24.49 at 100 m; backward from 5 m/s at 110 m: √(25 + 2·7·10) = 12.45.
    expect(v[1]).toBeCloseTo(Math.sqrt(25 + 140), 9);
    expect(v[2]).toBe(5);
  });

  it('turn speed: racing line r = c / (1 − cos(θ/2)); too tight for the turning circle or bending away is impossible', () => {
    // 90° left turn around a corner at (1, 1) left-ahead of the node at (0, 0): θ = 90°, c = 5 → r = 5 / (1 − cos 45°) = 17.07 m.
    const cap = turnSpeedMps(0, 1, -1, 0, 0, 0, -1, 1, 5, 6, 1.0);
    expect(cap).toBeCloseTo(Math.sqrt(9.81 * (5 / (1 - Math.SQRT1_2))), 9);
    expect(turnSpeedMps(0, 1, -1, 0, 0, 0, -1, 1, 5, 18, 1.0)).toBe(-1);
    expect(turnSpeedMps(0, 1, 1, 0, 0, 0, -1, 1, 5, 6, 1.0)).toBe(-1); // turns right, corner on the left
    expect(turnSpeedMps(0, 1, 0, 1, 0, 0, -1, 1, 0, 6, 1.0)).toBe(Infinity); // straight on
  });
});
