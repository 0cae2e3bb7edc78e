import { describe, expect, it } from 'vitest';
import { customThreat, MANDATORY_K_M_PER_KG3, resolveThreats, threatById, THREATS } from './threats.js';

describe('NCTC bomb threat stand-off chart', () => {
  // shared/reference/blast-standoff.md §6 item 1 (NCTC/DHS chart, §1).
  it('sedan: 227 kg, mandatory 320 ft / 98 m, preferred 1,900 ft / 580 m, vehicle class M1', () => {
    const car = threatById('car')!;
    expect([car.tntKg, car.tntLb, car.mandatoryFt, car.mandatoryM, car.preferredFt, car.preferredM]).toEqual([227, 500, 320, 98, 1900, 580]);
    expect(car.carrier).toBe('vehicle');
    expect(car.vehicleClass).toBe('M1');
  });
  it('pipe bomb 70 ft / 21 m and 1,200 ft / 366 m; semi-trailer 1,570 ft / 479 m and 9,300 ft / 2,835 m', () => {
    const pipe = threatById('pipe_bomb')!;
    expect([pipe.mandatoryFt, pipe.mandatoryM, pipe.preferredFt, pipe.preferredM, pipe.carrier]).toEqual([70, 21, 1200, 366, 'person']);
    const semi = threatById('semi_trailer')!;
    expect([semi.mandatoryFt, semi.mandatoryM, semi.preferredFt, semi.preferredM, semi.vehicleClass]).toEqual([1570, 479, 9300, 2835, 'N3G']);
  });
  it('every row is consistent: metres = feet × 0.3048 within 1 m, kg = lb × 0.4536 within 2 %, a source, a class note for vehicles', () => {
    for (const t of THREATS) {
      expect(Math.abs(t.mandatoryFt * 0.3048 - t.mandatoryM)).toBeLessThan(1);
      expect(Math.abs(t.preferredFt * 0.3048 - t.preferredM)).toBeLessThan(1);
      expect(Math.abs(t.tntLb * 0.45359237 - t.tntKg) / t.tntKg).toBeLessThan(0.02);
      expect(t.source).toMatch(/NCTC/);
      expect(t.carrier === 'vehicle').toBe(t.vehicleClass !== null && (t.vehicleClassNote ?? '').length > 20);
      expect(t.preferredM).toBeGreaterThan(t.mandatoryM);
    }
  });
  it('every mandatory distance is 40·W^(1/3) ft within 2.3 % (§1 "Derived scaling")', () => {
    for (const t of THREATS) expect(Math.abs(40 * Math.cbrt(t.tntLb) - t.mandatoryFt) / t.mandatoryFt).toBeLessThan(0.023);
  });
});

describe('custom threat by cube-root scaling', () => {
  it('K40 in metric is 15.87 m/kg^(1/3): 40 × 0.3048 / 0.45359237^(1/3) = 12.192 / 0.76837', () => {
    expect(MANDATORY_K_M_PER_KG3).toBeCloseTo(15.868, 3);
  });
  it('1,000 lb (453.6 kg) scales to 400 ft mandatory, the SUV/van row, and keeps that row’s preferred ratio 6.0', () => {
    // 40 × 1000^(1/3) = 400 ft = 121.92 m; SUV row ratio 732 / 122 = 6.0.
    const t = customThreat(1000 * 0.45359237);
    expect(t.mandatoryFt).toBeCloseTo(400, 6);
    expect(t.preferredM / t.mandatoryM).toBeCloseTo(732 / 122, 9);
    expect(t.carrier).toBe('vehicle');
    expect(t.vehicleClass).toBe('N1');
    expect(t.scaling).toMatch(/15\.87·W\^\(1\/3\)/);
    expect(t.verify).toBe(true);
  });
  it('3 kg takes the pipe-bomb row (nearest in ln W: |ln 3/2.3| = 0.27 < |ln 3/9.2| = 1.12), person-borne; bad masses refused', () => {
    const t = customThreat(3);
    expect(t.carrier).toBe('person');
    expect(t.mandatoryM).toBeCloseTo(15.868 * Math.cbrt(3), 2);
    expect(t.preferredM / t.mandatoryM).toBeCloseTo(366 / 21, 9);
    expect(() => customThreat(0)).toThrow(/positive number of kg/);
  });
  it('resolves ids, custom specs and names an unknown id', () => {
    expect(resolveThreats().length).toBe(8);
    const [a, b] = resolveThreats(['car', 'custom:100:N1']);
    expect(a.id).toBe('car');
    expect([b.carrier, b.vehicleClass, b.tntKg]).toEqual(['vehicle', 'N1', 100]);
    expect(() => resolveThreats(['tank'])).toThrow(/unknown threat "tank"/);
  });
});

describe('ATF vehicle-bomb table (kept apart from the NCTC chart)', () => {
  it('compact sedan 500 lb: lethal air blast 100 ft, minimum evacuation 1,500 ft, falling glass 1,250 ft (blast-standoff.md §6 item 10)', async () => {
    const { ATF_VEHICLE_BOMBS } = await import('./atf-vehicle-bombs.js');
    const sedan = ATF_VEHICLE_BOMBS[0];
    expect([sedan.capacityLb, sedan.lethalAirBlastFt, sedan.minimumEvacuationFt, sedan.fallingGlassHazardFt]).toEqual([500, 100, 1500, 1250]);
  });
});
