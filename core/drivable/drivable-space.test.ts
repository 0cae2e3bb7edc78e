import { describe, expect, it } from 'vitest';
import { drivableSpace } from './drivable-space.js';
import { localScene, rect } from './local-scene.js';
import { multiPolygonAreaM2, pointInMultiPolygon } from './polygons.js';

const area = { id: 'area', kind: 'analysis_area', geometry: { type: 'Polygon' as const, coordinates: [rect(0, 0, 100, 100)] } };

describe('drivableSpace', () => {
  it('takes buildings off the area, grown by half the vehicle width', () => {
    const { scene, frame } = localScene([area, { id: 'b1', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(40, 40, 60, 60)] } }]);
    const d = drivableSpace(scene, { widthM: 2 }, frame);
    // 100² − (20 × 20 square grown by 1 m with round corners = 20² + 4·20·1 + π·1²) = 10000 − 483.14
    expect(multiPolygonAreaM2(d.centreFree)).toBeCloseTo(10000 - (400 + 80 + Math.PI), 0);
    expect(pointInMultiPolygon([50, 38.9], d.centreFree)).toBe(true);
    expect(pointInMultiPolygon([50, 39.1], d.centreFree)).toBe(false);
    expect(d.starts).toHaveLength(1);
    expect(d.starts[0].kind).toBe('edge');
    expect(d.reachableCentre).toHaveLength(1);
    // Body = reachable centre grown by 1 m: back to the area plus a 1 m margin, minus the building itself.
    expect(pointInMultiPolygon([50, 39.5], d.reachableBody())).toBe(true);
    expect(pointInMultiPolygon([50, 40.5], d.reachableBody())).toBe(false);
  });

  it('a closed barrier ring makes its inside unreachable; a gap at least as wide as the vehicle opens it (conservative gap reading)', () => {
    const ring = rect(30, 30, 70, 70);
    const make = (gapM: number) =>
      localScene([area, { id: 'ring', kind: 'barrier', geometry: { type: 'LineString', coordinates: ring }, properties: { barrier_type: 'bollard', gap_m: gapM } }]);
    const closed = make(1.2);
    const dCar = drivableSpace(closed.scene, { widthM: 1.8 }, closed.frame);
    expect(pointInMultiPolygon([50, 50], dCar.centreFree)).toBe(true);
    expect(pointInMultiPolygon([50, 50], dCar.reachableCentre)).toBe(false);
    const open = make(2.0);
    expect(pointInMultiPolygon([50, 50], drivableSpace(open.scene, { widthM: 1.8 }, open.frame).reachableCentre)).toBe(true);
    expect(pointInMultiPolygon([50, 50], drivableSpace(open.scene, { widthM: 2.2 }, open.frame).reachableCentre)).toBe(false);
  });

  it('street furniture does not stop vehicles; a stops_vehicles point obstacle is a disc of radius_m', () => {
    const { scene, frame } = localScene([
      area,
      { id: 'bench', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[10, 10], [90, 10]] }, properties: { barrier_type: 'street_furniture' } },
      { id: 'tree', kind: 'obstacle', geometry: { type: 'Point', coordinates: [50, 50] }, properties: { radius_m: 2, stops_vehicles: true } },
      { id: 'kiosk', kind: 'obstacle', geometry: { type: 'Point', coordinates: [20, 50] }, properties: { radius_m: 2 } },
    ]);
    const d = drivableSpace(scene, { widthM: 2 }, frame);
    expect(d.obstacles.map((o) => o.featureId)).toEqual(['tree']);
    // Disc of radius 2 + 1 = 3 m.
    expect(pointInMultiPolygon([52.95, 50], d.centreFree)).toBe(false);
    expect(pointInMultiPolygon([53.05, 50], d.centreFree)).toBe(true);
    expect(multiPolygonAreaM2(d.centreFree)).toBeCloseTo(10000 - Math.PI * 9, 0);
  });

  it('vehicle origins replace the edge as starts; a pocket without an origin is unreachable', () => {
    const { scene, frame } = localScene([
      area,
      { id: 'wall', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[50, -1], [50, 101]] }, properties: { barrier_type: 'wall' } },
      { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [20, 50] } },
    ]);
    const d = drivableSpace(scene, { widthM: 2 }, frame);
    expect(d.starts).toEqual([{ kind: 'origin', featureId: 'o1', at: expect.any(Array) }]);
    expect(pointInMultiPolygon([20, 80], d.reachableCentre)).toBe(true);
    expect(pointInMultiPolygon([80, 80], d.reachableCentre)).toBe(false);
    expect(d.blockedOriginIds).toEqual([]);
  });

  it('without an analysis area, studies the bounding box of all features grown by 100 m', () => {
    const { scene, frame } = localScene([{ id: 'b1', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 10, 20)] } }]);
    const d = drivableSpace(scene, { widthM: 2 }, frame);
    expect(multiPolygonAreaM2(d.areaM)).toBeCloseTo(210 * 220, 0);
  });
});
