import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../api/contract.js';
import { GPKG_APPLICATION_ID } from '../gpkg/gpkg-schema.js';
import { openSqlite } from './sqlite.js';
import { hasMigrationsTable, LATEST_SCHEMA_VERSION, schemaVersion } from './migrations/index.js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Decides whether a file is a Bulwark project this build can open, without writing to it: the
 * checks read the header bytes, then open the file read-only. Throws an ApiError naming the file:
 * `unreadable` (missing, or from a newer Bulwark), `corrupt` (not SQLite, truncated),
 * `not_a_project` (SQLite but not a GeoPackage, or a GeoPackage another tool wrote).
 *
 * `PRAGMA quick_check` is not run here: on the 100,000-feature project (W3) it took 300–470 ms,
 * half as much again as the whole open and read (≈ 710 ms of CPU), and damage inside a page
 * surfaces anyway as `corrupt` when that page is read (tested).
 */
export function checkProjectFile(path: string): { schemaVersion: number } {
  const name = basename(path);
  if (!existsSync(path)) throw new ApiError('unreadable', `${name}: no such file (${path})`);
  let size: number;
  let header = Buffer.alloc(100);
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ApiError('unreadable', `${name} is not a file`);
    size = st.size;
    const fd = openSync(path, 'r');
    try {
      const n = readSync(fd, header, 0, 100, 0);
      header = header.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('unreadable', `${name} cannot be read: ${(e as Error).message}`);
  }
  if (size === 0) throw new ApiError('corrupt', `${name} is empty (0 bytes), not a SQLite database`);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new ApiError('corrupt', `${name} is not a SQLite database (file is truncated or corrupt)`);
  }
  // The header records the database size in pages (valid when bytes 92–95 equal the change counter
  // at 24–27, true of every SQLite since 3.7.0). A shorter file lost its tail.
  const pageSizeRaw = header.readUInt16BE(16);
  const pageSize = pageSizeRaw === 1 ? 65536 : pageSizeRaw;
  const pages = header.readUInt32BE(28);
  const sizeValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (sizeValid && pages > 0 && size < pages * pageSize && !existsSync(path + '-wal')) {
    throw new ApiError('corrupt', `${name} is not a SQLite database (file is truncated or corrupt): ${size} bytes of ${pages * pageSize}`);
  }
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const appId = db.pragma('application_id', { simple: true }) as number;
    const isGpkg = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").get() !== undefined;
    if (appId !== GPKG_APPLICATION_ID || !isGpkg) {
      throw new ApiError('not_a_project', `${name} is a SQLite database but not a GeoPackage, so not a Bulwark project`);
    }
    if (!hasMigrationsTable(db) || db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bulwark_project'").get() === undefined) {
      throw new ApiError(
        'not_a_project',
        `${name} is a GeoPackage but not a Bulwark project (another tool wrote it); import it into a project instead of opening it`,
      );
    }
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ApiError('unreadable', `${name} was written by a newer Bulwark (project schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}); update Bulwark to open it`);
    }
    // A feature table the GeoPackage registers but the file lacks: dropped by another tool or lost
    // in a repair. Opening would either fail on the first read or, worse, re-create it empty.
    const missing = db
      .prepare("SELECT table_name FROM gpkg_contents WHERE table_name NOT IN (SELECT name FROM sqlite_master WHERE type IN ('table', 'view')) ORDER BY table_name")
      .pluck()
      .all() as string[];
    if (missing.length > 0) {
      const which = missing.length === 1 ? `table '${missing[0]}' is` : `tables ${missing.map((t) => `'${t}'`).join(', ')} are`;
      throw new ApiError('corrupt', `${name} is damaged: its ${which} listed in gpkg_contents but missing from the file; open a backup, or import a GeoJSON export into a new project`);
    }
    return { schemaVersion: version };
  } catch (e) {
    throw asOpenError(e, name);
  } finally {
    db?.close();
  }
}

/** Maps SQLite failures to the error a planner can act on. */
export function asOpenError(e: unknown, name: string): unknown {
  if (e instanceof ApiError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new ApiError('corrupt', `${name} is not a SQLite database (file is truncated or corrupt)`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_READONLY')) {
    return new ApiError('unreadable', `${name} cannot be opened: ${(e as Error).message}`);
  }
  return e;
}
