import { describe, expect, it } from 'vitest';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import { airblast } from '../blast/kingery-bulmash.js';
import { drivableSpace } from '../drivable/drivable-space.js';
import { analyzeStandoff, reachableWithin, vehicleReachableSpace } from './analyze-standoff.js';
import { featureRegion } from './region-geometry.js';
import { difference, intersection, offsetRegion, regionAreaM2, union } from './polygon-ops.js';

// A 400 m square area; a 20 × 20 m building-site in the middle (190–210); an HVM ring 30 m out (160–240).
const area: LocalFeature = { id: 'area', kind: 'analysis_area', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 400, 400)] } };
const site: LocalFeature = { id: 's1', kind: 'site', geometry: { type: 'Polygon', coordinates: [rect(190, 190, 210, 210)] } };
const building: LocalFeature = { id: 'b1', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(190, 190, 210, 210)] } };
const ring = (props: Record<string, string | number> = {}, coordinates = rect(160, 160, 240, 240)): LocalFeature => ({
  id: 'hvm', kind: 'barrier', geometry: { type: 'LineString', coordinates }, properties: { barrier_type: 'bollard', ...props },
});
/** The same ring left open by `gapM` in the middle of its east side. */
const openRing = (gapM: number) => ring({}, [[240, 200 + gapM / 2], [240, 240], [160, 240], [160, 160], [240, 160], [240, 200 - gapM / 2]]);

const result = (a: ReturnType<typeof analyzeStandoff>, threat: string, target = 's1') =>
  a.summary.results.find((r) => r.threat === threat && r.target_id === target)!;

describe('achieved standoff', () => {
  it('a site behind a closed unrated barrier ring 30 m out: achieved 30 m for every vehicle, short of 98 m for a car', () => {
    const { scene } = localScene([area, site, building, ring()]);
    const a = analyzeStandoff(scene, { threats: ['car', 'small_truck'] });
    const car = result(a, 'car');
    expect(car.achieved_m!).toBeCloseTo(30, 2); // ring side x = 160 to façade x = 190
    expect(car.required_m).toBe(98);
    expect(car.ok).toBe(false);
    // KB at 30 m for 227 kg (Z = 30 / 227^(1/3) = 4.92 m/kg^(1/3)).
    expect(car.incident_kpa!).toBeCloseTo(airblast(car.achieved_m!, 227).incidentKpa!, 9);
    expect(car.incident_kpa!).toBeGreaterThan(40);
    expect(result(a, 'small_truck').achieved_m!).toBeCloseTo(30, 2);
  });

  it('the car breach is the ground outside the ring within 98 m of the façade: 400 + 4·20·98 + π·98² − 80² m²', () => {
    const { scene, frame } = localScene([area, site, building, ring()]);
    const a = analyzeStandoff(scene, { threats: ['car'] });
    const breach = a.features.find((f) => f.id === 'breach:s1:car')!;
    expect(breach.properties).toMatchObject({ kind: 'standoff_breach', threat: 'car', target_id: 's1', required_m: 98 });
    // Buffer of the site by 98 m = 400 + 7,840 + 30,171.9 = 38,411.9 m²; the ring encloses 6,400 m² → 32,011.9 m².
    const expected = 400 + 4 * 20 * 98 + Math.PI * 98 ** 2 - 80 * 80;
    const got = regionAreaM2(featureRegion(breach, frame));
    expect(Math.abs(got - expected) / expected).toBeLessThan(0.005);
  });

  it('a rated ring takes its penetration off: V/7200[N2A]/48/90:3.5 → 30 − 3.5 = 26.5 m', () => {
    const { scene } = localScene([area, site, building, ring({ rating: 'V/7200[N2A]/48/90:3.5' })]);
    const a = analyzeStandoff(scene, { threats: ['car', 'small_truck'] });
    expect(result(a, 'car').achieved_m!).toBeCloseTo(26.5, 2);
    expect(result(a, 'small_truck').achieved_m!).toBeCloseTo(26.5, 2);
  });

  it('a breach is the body space (centre grown by half the width) with the rated penetration, inside the required distance', () => {
    // The definition, computed the slow way on a small scene: grow the whole reachable centre, add the
    // penetration behind the rated ring, clip to the site buffered by 98 m. reachableWithin grows only
    // near the site, from rings grown once; both use 1 cm arcs for the body.
    const { scene, frame } = localScene([area, site, building, ring({ rating: 'V/7200[N2A]/48/90:3.5' }), { id: 'kiosk', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(120, 120, 130, 135)] } }]);
    const space = vehicleReachableSpace(drivableSpace(scene, { widthM: 1.8 }, frame), scene, []);
    expect(space.extra.length).toBeGreaterThan(0);
    const outline = featureRegion(scene.features.find((f) => f.id === 's1')!, frame);
    const ours = reachableWithin(space, outline, 98);
    const definition = intersection(union(offsetRegion(space.centre, space.radiusM, 0.01), space.extra), offsetRegion(outline, 98));
    const xor = regionAreaM2(difference(ours, definition)) + regionAreaM2(difference(definition, ours));
    expect(xor / regionAreaM2(definition)).toBeLessThan(1e-4);
    // The kiosk (10 × 15) stays out of the breach, less the 0.9 m margin the car's body reaches round it.
    expect(regionAreaM2(intersection(ours, [[rect(121, 121, 129, 134)]]))).toBe(0);
  });

  it('ASTM M50/P1 takes off its 1 m upper bound; an unreadable or unbounded rating is noted and taken at the line', () => {
    const astm = analyzeStandoff(localScene([area, site, building, ring({ rating: 'M50/P1' })]).scene, { threats: ['car'] });
    expect(result(astm, 'car').achieved_m!).toBeCloseTo(29, 2);
    // Two vehicle widths reach the ring: the unreadable rating is still noted once.
    const junk = analyzeStandoff(localScene([area, site, building, ring({ rating: 'crash tested' })]).scene, { threats: ['car', 'small_truck'] });
    expect(result(junk, 'car').achieved_m!).toBeCloseTo(30, 2);
    expect(junk.notes).toEqual([expect.objectContaining({ feature_id: 'hvm', message: expect.stringMatching(/cannot read rating/) })]);
    const unbounded = analyzeStandoff(localScene([area, site, building, ring({ rating: 'M50' })]).scene, { threats: ['car'] });
    expect(unbounded.notes[0].message).toMatch(/bounds no penetration/);
  });

  it('a 2.2 m opening admits a 1.8 m car but not a 2.3 m truck: the car’s standoff collapses to the façade, the truck’s stays ≈30 m', () => {
    const { scene } = localScene([area, site, building, openRing(2.2)]);
    const a = analyzeStandoff(scene, { threats: ['car', 'small_truck'] });
    expect(result(a, 'car').achieved_m!).toBeLessThan(0.01);
    expect(result(a, 'car').incident_kpa).toBeNull();
    // One plain notice for the car reaching the façade, none from the blast fits' range.
    expect(a.notes.filter((n) => n.threat === 'car')).toEqual([
      { target_id: 's1', threat: 'car', message: 'a car (sedan) threat can reach the outline of s1: achieved standoff 0 m (required 98 m); no overpressure figure at the outline' },
    ]);
    expect(a.notes.some((n) => /Kingery–Bulmash fit range/.test(n.message))).toBe(false);
    // The truck's body (radius 1.15 m) noses into the opening: its centre stops where it is 1.15 m from both
    // line ends (240, 200 ± 1.1), at x = 240 + √(1.15² − 1.1²) = 240.335, so its front is at 239.185:
    // 239.185 − 210 = 29.185 m (within 1 cm: drivable space rounds arcs to 5 mm, twice here).
    const expected = 240 + Math.sqrt(1.15 ** 2 - 1.1 ** 2) - 1.15 - 210;
    expect(Math.abs(result(a, 'small_truck').achieved_m! - expected)).toBeLessThan(0.01);
  });

  it('a barrier whose widest gap (gap_m 2.0) fits a car but not a truck behaves the same way', () => {
    const { scene } = localScene([area, site, building, ring({ gap_m: 2.0 })]);
    const a = analyzeStandoff(scene, { threats: ['car', 'small_truck'] });
    expect(result(a, 'car').achieved_m!).toBeLessThan(0.01);
    expect(result(a, 'small_truck').achieved_m!).toBeCloseTo(30, 2);
  });

  it('person-borne: the screening perimeter 50 m out keeps a pipe bomb (21 m) and a briefcase (46 m) out of range; without it, 0', () => {
    const zone: LocalFeature = { id: 'z1', kind: 'crowd_zone', geometry: { type: 'Polygon', coordinates: [rect(180, 180, 220, 220)] } };
    const screening: LocalFeature = { id: 'p1', kind: 'perimeter', geometry: { type: 'Polygon', coordinates: [rect(130, 130, 270, 270)] }, properties: { perimeter_type: 'screening', layer: 2 } };
    const screened = analyzeStandoff(localScene([area, zone, screening]).scene, { threats: ['pipe_bomb', 'briefcase', 'suicide_vest'] });
    expect(result(screened, 'pipe_bomb', 'z1').achieved_m!).toBeCloseTo(50, 2);
    expect(result(screened, 'pipe_bomb', 'z1').ok).toBe(true);
    expect(result(screened, 'briefcase', 'z1').ok).toBe(true);
    expect(screened.features).toHaveLength(0);
    const open = analyzeStandoff(localScene([area, zone]).scene, { threats: ['pipe_bomb'] });
    expect(result(open, 'pipe_bomb', 'z1').achieved_m).toBe(0);
    expect(result(open, 'pipe_bomb', 'z1').ok).toBe(false);
    // A cordon is not screening: it does not keep a device out.
    const cordon = { ...screening, properties: { perimeter_type: 'cordon', layer: 1 } };
    expect(result(analyzeStandoff(localScene([area, zone, cordon]).scene, { threats: ['pipe_bomb'] }), 'pipe_bomb', 'z1').achieved_m).toBe(0);
  });

  it('distances are exact between boundaries: a diagonal approach measures from the rounded body corner', () => {
    // A wall box leaves only the ground south-west of (150, 150) reachable: corner (150,150) to façade corner (190,190).
    const walls: LocalFeature[] = [
      { id: 'w1', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(150, 0, 400, 400)] } },
      { id: 'w2', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(0, 150, 150, 400)] } },
    ];
    const a = analyzeStandoff(localScene([area, site, ...walls]).scene, { threats: ['car'] });
    // A car is a disc of radius 0.9 m (drivable space): its centre stops at (149.1, 149.1), so its body reaches
    // 149.1 + 0.9/√2 = 149.736 along the diagonal, not the corner: (190 − 149.736)·√2 = 56.94 m.
    expect(result(a, 'car').achieved_m!).toBeCloseTo((190 - (149.1 + 0.9 / Math.SQRT2)) * Math.SQRT2, 2);
  });

  it('reports progress, stops with AbortError, and is deterministic', () => {
    const { scene } = localScene([area, site, building, ring()]);
    const fractions: number[] = [];
    const a = analyzeStandoff(scene, { threats: ['car', 'pipe_bomb'] }, { onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([0.5, 1]);
    expect(JSON.stringify(analyzeStandoff(scene, { threats: ['car', 'pipe_bomb'] }))).toBe(JSON.stringify(a));
    expect(() => analyzeStandoff(scene, {}, { signal: { aborted: true } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});

