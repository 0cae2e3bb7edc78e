import { describe, expect, it } from 'vitest';
import { drivableSpace, growMultiPolygon } from './drivable-space.js';
import { localScene, rect } from './local-scene.js';
import { growTree, multiPolygonAreaM2, multiPolygonToPaths, pointInMultiPolygon, polyTreeToMultiPolygon } from './polygons.js';

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

describe('growMultiPolygon', () => {
  it('equals one clipper offset of everything: two yards 1 m apart that merge, holes that shrink or vanish', () => {
    // Yard A 0–30 with a 10 × 10 hole (shrinks to 8 × 8) and a 1.5 × 1.5 hole (vanishes under 1 m);
    // yard B 31–50, 1 m east of A: grown by 1 m each they overlap and must come out as one polygon.
    const hole = (r: [number, number][]) => [...r].reverse() as [number, number][];
    const mp = [
      [rect(0, 0, 30, 30), hole(rect(10, 10, 20, 20)), hole(rect(24, 24, 25.5, 25.5))],
      [rect(31, 0, 50, 30)],
    ];
    const ours = growMultiPolygon(mp, 1);
    const reference = polyTreeToMultiPolygon(growTree(multiPolygonToPaths(mp), 1));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toHaveLength(2); // the outline and the 8 × 8 hole
    // The outline: 52 × 32 with round corners (52·32 − (4 − π)·1²), less a notch above and below the
    // gap, where only the two yards' corner discs (radius 1, centres 1 m apart) reach: the unit square
    // over the gap minus their union, 1 − (π/2 − lens/2) with lens = 2π/3 − √3/2 (two unit discs 1 m
    // apart), i.e. 0.0434 m² each; minus the 8 × 8 hole. Chords of 5 mm take a few cm² more.
    const notch = 1 - (Math.PI / 2 - (2 * Math.PI / 3 - Math.sqrt(3) / 2) / 2);
    expect(Math.abs(multiPolygonAreaM2(ours) - (52 * 32 - (4 - Math.PI) - 2 * notch - 64))).toBeLessThan(0.05);
    expect(Math.abs(multiPolygonAreaM2(ours) - multiPolygonAreaM2(reference))).toBeLessThan(0.01);
  });
});
