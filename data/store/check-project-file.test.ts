import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { ApiError } from '../api/contract.js';
import { seededRandom } from '../../test/bench/district.js';
import { createGpkgProjectStore, openGpkgProjectStore } from './gpkg-project-store.js';

/** Opening must reject every file that is not a Bulwark project, name it, and leave it untouched. */
let dir: string;

function scene(n: number): Scene {
  const features: SceneFeature[] = [];
  for (let i = 0; i < n; i++) {
    features.push({ type: 'Feature', id: `c${i}`, properties: { kind: 'camera', name: `Camera ${i}` }, geometry: { type: 'Point', coordinates: [7.4 + i * 1e-5, 43.7] } });
  }
  return { type: 'FeatureCollection', bulwark: { version: 1 }, features };
}

function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex') + ':' + statSync(path).mtimeMs;
}

function openError(path: string): ApiError {
  try {
    openGpkgProjectStore(path).close();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`${path} opened`);
}

/** Expects opening to fail with `code` and a message matching `message`, and the file (and its folder) to be unchanged. */
function expectRefused(path: string, code: string, message: RegExp): void {
  const before = existsSync(path) ? fingerprint(path) : null;
  const listing = readdirSync(dir).sort();
  const err = openError(path);
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  if (before) expect(fingerprint(path)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(listing);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-open-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening files that are not Bulwark projects', () => {
  it('a missing file is unreadable', () => {
    const err = openError(join(dir, 'nowhere.gpkg'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^nowhere\.gpkg: no such file/);
  });

  it('an empty file is corrupt', () => {
    const path = join(dir, 'empty.gpkg');
    writeFileSync(path, '');
    expectRefused(path, 'corrupt', /^empty\.gpkg is empty \(0 bytes\), not a SQLite database/);
  });

  it('a file of random bytes is not a SQLite database', () => {
    const path = join(dir, 'random.gpkg');
    const rnd = seededRandom(7);
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, () => Math.floor(rnd() * 256))));
    expectRefused(path, 'corrupt', /^random\.gpkg is not a SQLite database \(file is truncated or corrupt\)/);
  });

  it('a project cut in half is truncated', () => {
    const path = join(dir, 'site.gpkg');
    createGpkgProjectStore(path, { scene: scene(3000) }).close();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectRefused(path, 'corrupt', /^site\.gpkg is not a SQLite database \(file is truncated or corrupt\)/);
  });

  it('a SQLite database that is not a GeoPackage is not a project', () => {
    const path = join(dir, 'plain.gpkg');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expectRefused(path, 'not_a_project', /^plain\.gpkg is a SQLite database but not a GeoPackage/);
  });

  it('a GeoPackage written by ogr2ogr is not a project, and the message suggests importing it', () => {
    const src = join(dir, 'roads.geojson');
    writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A1' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] }));
    const path = join(dir, 'roads.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', path, src]);
    rmSync(src);
    expectRefused(path, 'not_a_project', /^roads\.gpkg is a GeoPackage but not a Bulwark project.*import it/);
  });

  it('a project from a newer Bulwark is refused, naming both versions', () => {
    const path = join(dir, 'future.gpkg');
    createGpkgProjectStore(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO bulwark_migrations VALUES (99, 'future', '2030-01-01T00:00:00.000Z')").run();
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(path, 'unreadable', /^future\.gpkg was written by a newer Bulwark \(project schema 99; this version reads up to 2\)/);
  });

  it('a project whose camera table was dropped is damaged, naming the table, and is not repaired behind the user', () => {
    const path = join(dir, 'dropped.gpkg');
    createGpkgProjectStore(path, { scene: scene(3) }).close();
    const db = new Database(path);
    db.exec('DROP TABLE camera');
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(path, 'corrupt', /^dropped\.gpkg is damaged: its table 'camera' is listed in gpkg_contents but missing from the file/);
  });

    it('a damaged page inside a project surfaces as corrupt when read, not as a crash', () => {
    const path = join(dir, 'damaged.gpkg');
    createGpkgProjectStore(path, { scene: scene(3000) }).close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite every page after the first few (schema) pages with a repeating pattern.
    for (let o = pageSize * 8; o < bytes.length; o++) bytes[o] = 0xa5;
    writeFileSync(path, bytes);
    let err: unknown;
    try {
      const store = openGpkgProjectStore(path);
      try {
        store.readScene();
      } finally {
        store.close();
      }
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('corrupt');
    expect((err as ApiError).message).toMatch(/^damaged\.gpkg/);
  });
});
