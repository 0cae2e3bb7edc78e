import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';

/**
 * The benchmark district of `shared/spec/workloads.md`: 2,000 × 2,000 m, a 71 × 71 grid of cells,
 * one rectangular building per cell (5,000, filled row by row), width and depth uniform in
 * [8, 20] m, at least 4 m from the cell edge. Deterministic: one seeded generator (seed 42).
 */
export const DISTRICT_SIZE_M = 2000;
export const DISTRICT_CELLS = 71;
export const DISTRICT_PITCH_M = DISTRICT_SIZE_M / DISTRICT_CELLS;
export const DISTRICT_BUILDINGS = 5000;
/** Where the district sits on the globe (its south-west corner is the local origin minus 1 km). */
export const DISTRICT_ORIGIN_LONLAT: XY = [7.42, 43.73];

/** mulberry32: a small, well-known 32-bit seeded generator; uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DistrictBuilding {
  row: number;
  col: number;
  /** Closed ring, counter-clockwise, in local metres; the district spans [-1000, 1000]². */
  ring: XY[];
}

export function districtBuildings(seed = 42): DistrictBuilding[] {
  const rnd = seededRandom(seed);
  const out: DistrictBuilding[] = [];
  const half = DISTRICT_SIZE_M / 2;
  for (let row = 0; row < DISTRICT_CELLS && out.length < DISTRICT_BUILDINGS; row++) {
    for (let col = 0; col < DISTRICT_CELLS && out.length < DISTRICT_BUILDINGS; col++) {
      const w = 8 + rnd() * 12;
      const d = 8 + rnd() * 12;
      const x0 = -half + col * DISTRICT_PITCH_M + 4 + rnd() * (DISTRICT_PITCH_M - 8 - w);
      const y0 = -half + row * DISTRICT_PITCH_M + 4 + rnd() * (DISTRICT_PITCH_M - 8 - d);
      out.push({ row, col, ring: [[x0, y0], [x0 + w, y0], [x0 + w, y0 + d], [x0, y0 + d], [x0, y0]] });
    }
  }
  return out;
}

/** Local district coordinates → WGS 84, with the district centred on DISTRICT_ORIGIN_LONLAT. */
export const districtFrame = localFrame(DISTRICT_ORIGIN_LONLAT);

export function toLonLatRing(ring: XY[]): [number, number][] {
  return ring.map((p) => districtFrame.toLonLat(p));
}

/** The district as a scene: its analysis area and its buildings (callers add cameras, zones…). */
export function districtScene(seed = 42): Scene {
  const half = DISTRICT_SIZE_M / 2;
  const area: SceneFeature = {
    type: 'Feature',
    id: 'area',
    properties: { kind: 'analysis_area', name: 'District' },
    geometry: { type: 'Polygon', coordinates: [toLonLatRing([[-half, -half], [half, -half], [half, half], [-half, half], [-half, -half]])] },
  };
  const buildings: SceneFeature[] = districtBuildings(seed).map((b, i) => ({
    type: 'Feature',
    id: `b${i}`,
    properties: { kind: 'building', height_m: 10 },
    geometry: { type: 'Polygon', coordinates: [toLonLatRing(b.ring)] },
  }));
  return { type: 'FeatureCollection', bulwark: { version: 1, name: 'Benchmark district (seed 42)' }, features: [area, ...buildings] };
}
