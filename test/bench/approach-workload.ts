import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { DISTRICT_CELLS, DISTRICT_PITCH_M, DISTRICT_SIZE_M, districtScene, seededRandom, toLonLatRing } from './district.js';

/**
 * W2 (shared/spec/workloads.md): the district, its analysis area, and 50 crowd zones of 30 × 30 m
 * in the streets. Our placement rule (seed 42): each zone is centred on a distinct inner street
 * crossing (a cell corner), so its middle is open street and it spans the crossing.
 */
export const W2_ZONES = 50;
export const W2_ZONE_SIZE_M = 30;

export function w2Zones(seed = 42): SceneFeature[] {
  const rnd = seededRandom(seed);
  const half = DISTRICT_SIZE_M / 2;
  const used = new Set<string>();
  const out: SceneFeature[] = [];
  while (out.length < W2_ZONES) {
    const i = 1 + Math.floor(rnd() * (DISTRICT_CELLS - 1));
    const j = 1 + Math.floor(rnd() * (DISTRICT_CELLS - 1));
    const key = `${i},${j}`;
    if (used.has(key)) continue;
    used.add(key);
    const cx = -half + i * DISTRICT_PITCH_M, cy = -half + j * DISTRICT_PITCH_M;
    const h = W2_ZONE_SIZE_M / 2;
    out.push({
      type: 'Feature',
      id: `z${out.length}`,
      properties: { kind: 'crowd_zone', density_ppm2: 2 },
      geometry: { type: 'Polygon', coordinates: [toLonLatRing([[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]])] },
    });
  }
  return out;
}

export function w2Scene(seed = 42): Scene {
  const s = districtScene(seed);
  return { ...s, features: [...s.features, ...w2Zones(seed)] };
}

/**
 * What a W2 worker sends back per group: the summary results. (No per-worker CPU time: in Node 20
 * `process.cpuUsage()` counts the whole process, so the bench measures CPU over the whole pool.)
 */
export interface W2WorkerReply {
  codes: string[];
  results: unknown[];
}

/**
 * Worker body (bundled and started by the bench): analyses each group of class codes it is sent
 * with one `analyzeApproach` call on W2 and replies; an empty message ends it.
 */
export async function w2WorkerMain(): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  const { analyzeApproach } = await import('../../core/approach/analyze-approach.js');
  const { districtFrame } = await import('./district.js');
  const scene = w2Scene();
  parentPort!.on('message', (codes: string[]) => {
    if (codes.length === 0) { parentPort!.close(); return; }
    const r = analyzeApproach(scene, { vehicles: codes, frame: districtFrame });
    const reply: W2WorkerReply = { codes, results: r.summary.results };
    parentPort!.postMessage(reply);
  });
}
