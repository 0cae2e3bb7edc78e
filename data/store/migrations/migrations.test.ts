import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpkgProjectStore, openGpkgProjectStore } from '../gpkg-project-store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('numbered migrations', () => {
  it('are numbered 1, 2, … with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring a schema-1 project up to date on open, keeping its features, and it stays a valid GeoPackage', () => {
    const path = join(dir, 'v1.gpkg');
    const feature = { type: 'Feature' as const, id: 'c', properties: { kind: 'camera', hfov_deg: 60 }, geometry: { type: 'Point' as const, coordinates: [7.4, 43.7] as [number, number] } };
    createGpkgProjectStore(path, { scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features: [feature] } }).close();
    // What a file written by the build that had only migration 1 looks like.
    const db = new Database(path);
    db.exec(`
      DROP TABLE gpkg_data_columns; DROP TABLE gpkg_data_column_constraints;
      DELETE FROM gpkg_extensions WHERE extension_name = 'gpkg_schema';
      DELETE FROM bulwark_migrations WHERE version = 2;
      DELETE FROM bulwark_project WHERE key = 'format_fingerprint';
    `);
    db.close();
    const store = openGpkgProjectStore(path);
    expect(store.listFeatures()).toEqual([feature]);
    store.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT version FROM bulwark_migrations ORDER BY version').pluck().all()).toEqual([1, 2]);
    expect(check.prepare("SELECT COUNT(*) FROM gpkg_data_columns WHERE table_name = 'camera'").pluck().get()).toBeGreaterThan(0);
    check.close();
    const r = spawnSync('/usr/bin/python3', ['-m', 'osgeo_utils.samples.validate_gpkg', '-k', path], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
