import { describe, expect, it } from 'vitest';
import turfArea from '@turf/area';
import { localFrame } from '../geometry/local-frame.js';
import type { Scene } from '../scene/types.js';
import { threatById } from '../threats/threats.js';
import { regionAreaM2 } from './polygon-ops.js';
import { pointThreatZones, standoffRings, suspectItemRings, threatZones } from './rings.js';

const frame = localFrame([2.35, 48.85]);
const square = (x0: number, y0: number, s: number) => [[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]] as [number, number][]];

describe('evacuation and shelter rings', () => {
  it('a dropped point gets discs of π r²: car 98 m and 580 m, within 0.5 % (and within 0.1 % with our arc tolerance)', () => {
    const car = threatById('car')!;
    const z = pointThreatZones([0, 0], car);
    // π·98² = 30,171.9 m²; shelter = π(580² − 98²) = 1,026,678.5 m²
    const evac = Math.PI * 98 ** 2;
    const shelter = Math.PI * (580 ** 2 - 98 ** 2);
    expect(Math.abs(regionAreaM2(z.evacuation) - evac) / evac).toBeLessThan(0.001);
    expect(Math.abs(regionAreaM2(z.shelter) - shelter) / shelter).toBeLessThan(0.001);
    expect(z.shelter[0].length).toBe(2); // an annulus: outer ring and one hole
  });

  it('around a 50 m square the evacuation zone is the buffer: s² + 4·s·d + π·d²', () => {
    const pipe = threatById('pipe_bomb')!; // 21 m / 366 m
    const z = threatZones([square(0, 0, 50)], pipe);
    // 2500 + 4·50·21 + π·21² = 2500 + 4200 + 1385.4 = 8,085.4 m²
    const evac = 2500 + 4 * 50 * 21 + Math.PI * 21 ** 2;
    expect(Math.abs(regionAreaM2(z.evacuation) - evac) / evac).toBeLessThan(0.001);
    const outer = 2500 + 4 * 50 * 366 + Math.PI * 366 ** 2;
    expect(Math.abs(regionAreaM2(z.shelter) - (outer - evac)) / (outer - evac)).toBeLessThan(0.001);
  });

  it('scene rings are standoff_ring features in WGS 84 whose geodesic area matches (turf area, < 0.5 %)', () => {
    const site = square(-20, -20, 40).map((r) => r.map((p) => frame.toLonLat(p)));
    const scene: Scene = {
      type: 'FeatureCollection',
      bulwark: { version: 1 },
      features: [{ type: 'Feature', id: 's1', geometry: { type: 'Polygon', coordinates: site }, properties: { kind: 'site' } }],
    };
    const rings = standoffRings(scene, { threats: ['car'] });
    expect(rings.map((r) => [r.id, r.properties.zone, r.properties.distance_m, r.properties.threat])).toEqual([
      ['ring:s1:car:evacuation', 'evacuation', 98, 'car'],
      ['ring:s1:car:shelter', 'shelter', 580, 'car'],
    ]);
    const evac = 1600 + 4 * 40 * 98 + Math.PI * 98 ** 2;
    expect(Math.abs(turfArea(rings[0] as never) - evac) / evac).toBeLessThan(0.005);
    expect(() => standoffRings(scene, { targetIds: ['nope'] })).toThrow(/no site or crowd zone with id nope/);
  });

  it('a suspect item dropped on the map gives rings for every chart row by default, centred on the point', () => {
    const scene: Scene = { type: 'FeatureCollection', bulwark: { version: 1 }, features: [] };
    const rings = suspectItemRings(scene, [13.4, 52.5]);
    expect(rings.length).toBe(16);
    const vest = rings.find((r) => r.id === 'ring:item:suicide_vest:evacuation')!;
    const area = turfArea(vest as never);
    expect(Math.abs(area - Math.PI * 34 ** 2) / (Math.PI * 34 ** 2)).toBeLessThan(0.005);
  });
});
