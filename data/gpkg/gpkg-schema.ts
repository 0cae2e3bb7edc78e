import type { Database } from 'better-sqlite3';
import { blobEnvelope, readBlobHeader } from './geometry-blob.js';

/**
 * The core of an OGC GeoPackage 1.3 (OGC 12-128r18), written to the specification: the header
 * values of §1.1.1.1, the required tables of §1.1.2–1.1.3 and §2.1.5 (DDL of Annex C), and the
 * R-tree spatial index extension of §F.3 with the triggers the specification gives.
 */
export const GPKG_APPLICATION_ID = 0x47504b47; // 'GPKG', §1.1.1.1.1 Req 2
export const GPKG_USER_VERSION = 10300; // GeoPackage 1.3.x, §1.1.1.1.1 Req 2

/** WKT of EPSG:4326 as GDAL and the specification's examples write it (Annex C, Table 21). */
export const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Creates gpkg_spatial_ref_sys (with the rows -1, 0, 4326 of Req 11), gpkg_contents, gpkg_geometry_columns, gpkg_extensions. */
export function createGeoPackageCore(db: Database): void {
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL PRIMARY KEY,
      organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL,
      definition TEXT NOT NULL,
      description TEXT
    );
    CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY,
      data_type TEXT NOT NULL,
      identifier TEXT UNIQUE,
      description TEXT DEFAULT '',
      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE,
      min_y DOUBLE,
      max_x DOUBLE,
      max_y DOUBLE,
      srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
    );
    CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL,
      column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL,
      z TINYINT NOT NULL,
      m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
    );
    CREATE TABLE gpkg_extensions (
      table_name TEXT,
      column_name TEXT,
      extension_name TEXT NOT NULL,
      definition TEXT NOT NULL,
      scope TEXT NOT NULL,
      CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
    );
  `);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  srs.run('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system');
  srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
  srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
}

/** Sets the header values of Req 2; call inside the creating transaction or right after. */
export function setGeoPackageHeader(db: Database): void {
  db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
  db.pragma(`user_version = ${GPKG_USER_VERSION}`);
}

export type GpkgGeometryType = 'GEOMETRY' | 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOLYGON';
export type GpkgColumnType = 'INTEGER' | 'REAL' | 'TEXT' | 'BOOLEAN' | 'BLOB' | 'DATETIME';

export interface FeatureTableSpec {
  table: string;
  identifier: string;
  description: string;
  geometryType: GpkgGeometryType;
  /** Columns after `fid`, `geom` (in that order). */
  columns: { name: string; type: GpkgColumnType; notNull?: boolean; unique?: boolean }[];
}

/**
 * Creates a feature table (§2.1.6, Req 29–30: INTEGER PRIMARY KEY `fid`, one geometry column),
 * registers it in gpkg_contents and gpkg_geometry_columns (z = 0 until a feature with Z arrives,
 * see `allowZ`), and adds its R-tree index.
 */
export function createFeatureTable(db: Database, spec: FeatureTableSpec): void {
  const cols = spec.columns.map((c) => `${quoteId(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.unique ? ' UNIQUE' : ''}`);
  db.exec(`CREATE TABLE ${quoteId(spec.table)} (
    "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "geom" ${spec.geometryType}${cols.length ? ',\n    ' + cols.join(',\n    ') : ''}
  )`);
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, 'features', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), 4326)`,
  ).run(spec.table, spec.identifier, spec.description);
  db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)').run(spec.table, 'geom', spec.geometryType);
  createRtreeIndex(db, spec.table, 'geom', 'fid');
}

/** Declares Z as optional (z = 2, §2.1.5.1.2) for a table that receives its first 3-D geometry. */
export function allowZ(db: Database, table: string): void {
  db.prepare("UPDATE gpkg_geometry_columns SET z = 2 WHERE table_name = ? AND z = 0").run(table);
}

/**
 * The spatial index extension (§F.3, gpkg_rtree_index): an R*Tree `rtree_<t>_<c>` kept in step by
 * the specification's triggers, which call ST_IsEmpty / ST_MinX … — SQL functions each writer
 * must provide (`registerGeoPackageFunctions`).
 */
export function createRtreeIndex(db: Database, table: string, column: string, idColumn: string): void {
  const t = quoteId(table), c = quoteId(column), i = quoteId(idColumn);
  const rtree = `rtree_${table}_${column}`;
  const r = quoteId(rtree);
  const values = `(NEW.${i}, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c}))`;
  db.exec(`
    CREATE VIRTUAL TABLE ${r} USING rtree(id, minx, maxx, miny, maxy);
    CREATE TRIGGER ${quoteId(rtree + '_insert')} AFTER INSERT ON ${t}
      WHEN (NEW.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
    CREATE TRIGGER ${quoteId(rtree + '_update1')} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
    CREATE TRIGGER ${quoteId(rtree + '_update2')} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
    CREATE TRIGGER ${quoteId(rtree + '_update3')} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; INSERT OR REPLACE INTO ${r} VALUES ${values}; END;
    CREATE TRIGGER ${quoteId(rtree + '_update4')} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
      BEGIN DELETE FROM ${r} WHERE id IN (OLD.${i}, NEW.${i}); END;
    CREATE TRIGGER ${quoteId(rtree + '_delete')} AFTER DELETE ON ${t}
      WHEN OLD.${c} NOT NULL
      BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
  `);
  db.prepare(
    "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
  ).run(table, column);
}

/**
 * The SQL functions the R-tree triggers call (§F.3 "Minimal runtime SQL functions"). Each reads
 * only the blob header (or the point for points), so an insert costs a few microseconds more.
 */
export function registerGeoPackageFunctions(db: Database): void {
  const opts = { deterministic: true, varargs: false } as const;
  const envelope = (blob: unknown): ReturnType<typeof blobEnvelope> => (blob instanceof Uint8Array ? blobEnvelope(blob) : null);
  db.function('ST_IsEmpty', opts, (blob: unknown) => (blob instanceof Uint8Array ? (readBlobHeader(blob).empty ? 1 : 0) : null));
  db.function('ST_MinX', opts, (blob: unknown) => envelope(blob)?.[0] ?? null);
  db.function('ST_MaxX', opts, (blob: unknown) => envelope(blob)?.[1] ?? null);
  db.function('ST_MinY', opts, (blob: unknown) => envelope(blob)?.[2] ?? null);
  db.function('ST_MaxY', opts, (blob: unknown) => envelope(blob)?.[3] ?? null);
}

/**
 * The schema extension (§F.2, gpkg_schema): column titles, descriptions, MIME types and value
 * constraints that GIS tools show as aliases, JSON fields and drop-downs.
 */
export function createSchemaExtension(db: Database): void {
  db.exec(`
    CREATE TABLE gpkg_data_columns (
      table_name TEXT NOT NULL,
      column_name TEXT NOT NULL,
      name TEXT,
      title TEXT,
      description TEXT,
      mime_type TEXT,
      constraint_name TEXT,
      CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
      CONSTRAINT gdc_tn UNIQUE (table_name, name)
    );
    CREATE TABLE gpkg_data_column_constraints (
      constraint_name TEXT NOT NULL,
      constraint_type TEXT NOT NULL,
      value TEXT,
      min NUMERIC,
      min_is_inclusive BOOLEAN,
      max NUMERIC,
      max_is_inclusive BOOLEAN,
      description TEXT,
      CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value)
    );
  `);
  const ext = db.prepare("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write')");
  ext.run('gpkg_data_columns');
  ext.run('gpkg_data_column_constraints');
}
