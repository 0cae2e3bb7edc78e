import { describe, expect, it } from 'vitest';
import { parseRating } from './parse-rating.js';

// hvm.md acceptance 7 (rating parsing) and §2 "Rating strings".
describe('parseRating', () => {
  it('IWA 14-1: V/7200[N2A]/48/90:0.2 → V, 7200 kg, N2A, 48 km/h, 90°, 0.2 m, no debris', () => {
    expect(parseRating('V/7200[N2A]/48/90:0.2')).toEqual({
      standard: 'IWA14-1', method: 'V', vehicle: 'N2A', mass_kg: 7200, speed_kmh: 48, angle_deg: 90, penetration_m: 0.2, debris_m: null,
    });
  });

  it('PAS 68: V/7500[N3]/80/90:3.3/25.0 → penetration 3.3 m, debris 25.0 m', () => {
    const r = parseRating('V/7500[N3]/80/90:3.3/25.0');
    expect(r).toMatchObject({ standard: 'PAS68', vehicle: 'N3', mass_kg: 7500, speed_kmh: 80, angle_deg: 90, penetration_m: 3.3, debris_m: 25 });
  });

  it('PAS 68:2007 strings without the angle, and F (design) method', () => {
    expect(parseRating('V/7500[N2]/64:6.2/12.0')).toMatchObject({ standard: 'PAS68', angle_deg: null, penetration_m: 6.2, debris_m: 12 });
    expect(parseRating('PAS 68:2010 F/7500[N2]/48/90:0/0.0')).toMatchObject({ standard: 'PAS68', method: 'F', speed_kmh: 48 });
  });

  it('tolerates the spacing of real catalogue data: V/7200 [N3C]/48/90:0', () => {
    expect(parseRating('V/7200 [N3C]/48/90:0')).toMatchObject({ standard: 'IWA14-1', vehicle: 'N3C', mass_kg: 7200, speed_kmh: 48, penetration_m: 0 });
    expect(parseRating('  ISO 22343-1  V / 7200 [ N2B ] / 80 / 90 : 4.1 ')).toMatchObject({ standard: 'ISO22343-1', vehicle: 'N2B', speed_kmh: 80, penetration_m: 4.1 });
  });

  it('ASTM F2656: M50/P1 and M50 P1 → 6800 kg, 80 km/h (50 mph), penetration ≤ 1 m', () => {
    for (const s of ['M50/P1', 'M50 P1', 'ASTM F2656 M50 P1', 'astm f2656-20 m50-p1']) {
      expect(parseRating(s)).toMatchObject({ standard: 'ASTM-F2656', vehicle: 'M', mass_kg: 6800, speed_kmh: 80, penetration_m: 1 });
    }
    // M30: 30 mph = 48.3 km/h, below the quoted 50 km/h: the lower is kept.
    expect(parseRating('M30 P2').speed_kmh).toBeCloseTo(48.28, 2);
    expect(parseRating('C750 P2')).toMatchObject({ vehicle: 'C7', mass_kg: 7200, speed_kmh: 80, penetration_m: 7 });
    expect(parseRating('PU60')).toMatchObject({ vehicle: 'PU', mass_kg: 2300, penetration_m: null });
    expect(parseRating('H30 P3')).toMatchObject({ vehicle: 'H', mass_kg: 29500, penetration_m: 30 });
    expect(parseRating('FS40 P1')).toMatchObject({ vehicle: 'FS', mass_kg: 2100 });
    expect(parseRating('C40 P1')).toMatchObject({ vehicle: 'C', mass_kg: 1100 });
  });

  it('DoS K-ratings: K12 L3 → 15,000 lb at 50 mph, ≤ 3 ft', () => {
    const k12 = parseRating('K12 L3');
    expect(k12).toMatchObject({ standard: 'DOS-SD-STD-02.01', mass_kg: 6804, speed_kmh: 80 });
    expect(k12.penetration_m).toBeCloseTo(0.9144, 9);
    expect(parseRating('K4').speed_kmh).toBeCloseTo(48.28, 2);
  });

  it('anything else is a clear error', () => {
    expect(() => parseRating('xyz')).toThrow("cannot read rating 'xyz': expected e.g. V/7200[N2A]/48/90:3.5 or M50 P1");
    expect(() => parseRating('V/7200[N2A]/48/90')).toThrow(/cannot read rating/);
    expect(() => parseRating('')).toThrow(/cannot read rating ''/);
  });
});
