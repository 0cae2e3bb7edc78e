import type { Database } from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-data-columns.js';

/**
 * Numbered schema migrations, tracked in `bulwark_migrations` (PRAGMA user_version belongs to the
 * GeoPackage specification). Each runs once, in order, inside the caller's transaction.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
export const MIGRATIONS_TABLE = 'bulwark_migrations';

export function hasMigrationsTable(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE) !== undefined;
}

/** The schema version of a project: the highest migration applied (0 when none). */
export function schemaVersion(db: Database): number {
  if (!hasMigrationsTable(db)) return 0;
  const row = db.prepare(`SELECT MAX(version) AS v FROM ${MIGRATIONS_TABLE}`).get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies the migrations a file lacks. Call inside a transaction. */
export function runMigrations(db: Database, now: string): number {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const from = schemaVersion(db);
  const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} VALUES (?, ?, ?)`);
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    m.up(db);
    record.run(m.version, m.name, now);
  }
  return LATEST_SCHEMA_VERSION;
}
