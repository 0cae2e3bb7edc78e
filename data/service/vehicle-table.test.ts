import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SceneFeature, VehicleClassInput } from '../../core/scene/types.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import { ApiError, parseApiArgument } from '../api/contract.js';
import { parseSceneText } from '../io/parse-scene-text.js';
import { createGpkgProjectStore } from '../store/gpkg-project-store.js';
import { createProjectService } from './project-service.js';

/**
 * The project's vehicle table through the API over a real GeoPackage: stored in the file, one
 * undoable step of the same history as feature edits, refused whole when a row is bad, and
 * carried by the GeoJSON export.
 */
const TRL40: VehicleClassInput = {
  code: 'TRL40', name: 'Tractor unit + trailer, 40 t', mass_kg: 40000, width_m: 2.55, accel_mps2: 0.6,
  top_speed_kmh: 90, min_turn_radius_m: 12.5, lateral_g: 0.35,
};
const M1_WIDER = { code: 'M1', width_m: 1.95 } as VehicleClassInput;
const cam: SceneFeature = { type: 'Feature', id: 'cam-1', properties: { kind: 'camera' }, geometry: { type: 'Point', coordinates: [7.42, 43.73] } };

let dir: string;
let api: ReturnType<typeof createProjectService>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-vehicles-'));
  api = createProjectService();
});
afterEach(() => {
  api.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the vehicle table of a project', () => {
  it('is saved in the project file and comes back after reopening', async () => {
    const path = join(dir, 'v.gpkg');
    await api.createProject({ path });
    const r = await api.transact({ vehicles: [M1_WIDER, TRL40], note: 'Add vehicle TRL40' });
    expect(r.vehicles).toEqual([M1_WIDER, TRL40]);
    expect(r.put).toEqual([]);
    expect(r.deleted).toEqual([]);
    await api.closeProject();
    await api.openProject({ path });
    const scene = await api.loadScene();
    expect(scene.bulwark.vehicles).toEqual([M1_WIDER, TRL40]);
    // The analyses see it: the merged table has the new class last and M1 at 1.95 m.
    const all = vehicleClassesFor(scene);
    expect(all.at(-1)).toMatchObject({ code: 'TRL40', massKg: 40000 });
    expect(all.find((c) => c.code === 'M1')!.widthM).toBe(1.95);
  });

  it('is one step of the edit history: undo removes it, redo puts it back', async () => {
    await api.createProject({ path: join(dir, 'u.gpkg') });
    await api.transact({ put: [cam], note: 'Add camera' });
    const r = await api.transact({ vehicles: [TRL40], note: 'Add vehicle TRL40' });
    expect(r.history).toMatchObject({ canUndo: true, undoNote: 'Add vehicle TRL40', canRedo: false });
    const u = await api.undo();
    expect(u).toMatchObject({ vehicles: null, put: [], deleted: [] });
    expect(u!.history).toMatchObject({ undoNote: 'Add camera', redoNote: 'Add vehicle TRL40' });
    expect((await api.loadScene()).bulwark.vehicles).toBeUndefined();
    expect((await api.loadScene()).features.map((f) => f.id)).toEqual(['cam-1']);
    const re = await api.redo();
    expect(re!.vehicles).toEqual([TRL40]);
    expect((await api.loadScene()).bulwark.vehicles).toEqual([TRL40]);
    // A feature undo after it leaves the table alone, and says nothing about vehicles.
    await api.undo();
    const camUndo = await api.undo();
    expect(camUndo!.vehicles).toBeUndefined();
    expect(camUndo!.deleted).toEqual(['cam-1']);
  });

  it('changes with features in one step, and an edit of a stored row undoes to the row as it was', async () => {
    await api.createProject({ path: join(dir, 'm.gpkg') });
    await api.transact({ vehicles: [TRL40], note: 'Add vehicle TRL40' });
    await api.transact({ put: [cam], vehicles: [{ ...TRL40, mass_kg: 38000 }], note: 'Edit TRL40 and add a camera' });
    expect((await api.loadScene()).bulwark.vehicles![0].mass_kg).toBe(38000);
    const u = await api.undo();
    expect(u!.vehicles).toEqual([TRL40]);
    expect(u!.deleted).toEqual(['cam-1']);
    expect(await api.loadScene()).toMatchObject({ bulwark: { vehicles: [TRL40] }, features: [] });
  });

  it('refuses a bad row with the vehicle, field and range named, and leaves the project untouched', async () => {
    await api.createProject({ path: join(dir, 'bad.gpkg') });
    await api.transact({ vehicles: [TRL40], note: 'Add vehicle TRL40' });
    const before = await api.loadScene();
    const history = await api.historyState();
    const bad = { ...TRL40, code: 'VAN', name: 'Van', width_m: 25 };
    const err = await api.transact({ put: [cam], vehicles: [TRL40, bad], note: 'Add VAN' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid_scene');
    expect((err as ApiError).message).toBe('bad.gpkg: vehicle table: VAN: Width 25 m is outside the accepted range (0.5–4 m)');
    expect((err as ApiError).findings[0]).toMatchObject({ severity: 'error', property: 'bulwark.vehicles.VAN.width_m' });
    // Neither the table nor the camera of the same change was written, and no history step added.
    expect(await api.loadScene()).toEqual(before);
    expect(await api.historyState()).toEqual(history);
  });

  it('refuses a code given twice and a new vehicle missing a number', async () => {
    await api.createProject({ path: join(dir, 'dup.gpkg') });
    await expect(api.transact({ vehicles: [TRL40, { ...TRL40 }], note: 'x' })).rejects.toThrow(/"TRL40" is given twice/);
    const partial = { code: 'VAN', name: 'Van', mass_kg: 3500 } as VehicleClassInput;
    await expect(api.transact({ vehicles: [partial], note: 'x' })).rejects.toThrow(/VAN: Width is required \(m\)/);
    expect((await api.loadScene()).bulwark.vehicles).toBeUndefined();
    expect((await api.historyState()).canUndo).toBe(false);
  });

  it('an unchanged table is no history step; an empty table removes the member', async () => {
    await api.createProject({ path: join(dir, 'same.gpkg') });
    await api.transact({ vehicles: [TRL40], note: 'Add' });
    const r = await api.transact({ vehicles: [TRL40], note: 'Nothing' });
    expect(r.vehicles).toBeUndefined();
    expect(r.history.undoNote).toBe('Add');
    const e = await api.transact({ vehicles: [], note: 'Delete vehicle TRL40' });
    expect(e.vehicles).toBeNull();
    expect('vehicles' in (await api.loadScene()).bulwark).toBe(false);
  });

  it('is carried by the GeoJSON export, which reads back to the same table', async () => {
    await api.createProject({ path: join(dir, 'x.gpkg'), name: 'Export' });
    await api.transact({ put: [cam], vehicles: [M1_WIDER, TRL40], note: 'Vehicles' });
    const { text } = await api.exportScene({ format: 'geojson' });
    const { scene } = parseSceneText(text!, 'x.geojson');
    expect(scene.bulwark.vehicles).toEqual([M1_WIDER, TRL40]);
    // …and a project created from that file has the same table (project → file → project).
    const copy = createGpkgProjectStore(join(dir, 'z.gpkg'), { scene });
    try {
      expect(copy.readScene().bulwark.vehicles).toEqual([M1_WIDER, TRL40]);
    } finally {
      copy.close();
    }
  });

  it('keeps the rest of an imported bulwark member, in its key order, across edits and undo', async () => {
    // A project created from a scene file whose table holds a value outside the editor's ranges
    // (5 m wide, valid in the file format): editing around it is allowed, since it is not re-checked.
    const imported = { code: 'N3G', width_m: 5 } as VehicleClassInput;
    const store = createGpkgProjectStore(join(dir, 'imp.gpkg'), {
      scene: { type: 'FeatureCollection', bulwark: { version: 1, name: 'Imp', vehicles: [imported], custom: { a: 1 } }, features: [] },
    });
    try {
      const before = store.readScene().bulwark;
      expect(Object.keys(before)).toEqual(['version', 'name', 'vehicles', 'custom']);
      store.transact({ vehicles: [imported, TRL40], note: 'Add TRL40' });
      expect(store.readScene().bulwark).toEqual({ ...before, vehicles: [imported, TRL40] });
      store.undo();
      expect(JSON.stringify(store.readScene().bulwark)).toBe(JSON.stringify(before));
    } finally {
      store.close();
    }
  });
});

describe('the transact schema', () => {
  it('accepts a vehicle table and refuses a number given as text, naming the place', () => {
    expect(parseApiArgument('transact', { vehicles: [TRL40], note: 'n' })).toEqual({ vehicles: [TRL40], note: 'n' });
    expect(parseApiArgument('transact', { vehicles: null, note: 'n' })).toEqual({ vehicles: null, note: 'n' });
    expect(() => parseApiArgument('transact', { vehicles: [{ ...TRL40, mass_kg: '40 t' }], note: 'n' })).toThrow(/transact: vehicles\.0\.mass_kg/);
  });
});
