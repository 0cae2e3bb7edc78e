import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { ApiError } from '../api/contract.js';
import { HISTORY_MAX_STEPS, createGpkgProjectStore, openGpkgProjectStore } from './gpkg-project-store.js';
import type { ProjectStore } from './project-store.js';

const EVERY_KIND = JSON.parse(readFileSync(new URL('../io/fixtures/every-kind.geojson', import.meta.url), 'utf8')) as Scene;

const cam = (id: string, lon: number, extra: Record<string, unknown> = {}): SceneFeature => ({
  type: 'Feature',
  id,
  properties: { kind: 'camera', ...extra } as SceneFeature['properties'],
  geometry: { type: 'Point', coordinates: [lon, 43.73] },
});

let dir: string;
let open: ProjectStore[] = [];
const track = (s: ProjectStore): ProjectStore => (open.push(s), s);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-store-'));
});
afterEach(() => {
  for (const s of open) s.close();
  open = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('GeoPackage project store', () => {
  it('stores a scene with every kind and reads it back unchanged, in the same order', () => {
    const path = join(dir, 'every.gpkg');
    const store = track(createGpkgProjectStore(path, { scene: EVERY_KIND }));
    expect(store.readScene()).toEqual(EVERY_KIND);
    store.close();
    const again = track(openGpkgProjectStore(path));
    expect(JSON.stringify(again.readScene().features.map((f) => f.id))).toBe(JSON.stringify(EVERY_KIND.features.map((f) => f.id)));
    expect(again.readScene()).toEqual(EVERY_KIND);
  });

  it('keeps a property absent as NULL in its column so defaults stay derived', () => {
    const path = join(dir, 'p.gpkg');
    track(createGpkgProjectStore(path, { scene: EVERY_KIND })).close();
    const db = new Database(path, { readonly: true });
    const row = db.prepare("SELECT * FROM barrier WHERE feature_id = 'bar-2'").get() as Record<string, unknown>;
    // bar-2 is a fence with no stops_vehicles: the column stays NULL, the explicit rating: null is kept aside.
    expect(row).toMatchObject({ barrier_type: 'fence', stops_vehicles: null, blocks_sight: null, gap_m: null, rating: null, extra_json: '{"rating":null}' });
    const b1 = db.prepare("SELECT height_m, extra_json FROM building WHERE feature_id = 'b-1'").get();
    expect(b1).toEqual({ height_m: 18.5, extra_json: '{"osm_id":"way/123","levels":[1,2,3]}' });
    const cam1 = db.prepare("SELECT resolution_h_px, typeof(resolution_h_px) AS t FROM camera WHERE feature_id = 'cam-1'").get();
    expect(cam1).toEqual({ resolution_h_px: 3840, t: 'integer' });
    db.close();
  });

  it('commits a change, undoes and redoes it exactly, including deletes and re-creations', () => {
    const store = track(createGpkgProjectStore(join(dir, 'u.gpkg'), { scene: EVERY_KIND }));
    const before = store.readScene();
    const moved = { ...cam('cam-1', 7.5, { bearing_deg: 90 }) };
    const r = store.transact({ put: [moved, cam('cam-new', 7.6)], delete: ['b-1', 'x-1', 'no-such-id'], note: 'Edit cameras' });
    expect(r.put.map((f) => f.id)).toEqual(['cam-1', 'cam-new']);
    expect(r.deleted).toEqual(['b-1', 'x-1']);
    expect(r.history).toEqual({ canUndo: true, canRedo: false, undoNote: 'Edit cameras', redoNote: null });
    const after = store.readScene();
    expect(after.features.find((f) => f.id === 'cam-1')).toEqual(moved);
    expect(after.features.some((f) => f.id === 'b-1')).toBe(false);

    const u = store.undo()!;
    expect(u.deleted).toEqual(['cam-new']);
    expect(u.put.map((f) => f.id).sort()).toEqual(['b-1', 'cam-1', 'x-1']);
    expect(store.readScene()).toEqual(before);
    expect(store.historyState()).toEqual({ canUndo: false, canRedo: true, undoNote: null, redoNote: 'Edit cameras' });
    expect(store.undo()).toBeNull();

    store.redo();
    expect(store.readScene()).toEqual(after);
    expect(store.redo()).toBeNull();
  });

  it('keeps the newest HISTORY_MAX_STEPS undo steps and drops the oldest', () => {
    const path = join(dir, 'cap.gpkg');
    const store = track(createGpkgProjectStore(path, { scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features: [] } }));
    const steps = HISTORY_MAX_STEPS + 5;
    for (let i = 0; i < steps; i++) store.transact({ put: [cam('c', 7.42 + i * 1e-6)], note: `Move ${i}` });
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM bulwark_history').get()).toEqual({ n: HISTORY_MAX_STEPS });
    db.close();
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).toBe(HISTORY_MAX_STEPS);
    // Steps 0…4 were dropped: the camera stops at where step 4 left it, not at its creation.
    expect(store.readScene().features.map((f) => f.geometry.coordinates)).toEqual([[7.42 + 4 * 1e-6, 43.73]]);
    expect(store.historyState()).toEqual({ canUndo: false, canRedo: true, undoNote: null, redoNote: 'Move 5' });
  });

  it('a new change after an undo clears the redo stack', () => {
    const store = track(createGpkgProjectStore(join(dir, 'r.gpkg')));
    store.transact({ put: [cam('a', 7.4)], note: 'Add A' });
    store.transact({ put: [cam('b', 7.41)], note: 'Add B' });
    store.undo();
    store.transact({ put: [cam('c', 7.42)], note: 'Add C' });
    expect(store.historyState()).toEqual({ canUndo: true, canRedo: false, undoNote: 'Add C', redoNote: null });
    expect(store.listFeatures().map((f) => f.id)).toEqual(['a', 'c']);
    store.undo();
    expect(store.historyState().undoNote).toBe('Add A');
  });

  it('history survives closing and reopening the file', () => {
    const path = join(dir, 'h.gpkg');
    const store = track(createGpkgProjectStore(path, { name: 'Reopen' }));
    store.transact({ put: [cam('a', 7.4)], note: 'Add A' });
    store.transact({ put: [cam('a', 7.45, { hfov_deg: 45 })], note: 'Narrow A' });
    store.close();
    const again = track(openGpkgProjectStore(path));
    expect(again.historyState()).toMatchObject({ canUndo: true, undoNote: 'Narrow A' });
    again.undo();
    expect(again.listFeatures()).toEqual([cam('a', 7.4)]);
    again.close();
    const third = track(openGpkgProjectStore(path));
    expect(third.historyState()).toEqual({ canUndo: true, canRedo: true, undoNote: 'Add A', redoNote: 'Narrow A' });
    expect(third.meta().name).toBe('Reopen');
  });

  it('moves a feature to another table when its kind changes, and back on undo', () => {
    const store = track(createGpkgProjectStore(join(dir, 'k.gpkg')));
    store.transact({ put: [cam('p', 7.4)], note: 'Add camera' });
    const origin: SceneFeature = { ...cam('p', 7.4), properties: { kind: 'vehicle_origin' } };
    store.transact({ put: [origin], note: 'Make it an origin' });
    expect(store.counts()).toEqual({ vehicle_origin: 1 });
    store.undo();
    expect(store.counts()).toEqual({ camera: 1 });
    expect(store.listFeatures('camera')).toEqual([cam('p', 7.4)]);
  });

  it('refuses an invalid feature with invalid_scene naming it, and writes nothing', () => {
    const path = join(dir, 'v.gpkg');
    const store = track(createGpkgProjectStore(path));
    store.transact({ put: [cam('ok', 7.4)], note: 'Add' });
    const bad = cam('cam-3', 7.41, { hfov_deg: 400 });
    let err: unknown;
    try {
      store.transact({ put: [cam('fine', 7.42), bad], note: 'Bad' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid_scene');
    expect((err as ApiError).message).toContain('feature cam-3: hfov_deg must be in (0, 360], got 400');
    expect((err as ApiError).findings[0]).toMatchObject({ featureId: 'cam-3', property: 'hfov_deg' });
    expect(store.listFeatures().map((f) => f.id)).toEqual(['ok']);
    expect(store.historyState().undoNote).toBe('Add');
  });

  it('never stores output kinds', () => {
    const store = track(createGpkgProjectStore(join(dir, 'o.gpkg')));
    const view: SceneFeature = {
      type: 'Feature',
      id: 'view-1',
      properties: { kind: 'camera_view', camera_id: 'c', dori: 'detect' },
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
    };
    expect(() => store.transact({ put: [view], note: 'x' })).toThrow(/camera_view.*never stored/);
    expect(store.counts()).toEqual({});
    const path = join(dir, 'with-outputs.gpkg');
    expect(() => createGpkgProjectStore(path, { scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features: [view] } })).toThrow(/never stored/);
    expect(existsSync(path)).toBe(false);
  });

  it('keeps settings with their defaults, project metadata and the scene member', () => {
    const store = track(createGpkgProjectStore(join(dir, 'm.gpkg'), { scene: EVERY_KIND }));
    expect(store.getSettings()).toEqual({ dori_preset: 'IEC62676-4:2025', basemap_url: null, units: 'metric' });
    expect(store.setSettings({ basemap_url: 'https://tiles.example/{z}/{x}/{y}.png' }).basemap_url).toBe('https://tiles.example/{z}/{x}/{y}.png');
    store.setMeta({ marking: null, name: 'Renamed' });
    const m = store.meta();
    expect(m).toMatchObject({ name: 'Renamed', marking: null });
    expect(m.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(m.sceneMeta).toEqual({
      version: 1,
      name: 'Renamed',
      vehicles: EVERY_KIND.bulwark.vehicles,
      settings: { dori_preset: 'IEC62676-4:2025', basemap_url: 'https://tiles.example/{z}/{x}/{y}.png' },
      x_reviewer: { who: 'A. N. Other', round: 2 },
    });
    const empty = track(createGpkgProjectStore(join(dir, 'plain-name.gpkg')));
    expect(empty.getSettings()).toEqual({ dori_preset: 'IEC62676-4:2014', basemap_url: null, units: 'metric' });
    expect(empty.meta().name).toBe('plain-name');
    expect(empty.readScene()).toEqual({ type: 'FeatureCollection', bulwark: { version: 1 }, features: [] });
  });

  it('refuses to create over an existing file or an open project', () => {
    const path = join(dir, 'x.gpkg');
    track(createGpkgProjectStore(path));
    expect(() => createGpkgProjectStore(path, { overwrite: true })).toThrow(/is open/);
    expect(() => openGpkgProjectStore(path)).toThrow(/already open/);
    open[0].close();
    expect(() => createGpkgProjectStore(path)).toThrow(/already exists/);
    track(createGpkgProjectStore(path, { overwrite: true, name: 'Fresh' }));
    expect(open[1].meta().name).toBe('Fresh');
  });

  it('writes nothing when the initial scene is invalid', () => {
    const path = join(dir, 'bad.gpkg');
    const scene: Scene = { type: 'FeatureCollection', bulwark: { version: 1 }, features: [cam('c', 7.4, { bearing_deg: 'north' })] };
    expect(() => createGpkgProjectStore(path, { scene })).toThrow(ApiError);
    expect(existsSync(path)).toBe(false);
  });

  it('saves a standalone copy that opens as a project', () => {
    const store = track(createGpkgProjectStore(join(dir, 'a.gpkg'), { scene: EVERY_KIND }));
    store.transact({ put: [cam('late', 7.41)], note: 'Late camera' });
    const copyPath = join(dir, 'copy.gpkg');
    store.saveCopyTo(copyPath);
    expect(() => store.saveCopyTo(copyPath)).toThrow(/already exists/);
    const copy = track(openGpkgProjectStore(copyPath));
    expect(copy.readScene()).toEqual(store.readScene());
    expect(copy.historyState().undoNote).toBe('Late camera');
  });

  it('uses WAL and stamps the GeoPackage header', () => {
    const path = join(dir, 'w.gpkg');
    track(createGpkgProjectStore(path)).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.prepare('SELECT version, name FROM bulwark_migrations').all()).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'data-columns' },
    ]);
    db.close();
  });

  it('keeps unknown properties whatever their key, "__proto__" included', () => {
    const store = track(createGpkgProjectStore(join(dir, 'proto.gpkg')));
    const f = JSON.parse(
      '{"type":"Feature","id":"odd","properties":{"kind":"camera","__proto__":{"polluted":true},"constructor":1},"geometry":{"type":"Point","coordinates":[7.4,43.7]}}',
    ) as SceneFeature;
    store.transact({ put: [f], note: 'Odd keys' });
    const [back] = store.listFeatures();
    expect(Object.keys(back.properties)).toEqual(['kind', '__proto__', 'constructor']);
    expect(JSON.stringify(back)).toBe(JSON.stringify(f));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads features a page at a time in the same order as the whole scene', () => {
    // 4,500 features over three kinds, interleaved, so the merge crosses several 2,000-row pages.
    const features: SceneFeature[] = Array.from({ length: 4500 }, (_, i) =>
      i % 3 === 0
        ? cam(`c${i}`, 7 + i * 1e-6)
        : { type: 'Feature', id: `o${i}`, properties: { kind: i % 3 === 1 ? 'vehicle_origin' : 'x_marker' }, geometry: { type: 'Point', coordinates: [7 + i * 1e-6, 43] } },
    );
    const store = track(createGpkgProjectStore(join(dir, 'pages.gpkg'), { scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features } }));
    store.transact({ delete: ['c0'], put: [{ ...cam('c3', 7.9) }], note: 'Edit' });
    const all = store.listFeatures();
    expect(all.map((f) => f.id)).toEqual(features.slice(1).map((f) => f.id));
    expect([...store.features()]).toEqual(all);
    expect([...store.features('x_marker')]).toEqual(store.listFeatures('x_marker'));
    expect(store.listFeatures('x_marker')).toHaveLength(1500);
  });

  it('fills the R-tree on a bulk create exactly as the specification\'s triggers do on edits', () => {
    const bulk = join(dir, 'bulk.gpkg');
    const edited = join(dir, 'edited.gpkg');
    createGpkgProjectStore(bulk, { scene: EVERY_KIND }).close();
    const store = createGpkgProjectStore(edited, { scene: { ...EVERY_KIND, features: [] } });
    store.transact({ put: EVERY_KIND.features, note: 'All at once' });
    store.close();
    const rtrees = (path: string): unknown => {
      const db = new Database(path, { readonly: true });
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree\\_%\\_geom' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
      const out = Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY id`).all()]));
      const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
      db.close();
      return { out, triggers };
    };
    const a = rtrees(bulk) as { out: Record<string, unknown[]>; triggers: string[] };
    expect(a.out.rtree_building_geom).toHaveLength(2);
    expect(a.triggers).toHaveLength(6 * 14);
    expect(a).toEqual(rtrees(edited));
  });
});
