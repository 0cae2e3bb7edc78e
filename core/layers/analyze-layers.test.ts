import { describe, expect, it } from 'vitest';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import { analyzeLayers } from './analyze-layers.js';

// A 400 m area; a crowd zone 190–210 in the middle; a cordon (layer 1) 100–300, a screening line
// (layer 2) 150–250, and a ring of bollards 170–230 with 1.2 m air gaps (stops cars, not people).
const area: LocalFeature = { id: 'area', kind: 'analysis_area', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 400, 400)] } };
const zone: LocalFeature = { id: 'z1', kind: 'crowd_zone', geometry: { type: 'Polygon', coordinates: [rect(190, 190, 210, 210)] } };
const cordon: LocalFeature = { id: 'cordon', kind: 'perimeter', geometry: { type: 'Polygon', coordinates: [rect(100, 100, 300, 300)] }, properties: { layer: 1, perimeter_type: 'cordon' } };
/** The cordon drawn as a line left open by 10 m in the middle of its east side. */
const openCordon: LocalFeature = {
  ...cordon,
  geometry: { type: 'LineString', coordinates: [[300, 205], [300, 300], [100, 300], [100, 100], [300, 100], [300, 195]] },
};
const screening: LocalFeature = { id: 'search', kind: 'perimeter', geometry: { type: 'Polygon', coordinates: [rect(150, 150, 250, 250)] }, properties: { layer: 2, perimeter_type: 'screening' } };
const bollards: LocalFeature = { id: 'hvm', kind: 'barrier', geometry: { type: 'LineString', coordinates: rect(170, 170, 230, 230) }, properties: { barrier_type: 'bollard', gap_m: 1.2 } };
const gate: LocalFeature = { id: 'e1', kind: 'entrance', geometry: { type: 'Point', coordinates: [150, 200] }, properties: { width_m: 3 } };

const run = (features: LocalFeature[], options = {}) => analyzeLayers(localScene([area, zone, ...features]).scene, options).summary.results[0];

describe('layered security', () => {
  it('nested closed rings: a car crosses cordon, screening and bollards (3); a person walks between the bollards (2)', () => {
    const r = run([cordon, screening, bollards, gate]);
    expect(r.target_id).toBe('z1');
    expect(r.vehicle_layers_crossed).toBe(3);
    expect(r.vehicle_route).toEqual(['cordon', 'search', 'hvm']);
    expect(r.pedestrian_layers_crossed).toBe(2);
    expect(r.pedestrian_route).toEqual(['cordon', 'search']);
    expect(r.single_layer).toBe(false);
    expect(r.layers.map((l) => [l.layer_id, l.layer, l.type])).toEqual([['cordon', 1, 'cordon'], ['search', 2, 'screening'], ['hvm', null, 'barrier']]);
    // The 3 m gate on the screening line is a gap a car fits through.
    expect(r.layers[1].gaps).toEqual([expect.objectContaining({ type: 'entrance', entrance_id: 'e1', width_m: 3, vehicle_permeable: true })]);
    expect(r.layers[0].gaps).toEqual([]);
  });

  it('the same rings with the cordon open by 10 m: the route goes round it (vehicle 2, pedestrian 1 → single layer)', () => {
    const r = run([openCordon, screening, bollards]);
    expect(r.vehicle_layers_crossed).toBe(2);
    expect(r.pedestrian_layers_crossed).toBe(1);
    expect(r.single_layer).toBe(true);
    const gaps = r.layers.find((l) => l.layer_id === 'cordon')!.gaps;
    // Each open end is 10 m from the other (300, 205) ↔ (300, 195).
    expect(gaps.map((g) => [g.type, g.width_m, g.vehicle_permeable])).toEqual([['open_end', expect.closeTo(10, 6), true], ['open_end', expect.closeTo(10, 6), true]]);
    expect(r.layers.find((l) => l.layer_id === 'cordon')!.vehicle_crosses).toBe(false);
  });

  it('an open cordon whose ends meet buildings is closed again', () => {
    const blocks: LocalFeature[] = [{ id: 'b1', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(295, 195, 330, 205)] } }];
    const r = run([openCordon, ...blocks]);
    expect(r.vehicle_layers_crossed).toBe(1);
    expect(r.pedestrian_layers_crossed).toBe(1);
    expect(r.layers[0].gaps).toEqual([]);
  });

  it('bollards with 2 m gaps are no layer for a car and are reported as a vehicle-permeable element gap (TAL 1/11 ≤ 1.2 m)', () => {
    const wide = { ...bollards, properties: { barrier_type: 'bollard', gap_m: 2 } };
    const r = run([cordon, wide]);
    expect(r.vehicle_layers_crossed).toBe(1);
    expect(r.layers.find((l) => l.layer_id === 'hvm')!.gaps).toEqual([{ type: 'element_gap', width_m: 2, vehicle_permeable: true }]);
  });

  it('EASI on the routes: response 60 s, cordon (0.3, 5 s), screening (0.8, 60 s), bollards (0.1, 10 s)', () => {
    // Vehicle: remaining delay 75, 70, 10 s → cordon and screening count: 0.3 + 0.7·0.8 = 0.86.
    // Pedestrian: 65, 60 s → both count: 0.86. The worse route governs: 0.86.
    const r = run([cordon, screening, bollards], { responseTimeS: 60 });
    expect(r.p_interruption!).toBeCloseTo(0.86, 12);
    // A faster response lets the bollards count for the vehicle: 1 − 0.7·0.2·0.9 = 0.874 vs pedestrian 0.86.
    expect(run([cordon, screening, bollards], { responseTimeS: 10 }).p_interruption!).toBeCloseTo(0.86, 12);
    // Overrides per layer: a screening line that detects everyone gives 1 on both routes.
    expect(run([cordon, screening, bollards], { responseTimeS: 10, layerOverrides: { search: { pDetect: 1 } } }).p_interruption!).toBeCloseTo(1, 12);
    // Defaults (180 s response) leave too little delay on any route: 0.
    expect(run([cordon, screening, bollards]).p_interruption).toBe(0);
  });

  it('passes camera Detect coverage through per layer, null where not given', () => {
    const r = run([cordon, screening], { perimeterCoverage: { cordon: 62.5 } });
    expect(r.layers.map((l) => l.camera_detect_pct)).toEqual([62.5, null]);
  });

  it('vehicles start at vehicle_origins when there are any: an origin inside the cordon skips it', () => {
    const origin: LocalFeature = { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [120, 200] } };
    const r = run([cordon, screening, origin]);
    expect(r.vehicle_layers_crossed).toBe(1);
    expect(r.pedestrian_layers_crossed).toBe(2);
  });

  it('counts for the scene’s own car width, reports progress and stops with AbortError', () => {
    // bulwark.vehicles makes the car 2.5 m wide: the 2 m gaps between bollards now stop it.
    const { scene } = localScene([area, zone, cordon, { ...bollards, properties: { barrier_type: 'bollard', gap_m: 2 } }]);
    scene.bulwark.vehicles = [{ code: 'M1', name: 'Wide car', mass_kg: 1500, width_m: 2.5, accel_mps2: 3.2, top_speed_kmh: 160, min_turn_radius_m: 5.5, lateral_g: 1 }];
    const fractions: number[] = [];
    const r = analyzeLayers(scene, {}, { onProgress: (f) => fractions.push(f) }).summary.results[0];
    expect(r.vehicle_layers_crossed).toBe(2);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(() => analyzeLayers(scene, {}, { signal: { aborted: true } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});
