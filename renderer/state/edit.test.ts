import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import { connectEdits, importText, loadProject, redo, transact, undo } from './edit.js';
import { getFeature, useProject } from './project-store.js';
import { useUi } from './ui-store.js';
import type { SceneFeature } from '../../core/scene/types.js';
import type { BulwarkApi } from '../../data/api/contract.js';

const camera = (id: string, bearing = 0): SceneFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [7.42, 43.73] },
  properties: { kind: 'camera', bearing_deg: bearing },
});

let api: BulwarkApi;

beforeEach(async () => {
  // The real service over a temporary GeoPackage: no second implementation of the API to trust.
  api = createProjectService();
  await api.createProject({ path: join(mkdtempSync(join(tmpdir(), 'bulwark-edit-')), 'edit.gpkg'), template: 'empty' });
  connectEdits(api);
  await loadProject();
});

describe('the edit path (state/edit.ts)', () => {
  it('commits a valid feature and puts it in the store, per-kind revision bumped', async () => {
    const rev = useProject.getState().revisions.camera ?? 0;
    expect(await transact({ put: [camera('cam-1', 45)], note: 'Place camera' })).toBe(true);
    expect(getFeature('cam-1')?.properties.bearing_deg).toBe(45);
    expect(useProject.getState().revisions.camera).toBe(rev + 1);
    expect(useProject.getState().history).toMatchObject({ canUndo: true, undoNote: 'Place camera' });
    expect((await api.loadScene()).features.map((f) => f.id)).toEqual(['cam-1']);
  });

  it('refuses an invalid feature without calling the API and names the property', async () => {
    const bad = camera('cam-2');
    bad.properties.hfov_deg = 400;
    expect(await transact({ put: [bad], note: 'Set field of view' }, { lngLat: [7.42, 43.73] })).toBe(false);
    expect(useUi.getState().problem).toMatchObject({ featureId: 'cam-2', property: 'hfov_deg', lngLat: [7.42, 43.73] });
    expect(useUi.getState().problem?.message).toMatch(/feature cam-2: hfov_deg must be in \(0, 360\], got 400/);
    expect((await api.loadScene()).features).toEqual([]);
    expect(getFeature('cam-2')).toBeUndefined();
  });

  it('undoes and redoes through the API, restoring the previous properties', async () => {
    await transact({ put: [camera('cam-1', 10)], note: 'Place camera' });
    await transact({ put: [camera('cam-1', 135)], note: 'Set bearing' });
    await undo();
    expect(getFeature('cam-1')?.properties.bearing_deg).toBe(10);
    expect(useProject.getState().history.redoNote).toBe('Set bearing');
    await undo();
    expect(getFeature('cam-1')).toBeUndefined();
    await redo();
    await redo();
    expect(getFeature('cam-1')?.properties.bearing_deg).toBe(135);
  });

  it('deletes, drops the deleted id from the selection, and undo brings it back', async () => {
    await transact({ put: [camera('cam-1'), camera('cam-2')], note: 'Place cameras' });
    useUi.setState({ selection: ['cam-1', 'cam-2'] });
    await transact({ delete: ['cam-1'], note: 'Delete camera' });
    expect(getFeature('cam-1')).toBeUndefined();
    expect(useUi.getState().selection).toEqual(['cam-2']);
    await undo();
    expect(getFeature('cam-1')).toBeDefined();
  });

  it('moves a feature between kinds without leaving it in the old kind', async () => {
    await transact({ put: [camera('x-1')], note: 'Place camera' });
    await transact({ put: [{ ...camera('x-1'), properties: { kind: 'vehicle_origin' } }], note: 'Change kind' });
    expect(useProject.getState().byKind.get('camera')?.has('x-1')).toBe(false);
    expect(useProject.getState().byKind.get('vehicle_origin')?.has('x-1')).toBe(true);
  });

  it('refuses an invalid import naming the feature, and leaves the project unchanged', async () => {
    await transact({ put: [camera('cam-1')], note: 'Place camera' });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      bulwark: { version: 1 },
      features: [{ type: 'Feature', id: 'bad-zone', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'crowd_zone' } }],
    });
    expect(await importText('bad.geojson', text)).toBeNull();
    const outcome = useUi.getState().importOutcome;
    expect(outcome?.error?.findings[0]).toMatchObject({ featureId: 'bad-zone' });
    expect(outcome?.error?.findings[0].message).toMatch(/Point is not allowed for crowd_zone/);
    expect((await api.loadScene()).features.map((f) => f.id)).toEqual(['cam-1']);
  });

  it('shows an API error with its message and keeps the last committed state', async () => {
    await transact({ put: [camera('cam-1', 5)], note: 'Place camera' });
    await api.closeProject();
    expect(await transact({ put: [camera('cam-1', 90)], note: 'Set bearing' })).toBe(false);
    expect(useProject.getState().error?.message).toMatch(/^no project is open/);
    expect(getFeature('cam-1')?.properties.bearing_deg).toBe(5);
    expect(useProject.getState().pending).toBe(0);
  });
});
