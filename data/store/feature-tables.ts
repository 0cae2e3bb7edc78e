import { INPUT_KINDS, KIND_GEOMETRIES, type InputKind } from '../../core/scene/kinds.js';
import { KIND_PROPERTIES, type PropertySpec } from '../../core/scene/properties.js';
import type { FeatureTableSpec, GpkgColumnType, GpkgGeometryType } from '../gpkg/gpkg-schema.js';

/**
 * The GeoPackage feature tables of a project, derived from the scene format's own tables
 * (`KIND_GEOMETRIES`, `KIND_PROPERTIES` in core/scene) so the file and the format cannot disagree:
 * one table per input kind, named after the kind, one column per property, `extra_json` for
 * properties the format does not define; and one table for features of kinds we do not know.
 */
export interface KindColumn {
  key: string;
  type: GpkgColumnType;
  spec: PropertySpec;
}

export interface KindTable {
  kind: InputKind;
  table: string;
  geometryType: GpkgGeometryType;
  columns: KindColumn[];
}

/** Table for features whose kind scene format v1 does not define (kept, round-tripped, not analysed). */
export const UNKNOWN_KIND_TABLE = 'unknown_kind_feature';

/** Columns every kind table has besides its properties; no property may use these names. */
export const RESERVED_COLUMNS = ['fid', 'geom', 'feature_id', 'extra_json'] as const;

export function columnType(spec: PropertySpec): GpkgColumnType {
  switch (spec.type) {
    case 'number':
      return spec.integer ? 'INTEGER' : 'REAL';
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
    case 'enum':
      return 'TEXT';
  }
}

function geometryTypeOf(kind: InputKind): GpkgGeometryType {
  const allowed = KIND_GEOMETRIES[kind];
  // A kind with several geometry types gets GEOMETRY, so Polygon vs MultiPolygon round-trips exactly.
  return allowed.length === 1 ? (allowed[0].toUpperCase() as GpkgGeometryType) : 'GEOMETRY';
}

export const KIND_TABLES: readonly KindTable[] = INPUT_KINDS.map((kind) => {
  const columns = KIND_PROPERTIES[kind].map((spec) => ({ key: spec.key, type: columnType(spec), spec }));
  for (const c of columns) {
    if ((RESERVED_COLUMNS as readonly string[]).includes(c.key) || c.key === 'kind') throw new Error(`property ${kind}.${c.key} collides with a store column`);
  }
  return { kind, table: kind, geometryType: geometryTypeOf(kind), columns };
});

export const KIND_TABLE_BY_KIND: ReadonlyMap<string, KindTable> = new Map(KIND_TABLES.map((t) => [t.kind, t]));

const KIND_DESCRIPTIONS: Record<InputKind, string> = {
  analysis_area: 'Extent studied',
  site: 'Assets to protect',
  building: 'Context buildings',
  crowd_zone: 'Where people gather',
  barrier: 'Barrier lines',
  camera: 'Fixed CCTV cameras',
  perimeter: 'Layers of layered security',
  road: 'Carriageways',
  obstacle: 'Other obstacles',
  entrance: 'Pedestrian openings',
  frontage: 'Active frontages',
  vehicle_origin: 'Hostile vehicle start points',
  note: 'Annotations',
};

export function kindTableSpec(t: KindTable): FeatureTableSpec {
  return {
    table: t.table,
    identifier: t.kind,
    description: `Bulwark ${t.kind}: ${KIND_DESCRIPTIONS[t.kind]} (scene format v1)`,
    geometryType: t.geometryType,
    columns: [
      { name: 'feature_id', type: 'TEXT', notNull: true, unique: true },
      ...t.columns.map((c) => ({ name: c.key, type: c.type })),
      { name: 'extra_json', type: 'TEXT' },
    ],
  };
}

export function unknownKindTableSpec(): FeatureTableSpec {
  return {
    table: UNKNOWN_KIND_TABLE,
    identifier: UNKNOWN_KIND_TABLE,
    description: 'Bulwark features of kinds this version does not know: kept as they are, ignored by analyses',
    geometryType: 'GEOMETRY',
    columns: [
      { name: 'feature_id', type: 'TEXT', notNull: true, unique: true },
      { name: 'kind', type: 'TEXT', notNull: true },
      { name: 'properties_json', type: 'TEXT' },
      // Only for a geometry WKB cannot carry (a type GeoJSON does not define); NULL otherwise.
      { name: 'geometry_json', type: 'TEXT' },
    ],
  };
}
