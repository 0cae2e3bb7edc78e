import { describe, expect, it } from 'vitest';
import { localScene, rect } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { analyzeApproach } from './analyze-approach.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

describe('shortenPath: the drawn path is a short way at the impact speed', () => {
  it('a class at top speed is not shown looping round a 400 m square', () => {
    // A 400 m square, an origin 20 m inside its south edge, a 120 × 40 m building in the middle and a
    // zone near the north edge. The way round the building's corner nodes (h = 0.9 m out) is about
    // √(60.9² + 159.1²) + 41.8 + √(60.9² + 148.2²) = 372 m; M1 needs 309 m from rest for 160 km/h
    // (√(2·3.2·309) = 44.4 m/s) and N3G 417 m for 90 km/h (√(2·0.75·417) = 25 m/s), so both arrive at
    // top speed after a little swing out for the bends. Before shortenPath the search showed the
    // first path it found at top speed: 2648 m (M1) and 5512 m (N3G), looping round the square.
    const { scene, frame } = localScene([
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(-200, -200, 200, 200)) },
      { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [0, -180] } },
      { id: 'b1', kind: 'building', geometry: poly(rect(-60, -20, 60, 20)) },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(-10, 170, 10, 190)) },
    ]);
    const res = analyzeApproach(scene, { vehicles: ['M1', 'N3G'], frame });
    for (const [code, topKmh] of [['M1', 160], ['N3G', 90]] as const) {
      const r = res.summary.results.find((x) => x.vehicle === code)!;
      expect(r.reachable && r.impact_speed_kmh).toBeCloseTo(topKmh, 9);
      const path = res.features.find((f) => f.properties.kind === 'approach_path' && f.properties.vehicle === code)!;
      expect(path.properties.length_m as number).toBeLessThan(1.6 * 372);
      const speeds = path.properties.speeds_kmh as number[];
      expect(speeds[speeds.length - 1]).toBeCloseTo(topKmh, 6);
    }
  });
});
