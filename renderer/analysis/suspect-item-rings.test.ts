import { describe, expect, it } from 'vitest';
import { localFrame } from '../../core/geometry/local-frame.js';
import { THREATS } from '../../core/threats/threats.js';
import type { SceneGeometry } from '../../core/scene/types.js';
import { itemLabel, itemRingFeatures, itemThreat } from './suspect-item-rings.js';

// A place in central Brussels; any will do, the rings are built in a frame centred on the item.
const AT: [number, number] = [4.3517, 50.8466];

/** Distances of every vertex of each ring of a polygon from the item, m, ring by ring. */
function ringRadii(g: SceneGeometry, centre: [number, number]): number[][] {
  if (g.type !== 'Polygon') throw new Error(`expected a Polygon, got ${g.type}`);
  const frame = localFrame(centre);
  return g.coordinates.map((ring) => ring.map((p) => Math.hypot(...frame.toLocal(p))));
}

/** Shoelace area of the outer ring in the item's frame, m². */
function outerAreaM2(g: SceneGeometry, centre: [number, number]): number {
  if (g.type !== 'Polygon') throw new Error(`expected a Polygon, got ${g.type}`);
  const frame = localFrame(centre);
  const r = g.coordinates[0].map((p) => frame.toLocal(p));
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return Math.abs(s) / 2;
}

const within = (values: number[], target: number, rel: number) => values.every((v) => Math.abs(v / target - 1) <= rel);

describe('suspicious item rings', () => {
  // NCTC Bomb Threat Stand-Off chart, via shared/reference/blast-standoff.md §1: the evacuation
  // disc reaches the mandatory distance, the shelter annulus runs from it to the preferred one.
  it.each(THREATS.map((t) => [t.id, t.mandatoryM, t.preferredM] as const))('%s: evacuation disc of %d m, shelter annulus out to %d m, within 0.1 percent', (id, mandatoryM, preferredM) => {
    const rings = itemRingFeatures({ id: 'item-1', lonLat: AT, threat: id });
    expect(rings.map((r) => r.id)).toEqual(['item-1:evacuation', 'item-1:shelter']);
    const [evacuation, shelter] = rings;
    expect(evacuation.properties).toMatchObject({ kind: 'standoff_ring', zone: 'evacuation', threat: id, distance_m: mandatoryM, item_id: 'item-1' });
    expect(shelter.properties).toMatchObject({ zone: 'shelter', threat: id, distance_m: preferredM, item_id: 'item-1' });
    const evac = ringRadii(evacuation.geometry, AT);
    expect(evac).toHaveLength(1);
    expect(within(evac[0], mandatoryM, 0.001)).toBe(true);
    // Between the vertices the polygon cuts inside the circle: its area is still πr² within 0.1 %.
    expect(Math.abs(outerAreaM2(evacuation.geometry, AT) / (Math.PI * mandatoryM ** 2) - 1)).toBeLessThan(0.001);
    const [outer, hole] = ringRadii(shelter.geometry, AT);
    expect(within(outer, preferredM, 0.001)).toBe(true);
    expect(within(hole, mandatoryM, 0.001)).toBe(true);
  });

  it('a custom charge is cube-root scaled: 100 kg TNT evacuates 15.87 × 100^(1/3) = 73.66 m', () => {
    // K40 = 40 ft/lb^(1/3) = 0.3048 × 40 / 0.45359237^(1/3) = 15.866 m/kg^(1/3) (blast-standoff.md §1
    // "Derived scaling"); 100^(1/3) = 4.6416 → 73.65 m. The preferred distance keeps the ratio of the
    // nearest chart row in ln W, the car (227 kg): 580 / 98 = 5.918 → 435.9 m.
    const [evacuation, shelter] = itemRingFeatures({ id: 'x', lonLat: AT, threat: 'custom:100' });
    expect(within(ringRadii(evacuation.geometry, AT)[0], 73.65, 0.001)).toBe(true);
    expect(within(ringRadii(shelter.geometry, AT)[0], 73.65 * (580 / 98), 0.001)).toBe(true);
    expect(itemThreat('custom:100').tntKg).toBe(100);
  });

  it('labels an item with the chart row and its two distances', () => {
    expect(itemLabel(itemThreat('briefcase'))).toBe('Briefcase / suitcase bomb 23 kg TNT — evacuate 46.0 m / shelter 564 m');
    expect(itemLabel(itemThreat('car'))).toBe('Car (sedan) 227 kg TNT — evacuate 98.0 m / shelter 580 m');
  });

  it('an unknown threat id draws the suitcase rings rather than failing the map', () => {
    expect(itemThreat('no-such-threat').id).toBe('briefcase');
    expect(itemRingFeatures({ id: 'i', lonLat: AT, threat: 'no-such-threat' })[0].properties.distance_m).toBe(46);
  });
});
