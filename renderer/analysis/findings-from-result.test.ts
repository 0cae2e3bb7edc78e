import { describe, expect, it } from 'vitest';
import { findingsFromResult } from './findings-from-result.js';
import { riversideResult, riversideScene } from './fixtures/riverside-market.js';

describe('findingsFromResult', () => {
  const scene = riversideScene();
  const findings = findingsFromResult(riversideResult(), scene, { responseTimeS: 90, threatNames: { car: 'car' } });

  it('orders findings by severity, failing barriers first and identify gaps last', () => {
    expect(findings.map((f) => f.id)).toEqual([
      'barrier_fail:bollards-south',
      'zone_reachable:market-square',
      'zone_reachable:bus-stop',
      'standoff_short:market-hall',
      'unrated_barrier:benches-east',
      'single_layer:market-square',
      'coverage_gap:market-square:detect',
      'coverage_gap:market-square:identify',
      'coverage_gap:bus-stop:identify',
      'analysis_notice:0',
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['critical', 'critical', 'high', 'high', 'high', 'medium', 'medium', 'low', 'low', 'low']);
    // The analysis' own notice (a warning) comes last, placed on its camera.
    expect(findings.at(-1)).toMatchObject({ severity: 'low', featureIds: ['cam-e'], message: 'camera cam-e: tilt_deg not set, aimed so the Detect reach is at the far edge' });
  });

  it('a failing barrier names every class, its speed and the rating, and shows the energies', () => {
    const f = findings[0];
    expect(f.message).toBe(
      'South bollard line fails: M1 at 51.1 km/h, N2A at 43.7 km/h, N3C at 38.5 km/h — rated V/1500[M1]/48/90:0.4',
    );
    expect(f.source).toMatch(/^Why: M1: impact 51\.1 km\/h above rated 48 km\/h; N2A: vehicle 7200 kg heavier than rated 1500 kg; N3C: vehicle 7200 kg heavier than rated 1500 kg\. /);
    // KE = ½·m·v²: rated 1500 kg at 48 km/h = 0.5·1500·13.33² = 133.3 kJ;
    // N2A 7200 kg at 43.7 km/h = 0.5·7200·12.14² = 530.5 kJ (test masses from the built-in class table, hvm.md §2).
    expect(f.source).toContain('N2A 7,200 kg at 43.7 km/h → 530 kJ');
    expect(f.source).toContain('rated 1,500 kg at 48.0 km/h → 133 kJ');
    expect(f.source).toContain('v² = u² + 2as');
    expect(f.featureIds).toEqual(['bollards-south', 'check-bollards-south-N2A', 'check-bollards-south-M1', 'check-bollards-south-N3C']);
  });

  it('a reachable zone is critical at or above 48 km/h and quotes the worst class with its energy', () => {
    const square = findings[1];
    // M1 1500 kg at 64.2 km/h: 0.5·1500·17.83² = 238.5 kJ → "239 kJ"; the 104.6 m run shows as "104 m" (whole metres from 100 m).
    expect(square.message).toMatch(/^Market square is reachable by M1 at 64\.2 km\/h \(239 kJ\) after a 104 m run; also N2A 53\.5 km\/h, N3C 45\.6 km\/h$/);
    expect(square.featureIds).toEqual(['market-square', 'path-market-square-N2A', 'path-market-square-M1', 'path-market-square-N3C']);
    expect(square.source).toContain('M1 1,500 kg');
    const bus = findings[2];
    expect(bus.severity).toBe('high');
    expect(bus.message).toContain('Bus stop queue is reachable by N2A at 40.0 km/h');
    // A lower threshold makes the 40 km/h approach critical too.
    const strict = findingsFromResult(riversideResult(), scene, { criticalSpeedKmh: 40 });
    expect(strict.find((x) => x.id === 'zone_reachable:bus-stop')!.severity).toBe('critical');
  });

  it('standoff shortfalls of a target make one finding led by the largest, with achieved, required and overpressure', () => {
    const f = findings[3];
    // SUV / van: 122 − 44.6 = 77.4 m short; car: 98 − 44.6 = 53.4 m short.
    expect(f.message).toBe(
      'Market hall: standoff short by 77.4 m — SUV / van bomb can get to 44.6 m, 122 m needed, 31.2 kPa incident overpressure; also car at 44.6 m of 98.0 m (21.7 kPa)',
    );
    expect(f.featureIds).toEqual(['market-hall', 'breach-car-market-hall', 'breach-suv_van-market-hall']);
    expect(f.source).toContain('SUV / van 122 m, car 98.0 m');
  });

  it('a bomb that can be brought to the outline is said so, not "0.0 m"', () => {
    const result = riversideResult();
    result.summary.standoff!.results = [{ target_id: 'bus-stop', threat: 'car', achieved_m: 0, required_m: 98, ok: false, incident_kpa: null }];
    const f = findingsFromResult(result, scene).find((x) => x.kind === 'standoff_short')!;
    expect(f.message).toBe('Bus stop queue: standoff short by 98.0 m — Car (sedan) bomb can get right up to it, 98.0 m needed');
  });

  it('an unrated barrier on a reached line, a single layer and coverage gaps carry their numbers', () => {
    expect(findings[4].message).toBe('Benches east has no crash rating and is reached by N2A at 33.5 km/h — its stopping power is unknown');
    expect(findings[5].message).toBe('Market square is protected by a single layer: 1 crossed by vehicles, 1 on foot; P(interruption) 0.50 at 90 s response');
    expect(findings[5].featureIds).toEqual(['market-square', 'cordon']);
    // 3500 − 3080 = 420 m² without Detect = 12.0 %.
    expect(findings[6].message).toBe('Market square: 12.0 % without Detect coverage (420 m² of 3,500 m²)');
    expect(findings[6].featureIds).toEqual(['market-square', 'gap-market-square-detect']);
    expect(findings[6].source).toContain('IEC 62676-4');
    // 3500 − 262.5 = 3237.5 m² without Identify = 92.5 %.
    expect(findings[7].message).toBe('Market square: 92.5 % without Identify coverage (3,238 m² of 3,500 m²)');
  });

  it('a fully covered zone, a passing barrier and a met standoff give no finding', () => {
    const result = riversideResult();
    result.summary.coverage!.zones[0].covered_m2 = { detect: 3500, identify: 3500 };
    result.summary.coverage!.zones[0].covered_pct = { detect: 100, identify: 100 };
    result.summary.approach!.barriers = result.summary.approach!.barriers.map((b) => ({ ...b, verdict: b.verdict === 'fail' ? 'pass' : b.verdict }));
    result.summary.standoff!.results = result.summary.standoff!.results.filter((r) => r.ok);
    const ids = findingsFromResult(result, scene).map((f) => f.id);
    expect(ids).not.toContain('coverage_gap:market-square:detect');
    expect(ids).not.toContain('barrier_fail:bollards-south');
    expect(ids.some((id) => id.startsWith('standoff_short'))).toBe(false);
  });

  it('a gap beyond the TAL 01/11 1.2 m rule is its own finding; an empty result has none', () => {
    const result = riversideResult();
    result.summary.approach!.barriers[0].gap_ok = false;
    const gap = findingsFromResult(result, scene).find((f) => f.kind === 'barrier_gap')!;
    expect(gap.severity).toBe('high');
    // The fixture's bollards have gap_m 1.2 (allowed); the flag comes from the core, the number from the scene.
    expect(gap.message).toBe('South bollard line: its 1.2 m gap is wider than the 1.2 m clear gap allowed between vehicle-stopping elements');
    expect(gap.source).toContain('TAL 01/11');
    expect(findingsFromResult({ features: [], notices: [], summary: {} }, scene)).toEqual([]);
  });

  it('takes a failing class’s reason from its barrier_check feature when the summary has none, and skips coverage of perimeters', () => {
    const result = riversideResult();
    const row = result.summary.approach!.barriers.find((b) => b.vehicle === 'M1' && b.barrier_id === 'bollards-south')!;
    delete row.reason;
    result.features.find((f) => f.id === 'check-bollards-south-M1')!.properties.reason = 'gap 2.4 m lets the vehicle through';
    result.summary.coverage!.zones.push({ zone_id: 'cordon', area_m2: 16800, covered_m2: { detect: 0, identify: 0 }, covered_pct: { detect: 0, identify: 0 }, k2_m2: 0 });
    const found = findingsFromResult(result, scene);
    expect(found[0].source).toContain('M1: gap 2.4 m lets the vehicle through');
    expect(found.some((f) => f.id.startsWith('coverage_gap:cordon'))).toBe(false);
  });

  it('ignores barrier lines among the approach targets and shortens long lists of classes', () => {
    const result = riversideResult();
    const approach = result.summary.approach!;
    // The approach analysis reports barriers as targets too; they are not zones.
    approach.results.push({ target_id: 'bollards-south', vehicle: 'M1', reachable: true, impact_speed_kmh: 51.1, energy_kj: 151.1, path_length_m: 90 });
    for (const v of ['N1', 'N1G', 'N2B']) approach.barriers.push({ barrier_id: 'bollards-south', vehicle: v, impact_speed_kmh: 40, rating: approach.barriers[0].rating, verdict: 'fail', gap_ok: true });
    const found = findingsFromResult(result, scene);
    expect(found.some((f) => f.id === 'zone_reachable:bollards-south')).toBe(false);
    const fail = found.find((f) => f.id === 'barrier_fail:bollards-south')!;
    // Six failing classes: the three fastest are named, then "and 3 more".
    expect(fail.message).toBe('South bollard line fails: M1 at 51.1 km/h, N2A at 43.7 km/h, N1 at 40.0 km/h, and 3 more — rated V/1500[M1]/48/90:0.4');
  });

  it('quotes the scene’s own vehicle masses and the chart’s threat names', () => {
    const heavy = riversideScene();
    heavy.bulwark.vehicles = [{ code: 'M1', name: 'Armoured car', mass_kg: 3000, width_m: 1.9, accel_mps2: 3.2, top_speed_kmh: 160, min_turn_radius_m: 5.5, lateral_g: 0.9 }];
    const found = findingsFromResult(riversideResult(), heavy);
    // 3000 kg at 64.2 km/h: 0.5·3000·17.83² = 477.0 kJ — but the result's own energy_kj (238.5) is quoted in the message; the source names the mass.
    expect(found.find((f) => f.id === 'zone_reachable:market-square')!.source).toContain('M1 3,000 kg');
    // No threat names given: the chart's (core/threats) are used.
    expect(found.find((f) => f.kind === 'standoff_short')!.message).toContain('SUV / van bomb');
  });
});
