import type { Database } from 'better-sqlite3';
import { createSchemaExtension } from '../../gpkg/gpkg-schema.js';

/**
 * Schema 2: the GeoPackage schema extension, so GIS tools show each property with its title and
 * unit, `extra_json` as JSON, and enumerations as lists. The rows themselves are derived from the
 * scene format on open (sync-kind-tables.ts).
 */
export const migration002 = {
  version: 2,
  name: 'data-columns',
  up(db: Database): void {
    createSchemaExtension(db);
  },
};
