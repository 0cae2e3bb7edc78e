import type { Database } from 'better-sqlite3';
import { createFeatureTable, createGeoPackageCore } from '../../gpkg/gpkg-schema.js';
import { KIND_TABLES, kindTableSpec, unknownKindTableSpec } from '../feature-tables.js';

/**
 * Schema 1: the GeoPackage core, one feature table per input kind and one for unknown kinds, and
 * the app's own tables (not feature tables; only the history is registered, as attributes):
 * project metadata, settings and the edit history. Scene order is fid order: new features take their
 * fid from one counter across all kind tables (see gpkg-project-store.ts).
 */
export const migration001 = {
  version: 1,
  name: 'initial',
  up(db: Database): void {
    createGeoPackageCore(db);
    for (const t of KIND_TABLES) createFeatureTable(db, kindTableSpec(t));
    createFeatureTable(db, unknownKindTableSpec());
    db.exec(`
      CREATE TABLE bulwark_project (key TEXT NOT NULL PRIMARY KEY, value TEXT);
      CREATE TABLE bulwark_settings (key TEXT NOT NULL PRIMARY KEY, value_json TEXT NOT NULL);
      -- One row per transaction: before/after snapshots of every feature it touched, as JSON arrays
      -- of { id, seq, feature|null }. bulwark_project.history_cursor is the id of the last applied row.
      CREATE TABLE bulwark_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        note TEXT NOT NULL,
        created_at DATETIME NOT NULL,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL
      );
    `);
    // Registering one table as 'attributes' (§2.4) is what tells GDAL and QGIS not to list every
    // unregistered table as a layer, so planners see the kinds and the history, not our bookkeeping.
    db.prepare(
      `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
       VALUES ('bulwark_history', 'attributes', 'bulwark_history', 'Bulwark edit history (undo/redo)', strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
    ).run();
  },
};
