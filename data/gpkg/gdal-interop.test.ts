import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SceneFeature } from '../../core/scene/types.js';
import { readSceneFile } from '../io/read-scene-file.js';
import { KIND_TABLES, UNKNOWN_KIND_TABLE } from '../store/feature-tables.js';
import { createGpkgProjectStore } from '../store/gpkg-project-store.js';

/**
 * Our project files as GDAL 3.6 sees them (DESIGN.md: "its GeoPackages are checked by GDAL"): the
 * OGC validator passes, ogrinfo lists every kind with its count and geometry type, the R-tree
 * answers spatial filters, and ogr2ogr converts a project back to GeoJSON with properties intact.
 */
const scene = readSceneFile(new URL('../io/fixtures/every-kind.geojson', import.meta.url).pathname).scene;
let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-gdal-'));
  path = join(dir, 'market.gpkg');
  const store = createGpkgProjectStore(path, { scene });
  // Exercise the R-tree triggers through every write path: update, delete, insert, undo, redo.
  const cam1 = scene.features.find((f) => f.id === 'cam-1')!;
  store.transact({ put: [{ ...cam1, geometry: { type: 'Point', coordinates: [7.5, 43.8] } }], delete: ['b-2'], note: 'Move' });
  store.undo();
  store.transact({ put: [{ ...cam1, id: 'cam-x' }], note: 'Add' });
  store.undo();
  store.redo();
  store.undo();
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OGR_TYPE: Record<string, string> = { POINT: 'Point', LINESTRING: 'Line String', POLYGON: 'Polygon', GEOMETRY: 'Unknown (any)' };

describe('GDAL reads our GeoPackage', () => {
  it('passes the OGC GeoPackage validator (validate_gpkg -k)', () => {
    const r = spawnSync('/usr/bin/python3', ['-m', 'osgeo_utils.samples.validate_gpkg', '-k', path], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('ogrinfo lists every kind with its feature count and geometry type', () => {
    const out = execFileSync('ogrinfo', ['-so', '-al', path], { encoding: 'utf8' });
    const layers = new Map<string, { geometry: string; count: number }>();
    for (const block of out.split('\nLayer name: ').slice(1)) {
      const name = block.split('\n')[0];
      layers.set(name, { geometry: /\nGeometry: (.*)\n/.exec(block)![1], count: Number(/\nFeature Count: (\d+)/.exec(block)![1]) });
    }
    for (const t of KIND_TABLES) {
      const count = scene.features.filter((f) => f.properties.kind === t.kind).length;
      expect(layers.get(t.table), t.table).toEqual({ geometry: OGR_TYPE[t.geometryType], count });
    }
    expect(layers.get(UNKNOWN_KIND_TABLE)).toEqual({ geometry: 'Unknown (any)', count: 1 });
    // Our bookkeeping stays out of a GIS user's layer list; only the edit history shows, as a table.
    expect([...layers.keys()].filter((k) => k.startsWith('bulwark_'))).toEqual(['bulwark_history']);
  });

  it('records each layer\'s extent in gpkg_contents, which ogrinfo reports', () => {
    const out = execFileSync('ogrinfo', ['-so', path, 'barrier'], { encoding: 'utf8' });
    // barrier lines span lon 7.4180–7.4200 and lat 43.7264–43.7268 (fixture bar-1, bar-2)
    expect(out).toContain('Extent: (7.418000, 43.726400) - (7.420000, 43.726800)');
  });

  it("answers a spatial filter through our R-tree", () => {
    // cam-1 is at (7.4201, 43.7285); cam-2 at (7.4165, 43.7265).
    const out = execFileSync('ogrinfo', ['-q', path, 'camera', '-spat', '7.42', '43.728', '7.421', '43.729', '-fields=YES'], { encoding: 'utf8' });
    expect([...out.matchAll(/feature_id \(String\) = (.*)/g)].map((m) => m[1])).toEqual(['cam-1']);
  });

  it('ogr2ogr converts it back to GeoJSON with ids, properties and geometries intact', () => {
    for (const t of KIND_TABLES) {
      const text = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, t.table], { encoding: 'utf8' });
      const got = JSON.parse(text).features as { properties: Record<string, unknown>; geometry: SceneFeature['geometry'] }[];
      const want = scene.features.filter((f) => f.properties.kind === t.kind);
      expect(got.map((f) => f.properties.feature_id)).toEqual(want.map((f) => f.id));
      got.forEach((g, i) => {
        const { feature_id, extra_json, ...columns } = g.properties;
        const props: Record<string, unknown> = { kind: t.kind };
        for (const [k, v] of Object.entries(columns)) if (v !== null) props[k] = v;
        // GDAL's GeoJSON writer turns text that holds a JSON object back into an object.
        Object.assign(props, typeof extra_json === 'string' ? JSON.parse(extra_json) : (extra_json ?? {}));
        expect(props, String(feature_id)).toEqual(want[i].properties);
        expect(g.geometry, String(feature_id)).toEqual(want[i].geometry);
      });
    }
  });

  it('a GeoJSON export by ogr2ogr of the unknown-kinds table keeps kind and properties', () => {
    const text = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, UNKNOWN_KIND_TABLE], { encoding: 'utf8' });
    const [f] = JSON.parse(text).features;
    const want = scene.features.find((x) => x.id === 'x-1')!;
    expect(f.properties.kind).toBe('x_drone_zone');
    const rest = f.properties.properties_json;
    expect({ kind: f.properties.kind, ...(typeof rest === 'string' ? JSON.parse(rest) : rest) }).toEqual(want.properties);
    expect(f.geometry).toEqual(want.geometry);
  });
});

