import { describe, expect, it } from 'vitest';
import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { itemThreat } from './suspect-item-rings.js';
import { itemsInZones } from './items-in-zones.js';

/**
 * A hand-made plan in metres around the item (at the origin), for the suitcase threat: evacuate
 * within 46 m, shelter out to 564 m (NCTC chart, blast-standoff.md §1).
 */
const ORIGIN: XY = [4.3517, 50.8466];
const frame = localFrame(ORIGIN);
const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (id: string, kind: string, rings: XY[][], name?: string): SceneFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Polygon', coordinates: rings.map((r) => r.map((p) => frame.toLonLat(p))) },
  properties: { kind, ...(name ? { name } : {}) },
});

const features: SceneFeature[] = [
  // The item stands in this square: distance 0, and its far corner at √(30² + 30²) = 42.4 m < 46 → whole.
  poly('square', 'crowd_zone', [rect(-30, -30, 30, 30)], 'Market square'),
  // West face 40 m east of the item: in the evacuation zone, not whole (its far corner is ~67 m off).
  poly('hall', 'building', [rect(40, -10, 60, 10)], 'Town hall'),
  // South face 47 m north: just outside 46 m, so it shelters.
  poly('church', 'building', [rect(-5, 47, 5, 60)], 'St Mary'),
  // A courtyard block around the item: the item is in the courtyard (a hole), the walls are
  // 35 m off at the nearest, so it is in the evacuation zone at 35 m, not at 0.
  poly('block', 'building', [rect(-100, -100, 100, 100), rect(-35, -40, 40, 40)], 'Courtyard block'),
  // A site 600 m south: beyond the preferred 564 m, not listed.
  poly('depot', 'site', [rect(-20, -700, 20, -600)], 'Depot'),
  // A site 500 m east with no name: shelters, listed by its id.
  poly('site-7', 'site', [rect(500, -10, 520, 10)]),
  // Kinds an advisor does not clear are not listed, even on top of the item.
  poly('area', 'analysis_area', [rect(-300, -300, 300, 300)]),
  { type: 'Feature', id: 'cam', geometry: { type: 'Point', coordinates: frame.toLonLat([1, 1]) }, properties: { kind: 'camera' } },
];

describe('what a suspicious item’s zones reach', () => {
  const exposure = itemsInZones({ features }, ORIGIN, itemThreat('briefcase'));

  it('lists the crowd zones, sites and buildings within the mandatory distance, nearest first', () => {
    expect(exposure.evacuate.map((f) => [f.id, f.kind, f.name, f.whole])).toEqual([
      ['square', 'crowd_zone', 'Market square', true],
      ['block', 'building', 'Courtyard block', false],
      ['hall', 'building', 'Town hall', false],
    ]);
    const d = Object.fromEntries(exposure.evacuate.map((f) => [f.id, f.distanceM]));
    expect(d.square).toBe(0);
    expect(d.block).toBeCloseTo(35, 2);
    expect(d.hall).toBeCloseTo(40, 2);
  });

  it('lists what reaches into the shelter annulus apart, and nothing beyond the preferred distance', () => {
    expect(exposure.shelter.map((f) => [f.id, f.name])).toEqual([
      ['church', 'St Mary'],
      ['site-7', 'site-7'],
    ]);
    expect(exposure.shelter[0].distanceM).toBeCloseTo(47, 2);
    expect(exposure.shelter[1].distanceM).toBeCloseTo(500, 1);
  });

  it('a bigger threat takes the church into the evacuation zone (car: 98 m)', () => {
    const car = itemsInZones({ features }, ORIGIN, itemThreat('car'));
    expect(car.evacuate.map((f) => f.id)).toEqual(['square', 'block', 'hall', 'church']);
    expect(car.shelter.map((f) => f.id)).toEqual(['site-7']);
  });

  it('no scene, nothing exposed', () => {
    expect(itemsInZones(null, ORIGIN, itemThreat('car'))).toEqual({ evacuate: [], shelter: [] });
  });
});
