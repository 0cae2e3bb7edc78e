import { districtFrame, seededRandom } from '../../bench/district.js';
import type { Scene, SceneFeature } from '../../../core/scene/types.js';

const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * The W3 mix of workloads.md at any size: 60 % buildings (5–8 vertices), 20 % barriers,
 * 10 % cameras, 10 % crowd zones, spread over the 2 × 2 km district; seeded, deterministic.
 */
export function w3Scene(total: number, seed = 42): Scene {
  const rnd = seededRandom(seed);
  const ll = (x: number, y: number): [number, number] => {
    const p = districtFrame.toLonLat([x, y]);
    return [r7(p[0]), r7(p[1])];
  };
  const spot = () => [-1000 + rnd() * 2000, -1000 + rnd() * 2000] as const;
  const features: SceneFeature[] = [];
  const counts = { building: Math.round(total * 0.6), barrier: Math.round(total * 0.2), camera: Math.round(total * 0.1) };
  const zones = total - counts.building - counts.barrier - counts.camera;
  for (let i = 0; i < counts.building; i++) {
    const [cx, cy] = spot();
    const n = 5 + Math.floor(rnd() * 4);
    const ring: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      const r = 4 + rnd() * 4;
      ring.push(ll(cx + r * Math.cos(a), cy + r * Math.sin(a)));
    }
    ring.push(ring[0]);
    features.push({ type: 'Feature', id: `b${i}`, geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind: 'building', height_m: 6 + Math.round(rnd() * 30) } });
  }
  for (let i = 0; i < counts.barrier; i++) {
    const [x, y] = spot();
    const a = rnd() * Math.PI;
    features.push({ type: 'Feature', id: `w${i}`, geometry: { type: 'LineString', coordinates: [ll(x, y), ll(x + 10 * Math.cos(a), y + 10 * Math.sin(a))] }, properties: { kind: 'barrier', barrier_type: rnd() < 0.5 ? 'bollard' : 'fence' } });
  }
  for (let i = 0; i < counts.camera; i++) {
    const [x, y] = spot();
    features.push({ type: 'Feature', id: `c${i}`, geometry: { type: 'Point', coordinates: ll(x, y) }, properties: { kind: 'camera', bearing_deg: Math.round(rnd() * 359) } });
  }
  for (let i = 0; i < zones; i++) {
    const [x, y] = spot();
    features.push({ type: 'Feature', id: `z${i}`, geometry: { type: 'Polygon', coordinates: [[ll(x, y), ll(x + 15, y), ll(x + 15, y + 15), ll(x, y + 15), ll(x, y)]] }, properties: { kind: 'crowd_zone' } });
  }
  return { type: 'FeatureCollection', bulwark: { version: 1, name: `W3 ${total}` }, features };
}
