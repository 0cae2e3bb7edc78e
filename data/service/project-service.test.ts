import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from './project-service.js';
import { demoScene } from '../demo/demo-scene.js';
import type { SceneFeature } from '../../core/scene/types.js';

const dir = () => mkdtempSync(join(tmpdir(), 'bulwark-service-'));

const camera = (id: string, bearing: number): SceneFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [4.35, 50.85] },
  properties: { kind: 'camera', bearing_deg: bearing },
});

describe('the API service over real GeoPackage projects', () => {
  it('creates the demo project, edits it, undoes and redoes, and finds it again after reopening', async () => {
    const d = dir();
    const api = createProjectService({ recentProjectsFile: join(d, 'recent.json') });
    const path = join(d, 'demo.gpkg');
    const info = await api.createProject({ path, template: 'demo' });
    expect(info.featureCount).toBe(demoScene().features.length);
    expect(info.counts.camera).toBe(6);
    await api.transact({ put: [camera('cam-new', 90)], note: 'Add camera' });
    await api.transact({ put: [camera('cam-new', 135)], note: 'Rotate camera' });
    const undone = await api.undo();
    expect(undone?.put[0].properties.bearing_deg).toBe(90);
    const redone = await api.redo();
    expect(redone?.put[0].properties.bearing_deg).toBe(135);
    await api.closeProject();
    const again = createProjectService({ recentProjectsFile: join(d, 'recent.json') });
    expect(await again.recentProjects()).toEqual([path]);
    await again.openProject({ path });
    const scene = await again.loadScene();
    expect(scene.features.find((f) => f.id === 'cam-new')?.properties.bearing_deg).toBe(135);
    expect((await again.historyState()).undoNote).toBe('Rotate camera');
  });

  it('opening a corrupt file or a non-project keeps the open project untouched', async () => {
    const d = dir();
    const api = createProjectService();
    const path = join(d, 'site.gpkg');
    await api.createProject({ path, template: 'demo' });
    const junk = join(d, 'junk.gpkg');
    writeFileSync(junk, 'not a database'.repeat(100));
    await expect(api.openProject({ path: junk })).rejects.toMatchObject({ code: 'corrupt' });
    const before = readFileSync(junk, 'utf8');
    expect(before).toBe('not a database'.repeat(100));
    expect((await api.projectInfo())?.path).toBe(path);
    expect((await api.loadScene()).features).toHaveLength(demoScene().features.length);
  });

  it('an invalid import names the feature and changes nothing', async () => {
    const d = dir();
    const api = createProjectService();
    await api.createProject({ path: join(d, 'p.gpkg'), template: 'demo' });
    const bad = demoScene();
    bad.features[0] = { ...bad.features[0], id: 'area-2' };
    (bad.features[0].geometry as { coordinates: unknown }).coordinates = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]];
    await expect(api.importScene({ fileName: 'bad.geojson', text: JSON.stringify(bad), mode: 'merge' })).rejects.toMatchObject({
      code: 'invalid_scene',
      message: expect.stringContaining('area-2'),
    });
    expect((await api.loadScene()).features.map((f) => f.id)).not.toContain('area-2');
    expect((await api.historyState()).canUndo).toBe(false);
  });

  it('a valid import merges in one undoable step; replace removes what the file lacks', async () => {
    const d = dir();
    const api = createProjectService();
    await api.createProject({ path: join(d, 'p.gpkg'), template: 'demo' });
    const text = JSON.stringify({ type: 'FeatureCollection', bulwark: { version: 1 }, features: [camera('cam-1', 10), camera('cam-x', 20)] });
    const merged = await api.importScene({ fileName: 'cams.geojson', text, mode: 'merge' });
    expect([merged.added, merged.replaced]).toEqual([1, 1]);
    expect((await api.loadScene()).features).toHaveLength(demoScene().features.length + 1);
    await api.undo();
    expect((await api.loadScene()).features.find((f) => f.id === 'cam-1')?.properties.bearing_deg).toBe(200);
    await api.importScene({ fileName: 'cams.geojson', text, mode: 'replace' });
    expect((await api.loadScene()).features.map((f) => f.id).sort()).toEqual(['cam-1', 'cam-x']);
  });

  it('save as continues on the copy and leaves the original as it was', async () => {
    const d = dir();
    const api = createProjectService();
    const a = join(d, 'a.gpkg'), b = join(d, 'b.gpkg');
    await api.createProject({ path: a, template: 'demo' });
    await api.saveProjectAs({ path: b });
    await api.transact({ put: [camera('cam-b', 45)], note: 'Add camera' });
    expect((await api.projectInfo())?.path).toBe(b);
    await api.openProject({ path: a });
    expect((await api.loadScene()).features.map((f) => f.id)).not.toContain('cam-b');
  });

  it('exports GeoJSON text that validates and round-trips the ids', async () => {
    const api = createProjectService();
    await api.createProject({ path: join(dir(), 'p.gpkg'), template: 'demo' });
    const { text } = await api.exportScene({ format: 'geojson' });
    const parsed = JSON.parse(text!);
    expect(parsed.bulwark.version).toBe(1);
    expect(parsed.features.map((f: SceneFeature) => f.id).sort()).toEqual(demoScene().features.map((f) => f.id).sort());
  });
});

describe('exporting to files', () => {
  it('writes a GeoJSON file (streamed) and a GeoPackage that both read back to the same features', async () => {
    const d = dir();
    const api = createProjectService();
    await api.createProject({ path: join(d, 'p.gpkg'), template: 'demo' });
    await api.exportScene({ format: 'geojson', path: join(d, 'out.geojson') });
    await api.exportScene({ format: 'gpkg', path: join(d, 'out.gpkg') });
    const fromJson = JSON.parse(readFileSync(join(d, 'out.geojson'), 'utf8'));
    expect(fromJson.features.map((f: SceneFeature) => f.id)).toEqual(demoScene().features.map((f) => f.id));
    const other = createProjectService();
    await other.openProject({ path: join(d, 'out.gpkg') });
    expect((await other.loadScene()).features).toEqual(fromJson.features);
  });
});
