import { describe, expect, it } from 'vitest';
import { localScene, rect } from '../drivable/local-scene.js';
import { demoScene } from '../../data/demo/demo-scene.js';
import type { Scene } from '../scene/types.js';
import { analyzeApproach, approachClassRoutes, approachRouteKeys, approachWidthGroups, type ApproachRoutes } from '../approach/analyze-approach.js';
import { analyzeScene } from './analyze-scene.js';
import { analyzeScenePooled, type ApproachHelper } from './analyze-scene-pooled.js';

const poly = (ring: [number, number][]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/**
 * An open square, a crowd zone inside a rated ring of bollards with a 2.0 m gap (wider than a car,
 * narrower than a van: TAL 1/11 flags it), a second rated line, benches and a building.
 */
function barrierScene(): Scene {
  return localScene([
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 160, 120)) },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(50, 50, 70, 70)) },
    { id: 'ring', kind: 'barrier', geometry: { type: 'LineString', coordinates: rect(40, 40, 80, 80) }, properties: { barrier_type: 'bollard', rating: 'V/7500[N2]/48/90:0.5/2.0', gap_m: 2.0 } },
    { id: 'line', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[100, 20], [100, 100]] }, properties: { barrier_type: 'bollard', rating: 'V/7200[N2A]/48/90:3.5' } },
    { id: 'benches', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[120, 30], [140, 30]] }, properties: { barrier_type: 'street_furniture' } },
    { id: 'b1', kind: 'building', geometry: poly(rect(110, 60, 140, 90)) },
    { id: 's1', kind: 'site', geometry: poly(rect(145, 95, 155, 110)) },
  ]).scene;
}

/** The routes of each width group computed separately and passed through a structured clone, as a worker would. */
function routesByGroup(scene: Scene, vehicles: string[]): ApproachRoutes {
  const out: ApproachRoutes = {};
  for (const codes of approachWidthGroups(scene, vehicles)) Object.assign(out, structuredClone(approachClassRoutes(structuredClone(scene), { vehicles: codes })));
  return out;
}

/** A helper on this thread with the worker's boundary: structured clones both ways, one tick of delay. */
function inThreadHelper(): ApproachHelper & { groups: string[][] } {
  const groups: string[][] = [];
  return {
    groups,
    routes: async (scene, codes, onClassDone) => {
      await new Promise((r) => setTimeout(r, 0));
      groups.push(codes);
      return structuredClone(approachClassRoutes(structuredClone(scene), { vehicles: codes, onProgress: () => onClassDone() }));
    },
  };
}

/** A helper whose thread never started. */
const brokenHelper: ApproachHelper = { routes: () => Promise.reject(new Error('worker failed to start')) };

describe('approach split into per-class routes and assembly (issue #4, both cores)', () => {
  it('width groups: classes of one width together, bigger groups first, order asked kept inside', () => {
    const scene = barrierScene();
    // Widths (vehicle-classes.ts): M1 1.8, N1 2.1, N2A 2.3, N3C 2.5, N3D 2.5, N3G 2.55.
    expect(approachWidthGroups(scene, ['M1', 'N3D', 'N1', 'N3C', 'N3G'])).toEqual([['N3D', 'N3C'], ['N3G'], ['N1'], ['M1']]);
    expect(() => approachWidthGroups(scene, ['ZZ9'])).toThrow(/ZZ9/);
  });

  it('demo scene: routes computed per width group elsewhere and assembled give byte-identical output', () => {
    const scene = demoScene();
    const vehicles = ['N2A', 'N1'];
    const single = JSON.stringify(analyzeApproach(scene, { vehicles }));
    const split = JSON.stringify(analyzeApproach(scene, { vehicles, routes: routesByGroup(scene, vehicles) }));
    expect(split).toBe(single);
    expect(single).toContain('"kind":"approach_path"');
  }, 60_000);

  it('barrier scene: split + assembly byte-identical, verdicts and gap flags included', () => {
    const scene = barrierScene();
    const vehicles = ['M1', 'N1', 'N2A', 'N3C', 'N3D'];
    const single = analyzeApproach(scene, { vehicles });
    expect(JSON.stringify(analyzeApproach(scene, { vehicles, routes: routesByGroup(scene, vehicles) }))).toBe(JSON.stringify(single));
    // The scene exercises what assembly builds: a verdict per barrier and class, the gap letting M1 through.
    expect(single.summary.barriers.map((b) => `${b.barrier_id}:${b.vehicle}`)).toContain('ring:N3D');
    expect(single.features.some((f) => f.properties.kind === 'barrier_check' && f.properties.gap_lets_through === 'M1')).toBe(true);
  });
});

describe('analyzeScenePooled', () => {
  it('two helpers take the width groups; the result is byte-identical to analyzeScene, progress ends at 1', async () => {
    const scene = barrierScene();
    const options = { vehicles: ['M1', 'N3C', 'N2A', 'N3D'] };
    const single = JSON.stringify(analyzeScene(scene, options));
    const helpers = [inThreadHelper(), inThreadHelper()];
    const progress: number[] = [];
    const pooled = await analyzeScenePooled(scene, options, { onProgress: (f) => progress.push(f) }, { helpers });
    expect(JSON.stringify(pooled)).toBe(single);
    // Every group went to a helper exactly once.
    expect(helpers.flatMap((h) => h.groups).sort()).toEqual([['M1'], ['N2A'], ['N3C', 'N3D']].sort());
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });

  it('a helper that fails hands its group on; with no working helper the groups run here; same bytes', async () => {
    const scene = barrierScene();
    const options = { only: ['approach' as const, 'layers' as const], vehicles: ['M1', 'N2A'] };
    const single = JSON.stringify(analyzeScene(scene, options));
    const good = inThreadHelper();
    expect(JSON.stringify(await analyzeScenePooled(scene, options, {}, { helpers: [brokenHelper, good] }))).toBe(single);
    expect(good.groups.length).toBe(2);
    expect(JSON.stringify(await analyzeScenePooled(scene, options, {}, { helpers: [brokenHelper, brokenHelper] }))).toBe(single);
  });

  it('an error of the analysis itself surfaces as in the single call', async () => {
    const scene = barrierScene();
    const options = { vehicles: ['M1', 'ZZ9'] };
    expect(() => analyzeScene(scene, options)).toThrow(/ZZ9/);
    await expect(analyzeScenePooled(scene, options, {}, { helpers: [inThreadHelper()] })).rejects.toThrow(/ZZ9/);
  });

  it('a route cache: an edit that leaves the approach alone is not searched again; any that may change it is; same bytes as a fresh run', async () => {
    const base = barrierScene();
    const edit = (scene: Scene, id: string, change: (f: Scene['features'][number]) => void): Scene => {
      const next = structuredClone(scene);
      change(next.features.find((f) => f.id === id)!);
      return next;
    };
    const camera = (x: number, y: number) => localScene([{ id: 'cam', kind: 'camera', geometry: { type: 'Point', coordinates: [x, y] } }]).scene.features[0];
    const options = { only: ['approach' as const], vehicles: ['M1', 'N2A'] };
    const cache = { shared: '', classes: new Map() };
    const run = async (scene: Scene) => {
      const helper = inThreadHelper();
      const r = await analyzeScenePooled(scene, options, { approachCache: cache }, { helpers: [helper] });
      expect(JSON.stringify(r)).toBe(JSON.stringify(analyzeScene(scene, options)));
      return helper.groups.flat().sort();
    };
    const withCamera = { ...base, features: [...base.features, camera(20, 20)] };
    expect(await run(withCamera)).toEqual(['M1', 'N2A']);
    // The camera moves inside the area (the frame and the area stay): nothing is searched.
    expect(await run(edit(withCamera, 'cam', (f) => { f.geometry = camera(30, 25).geometry; }))).toEqual([]);
    // A rating changes: only the verdicts change, assembled afresh (the fresh-run comparison above).
    const rerated = edit(withCamera, 'line', (f) => { f.properties.rating = 'V/7200[N2A]/80/90:3.5'; });
    expect(await run(rerated)).toEqual([]);
    // The ring's gap narrows below a car's width: it now stops M1 too, so M1 is searched again; N2A
    // (2.3 m wide) was stopped by it before as after, its obstacles are the same: kept.
    expect(await run(edit(rerated, 'ring', (f) => { f.properties.gap_m = 1.0; }))).toEqual(['M1']);
    // The ring moves: every class is searched.
    const moved = edit(rerated, 'ring', (f) => { f.geometry = localScene([{ id: 'r', kind: 'barrier', geometry: { type: 'LineString', coordinates: rect(40, 40, 81, 80) } }]).scene.features[0].geometry; });
    expect(await run(moved)).toEqual(['M1', 'N2A']);
    // A class added to the picker is the only one searched.
    const h = inThreadHelper();
    await analyzeScenePooled(moved, { ...options, vehicles: ['M1', 'N2A', 'N1'] }, { approachCache: cache }, { helpers: [h] });
    expect(h.groups).toEqual([['N1']]);
  });

  it('route keys follow the default area: without an analysis_area, a camera inside the extent changes nothing, one moved outwards grows it', () => {
    const noArea = barrierScene().features.filter((f) => f.properties.kind !== 'analysis_area');
    const cam = (x: number) => localScene([{ id: 'cam', kind: 'camera', geometry: { type: 'Point', coordinates: [x, 60] } }]).scene.features[0];
    const keys = (x: number) => JSON.stringify(approachRouteKeys({ ...barrierScene(), features: [...noArea, cam(x)] }, { vehicles: ['M1'] }));
    // The extent of the other features is x 40–155 (the ring to the site): a camera at 100 or 120 is
    // inside it, so the frame (the bounds' centre) and the area (bounds + 100 m) are the same.
    expect(keys(120)).toBe(keys(100));
    expect(keys(190)).not.toBe(keys(100));
  });

  it('a route cache with no helper thread: the missing classes are searched here, same bytes', async () => {
    const scene = barrierScene();
    const options = { only: ['approach' as const], vehicles: ['M1', 'N2A'] };
    const cache = { shared: '', classes: new Map() };
    const single = JSON.stringify(analyzeScene(scene, options));
    expect(JSON.stringify(await analyzeScenePooled(scene, options, { approachCache: cache }, { helpers: [] }))).toBe(single);
    expect([...cache.classes.keys()]).toEqual(['M1', 'N2A']);
    expect(JSON.stringify(await analyzeScenePooled(scene, options, { approachCache: cache }, { helpers: [] }))).toBe(single);
  });
});
