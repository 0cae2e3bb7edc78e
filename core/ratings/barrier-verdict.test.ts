import { describe, expect, it } from 'vitest';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import { aVehicle, barrierVerdict } from './barrier-verdict.js';
import { clearGapM, gapLetsThrough, gapOk } from './gap-check.js';
import { parseRating } from './parse-rating.js';
import { kineticEnergyKj, mpsFromKmh } from '../approach/kinematics.js';

const cls = (code: string) => BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === code)!;

describe('barrierVerdict (hvm.md acceptance 8)', () => {
  const rating = parseRating('V/7500[N2]/48/90:0/0.0');
  const n2 = cls('PAS68-N2');

  it('N2 7500 kg at 52 km/h (782 kJ) vs V/7500[N2]/48/90:0/0.0 (667 kJ) → fail; at ≤ 48 km/h → pass', () => {
    expect(kineticEnergyKj(7500, mpsFromKmh(52))).toBeCloseTo(782.4, 1);
    expect(barrierVerdict({ vehicle: n2, rating, impactSpeedKmh: 52, gapLetsThrough: false }).verdict).toBe('fail');
    expect(barrierVerdict({ vehicle: n2, rating, impactSpeedKmh: 48, gapLetsThrough: false }).verdict).toBe('pass');
    expect(barrierVerdict({ vehicle: n2, rating, impactSpeedKmh: 30, gapLetsThrough: false }).verdict).toBe('pass');
  });

  it('mass or class mismatch fails regardless of speed: 30 t HGV vs an N2 rating; N3C (heavy chassis) vs N2A', () => {
    expect(barrierVerdict({ vehicle: cls('N3G'), rating, impactSpeedKmh: 5, gapLetsThrough: false }).verdict).toBe('fail');
    const n2a = parseRating('V/7200[N2A]/80/90:1.0');
    expect(barrierVerdict({ vehicle: cls('N3C'), rating: n2a, impactSpeedKmh: 20, gapLetsThrough: false }).verdict).toBe('fail');
    expect(barrierVerdict({ vehicle: cls('N2A'), rating: n2a, impactSpeedKmh: 20, gapLetsThrough: false }).verdict).toBe('pass');
    expect(barrierVerdict({ vehicle: cls('M1'), rating: n2a, impactSpeedKmh: 79, gapLetsThrough: false }).verdict).toBe('pass');
  });

  it('unrated, not reached, a gap the class drives through, penetration into the protected area', () => {
    expect(barrierVerdict({ vehicle: n2, rating: undefined, impactSpeedKmh: 40, gapLetsThrough: false }).verdict).toBe('unrated');
    expect(barrierVerdict({ vehicle: n2, rating, impactSpeedKmh: undefined, gapLetsThrough: false }).verdict).toBe('not_reached');
    expect(barrierVerdict({ vehicle: n2, rating, impactSpeedKmh: 10, gapLetsThrough: true }).verdict).toBe('fail');
    const deep = parseRating('V/7500[N2]/48/90:6.5/10.0');
    expect(barrierVerdict({ vehicle: n2, rating: deep, impactSpeedKmh: 40, gapLetsThrough: false, protectedDistanceM: 5 }).verdict).toBe('fail');
    expect(barrierVerdict({ vehicle: n2, rating: deep, impactSpeedKmh: 40, gapLetsThrough: false, protectedDistanceM: 7 }).verdict).toBe('pass');
  });
});

describe('reasons read as English', () => {
  it('codes spelt letter by letter take "an" before M, N, H…; names go by their first vowel', () => {
    expect(['M1', 'N2A', 'N3G', 'H', 'C', 'PAS68-N2', 'Sprinter', 'estate car'].map(aVehicle))
      .toEqual(['an M1', 'an N2A', 'an N3G', 'an H', 'a C', 'a PAS68-N2', 'a Sprinter', 'an estate car']);
    const fast = barrierVerdict({ vehicle: cls('M1'), rating: parseRating('V/7200[N2A]/48/90:3.5'), impactSpeedKmh: 160, gapLetsThrough: false });
    expect(fast.reason).toBe('rated at 48 km/h; an M1 can hit it at 160.0 km/h');
  });
});

describe('gap check (hvm.md acceptance 9, TAL 1/11 air gap ≤ 1200 mm)', () => {
  it('168 mm bollards at 1368 mm centres → 1200 mm passes (inclusive); 114 mm at 1500 mm → 1386 mm fails', () => {
    expect(clearGapM(1.368, 0.168)).toBeCloseTo(1.2, 9);
    expect(gapOk(clearGapM(1.368, 0.168))).toBe(true);
    expect(clearGapM(1.5, 0.114)).toBeCloseTo(1.386, 9);
    expect(gapOk(clearGapM(1.5, 0.114))).toBe(false);
  });

  it('a gap at least as wide as a vehicle lets it through (scene-format.md)', () => {
    expect(gapLetsThrough(2.0, cls('M1').widthM)).toBe(true);
    expect(gapLetsThrough(2.0, cls('N1').widthM)).toBe(false);
  });
});
