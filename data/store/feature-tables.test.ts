import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_KINDS, KIND_GEOMETRIES } from '../../core/scene/kinds.js';
import { BARRIER_TYPES, KIND_PROPERTIES } from '../../core/scene/properties.js';
import { createGpkgProjectStore, openGpkgProjectStore } from './gpkg-project-store.js';

/** The feature tables follow the scene format's own tables (core/scene), in new files and old ones. */
let dir: string;
let path: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-tables-'));
  path = join(dir, 'schema.gpkg');
  createGpkgProjectStore(path).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('feature tables', () => {
  it('has one table per input kind with one column per property of KIND_PROPERTIES, typed from its spec', () => {
    const db = new Database(path, { readonly: true });
    for (const kind of INPUT_KINDS) {
      const cols = db.prepare(`PRAGMA table_info("${kind}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      const expected = KIND_PROPERTIES[kind].map((s) => [
        s.key,
        s.type === 'number' ? (s.integer ? 'INTEGER' : 'REAL') : s.type === 'boolean' ? 'BOOLEAN' : 'TEXT',
      ]);
      const geometry = KIND_GEOMETRIES[kind].length === 1 ? KIND_GEOMETRIES[kind][0].toUpperCase() : 'GEOMETRY';
      expect(cols.map((c) => [c.name, c.type]), kind).toEqual([['fid', 'INTEGER'], ['geom', geometry], ['feature_id', 'TEXT'], ...expected, ['extra_json', 'TEXT']]);
      expect(db.prepare('SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?').get(kind)).toEqual({ geometry_type_name: geometry, srs_id: 4326 });
      expect(db.prepare("SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = ?").get(kind)).toEqual({ data_type: 'features', srs_id: 4326 });
    }
    db.close();
  });

  it('describes each column for GIS tools: title with unit, JSON for extra_json, lists and ranges', () => {
    const db = new Database(path, { readonly: true });
    const col = db.prepare('SELECT title, description, mime_type, constraint_name FROM gpkg_data_columns WHERE table_name = ? AND column_name = ?');
    expect(col.get('camera', 'hfov_deg')).toEqual({ title: 'Horizontal field of view (°)', description: 'Default: 90', mime_type: null, constraint_name: 'bulwark_camera_hfov_deg' });
    expect(col.get('barrier', 'stops_vehicles')).toMatchObject({ description: 'Default: true for bollard, planter, wall, gate' });
    expect(col.get('building', 'extra_json')).toMatchObject({ mime_type: 'application/json' });
    const constraint = db.prepare('SELECT constraint_type, value, min, min_is_inclusive, max, max_is_inclusive FROM gpkg_data_column_constraints WHERE constraint_name = ? ORDER BY value');
    // hfov_deg is in (0, 360] (core/scene/properties.ts)
    expect(constraint.all('bulwark_camera_hfov_deg')).toEqual([{ constraint_type: 'range', value: null, min: 0, min_is_inclusive: 0, max: 360, max_is_inclusive: 1 }]);
    expect(constraint.all('bulwark_barrier_barrier_type').map((r) => (r as { value: string }).value)).toEqual([...BARRIER_TYPES].sort());
    db.close();
  });

  it('adds on open a property column an older file lacks, keeping the data', () => {
    const store = createGpkgProjectStore(join(dir, 'old.gpkg'), {
      scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features: [{ type: 'Feature', id: 'b', properties: { kind: 'building', name: 'Hall' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] },
    });
    store.close();
    // A file from before `height_m` existed.
    const db = new Database(join(dir, 'old.gpkg'));
    db.exec('ALTER TABLE building DROP COLUMN height_m');
    db.exec("DELETE FROM gpkg_data_columns WHERE column_name = 'height_m'");
    db.exec("UPDATE bulwark_project SET value = 'format of an older build' WHERE key = 'format_fingerprint'");
    db.close();
    const reopened = openGpkgProjectStore(join(dir, 'old.gpkg'));
    try {
      reopened.transact({ put: [{ type: 'Feature', id: 'b', properties: { kind: 'building', name: 'Hall', height_m: 12 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }], note: 'Set height' });
      expect(reopened.listFeatures()[0].properties).toEqual({ kind: 'building', name: 'Hall', height_m: 12 });
      const check = new Database(join(dir, 'old.gpkg'), { readonly: true });
      expect(check.prepare("SELECT title FROM gpkg_data_columns WHERE table_name = 'building' AND column_name = 'height_m'").pluck().get()).toBe('Height (m)');
      check.close();
    } finally {
      reopened.close();
    }
  });
});
