import type { Database } from 'better-sqlite3';
import { createFeatureTable, quoteId } from '../gpkg/gpkg-schema.js';
import { KIND_TABLES, kindTableSpec } from './feature-tables.js';

/**
 * Brings the kind tables of an open project up to the scene format this build knows: a kind or a
 * property added to core/scene since the file was written gets its table or column here, so the
 * file follows `KIND_PROPERTIES` without a hand-written migration. Nothing is ever dropped.
 */
export function syncKindTables(db: Database): void {
  for (const t of KIND_TABLES) {
    const cols = db.prepare(`PRAGMA table_info(${quoteId(t.table)})`).all() as { name: string }[];
    if (cols.length === 0) {
      createFeatureTable(db, kindTableSpec(t));
      continue;
    }
    const have = new Set(cols.map((c) => c.name));
    for (const c of t.columns) if (!have.has(c.key)) db.exec(`ALTER TABLE ${quoteId(t.table)} ADD COLUMN ${quoteId(c.key)} ${c.type}`);
  }
}
