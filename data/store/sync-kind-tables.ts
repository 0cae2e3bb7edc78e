import type { Database } from 'better-sqlite3';
import type { PropertySpec } from '../../core/scene/properties.js';
import { createFeatureTable, quoteId } from '../gpkg/gpkg-schema.js';
import { KIND_TABLES, kindTableSpec, UNKNOWN_KIND_TABLE } from './feature-tables.js';

/**
 * Brings the kind tables of an open project up to the scene format this build knows: a kind or a
 * property added to core/scene since the file was written gets its table or column here, and the
 * column titles and constraints of the schema extension are rewritten from `KIND_PROPERTIES`, so
 * the file follows the format without a hand-written migration. Nothing is ever dropped. Skipped
 * (no write at all) when the file already matches this build's format.
 */
export function syncKindTables(db: Database): void {
  const rows = dataColumnRows();
  const fingerprint = JSON.stringify(rows);
  const stored = db.prepare("SELECT value FROM bulwark_project WHERE key = 'format_fingerprint'").pluck().get();
  if (stored === fingerprint) return;
  for (const t of KIND_TABLES) {
    const cols = db.prepare(`PRAGMA table_info(${quoteId(t.table)})`).all() as { name: string }[];
    if (cols.length === 0) {
      createFeatureTable(db, kindTableSpec(t));
      continue;
    }
    const have = new Set(cols.map((c) => c.name));
    for (const c of t.columns) if (!have.has(c.key)) db.exec(`ALTER TABLE ${quoteId(t.table)} ADD COLUMN ${quoteId(c.key)} ${c.type}`);
  }
  writeDataColumns(db, rows);
  db.prepare("INSERT INTO bulwark_project (key, value) VALUES ('format_fingerprint', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(fingerprint);
}

interface DataColumnRow {
  table: string;
  column: string;
  title: string;
  description: string | null;
  mime: string | null;
  constraint: { name: string; values?: readonly string[]; range?: [number, boolean, number, boolean] } | null;
}

function title(spec: PropertySpec): string {
  return spec.type === 'number' && spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
}

function description(spec: PropertySpec): string | null {
  if ('derivedDefault' in spec && spec.derivedDefault) return `Default: ${spec.derivedDefault}`;
  if ('default' in spec && spec.default !== undefined) return `Default: ${String(spec.default)}`;
  return null;
}

function dataColumnRows(): DataColumnRow[] {
  const out: DataColumnRow[] = [];
  for (const t of KIND_TABLES) {
    out.push({ table: t.table, column: 'feature_id', title: 'Bulwark id', description: 'Feature id in scene format v1; unique in the project', mime: null, constraint: null });
    for (const c of t.columns) {
      const s = c.spec;
      const name = `bulwark_${t.kind}_${c.key}`;
      let constraint: DataColumnRow['constraint'] = null;
      if (s.type === 'enum') constraint = { name, values: s.values };
      // A range constraint needs both ends (Req 111); open-ended ranges are left to validation.
      else if (s.type === 'number' && s.min !== undefined && s.max !== undefined) constraint = { name, range: [s.min, !s.minExclusive, s.max, true] };
      out.push({ table: t.table, column: c.key, title: title(s), description: description(s), mime: null, constraint });
    }
    out.push({ table: t.table, column: 'extra_json', title: 'Other properties', description: 'Properties scene format v1 does not define, kept as they came (JSON object)', mime: 'application/json', constraint: null });
  }
  out.push({ table: UNKNOWN_KIND_TABLE, column: 'properties_json', title: 'Properties', description: 'All properties but kind (JSON object)', mime: 'application/json', constraint: null });
  out.push({ table: UNKNOWN_KIND_TABLE, column: 'geometry_json', title: 'Geometry (GeoJSON)', description: 'Only for geometries WKB cannot hold', mime: 'application/json', constraint: null });
  return out;
}

function writeDataColumns(db: Database, rows: DataColumnRow[]): void {
  db.prepare("DELETE FROM gpkg_data_column_constraints WHERE constraint_name LIKE 'bulwark\\_%' ESCAPE '\\'").run();
  const column = db.prepare(
    `INSERT INTO gpkg_data_columns (table_name, column_name, name, title, description, mime_type, constraint_name) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(table_name, column_name) DO UPDATE SET name = excluded.name, title = excluded.title, description = excluded.description,
       mime_type = excluded.mime_type, constraint_name = excluded.constraint_name`,
  );
  const constraint = db.prepare('INSERT INTO gpkg_data_column_constraints VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of rows) {
    column.run(r.table, r.column, r.column, r.title, r.description, r.mime, r.constraint?.name ?? null);
    if (r.constraint?.values) for (const v of r.constraint.values) constraint.run(r.constraint.name, 'enum', v, null, null, null, null, null);
    if (r.constraint?.range) {
      const [min, minIn, max, maxIn] = r.constraint.range;
      constraint.run(r.constraint.name, 'range', null, min, minIn ? 1 : 0, max, maxIn ? 1 : 0, null);
    }
  }
}
