import { describe, expect, it } from 'vitest';
import { incidentPressureKpa } from './kingery-bulmash.js';
import { QUANTITY_DISTANCE_RULES, quantityDistanceM, UFC_STANDOFFS } from './standoff-criteria.js';

const rule = (id: string) => QUANTITY_DISTANCE_RULES.find((r) => r.id === id)!;

describe('standoff criteria', () => {
  it('Norway QD for 1,000 kg NEQ: hospital 444 m, dwelling 222 m, road 148 m (blast-standoff.md §6 item 9, tangos QD_func)', () => {
    // 1000^(1/3) = 10: 44.4·10, 22.2·10, 14.8·10.
    expect(quantityDistanceM(rule('norway_hospital'), 1000)).toBeCloseTo(444, 9);
    expect(quantityDistanceM(rule('norway_dwelling'), 1000)).toBeCloseTo(222, 9);
    expect(quantityDistanceM(rule('norway_road'), 1000)).toBeCloseTo(148, 9);
  });
  it('those distances sit at KB 2.05 / 5.35 / 8.9 kPa (§3, derived)', () => {
    expect(incidentPressureKpa(44.4)).toBeCloseTo(2.05, 1);
    expect(incidentPressureKpa(22.2)).toBeCloseTo(5.35, 1);
    expect(incidentPressureKpa(14.8)).toBeCloseTo(8.9, 1);
  });
  it('DoD IBD for the 500 lb car is 40·500^(1/3) = 317.5 ft = 96.8 m (§1 "Derived scaling")', () => {
    expect(quantityDistanceM(rule('dod_ibd'), 500 * 0.45359237)).toBeCloseTo(317.48 * 0.3048, 1);
  });
  it('UFC 4-010-01 (2007): 45 m controlled perimeter, 25 m parking inside, 10 m minimum, trash 25 / 10 m, all flagged superseded (§6 item 8)', () => {
    expect(UFC_STANDOFFS.map((s) => s.standoffM)).toEqual([45, 25, 10, 25, 10]);
    expect(UFC_STANDOFFS.every((s) => s.superseded)).toBe(true);
  });
});
