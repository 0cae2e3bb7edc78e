import type { PropertyValue, SceneFeature, SceneGeometry, SceneProperties } from '../../core/scene/types.js';
import { decodeBlobGeometry, encodeGeometryBlob } from '../gpkg/geometry-blob.js';
import { geometryHasZ, type GeoJsonGeometry } from '../gpkg/wkb.js';
import type { KindColumn, KindTable } from './feature-tables.js';
import { assignOwn, setOwn } from './set-own.js';

/**
 * Scene features ↔ rows of the feature tables. A property the format defines goes to its column
 * (NULL when absent, so defaults stay derived); anything that does not fit a column — an unknown
 * property, or an explicit `null` — goes to `extra_json` in its original order, so nothing is lost.
 */

/** A row's values in column order: geom, feature_id, the property columns, extra_json. */
export type KindRowValues = unknown[];

function columnValue(c: KindColumn, v: PropertyValue | undefined): { ok: boolean; value: unknown } {
  if (v === undefined) return { ok: true, value: null };
  switch (c.type) {
    case 'BOOLEAN':
      return typeof v === 'boolean' ? { ok: true, value: v ? 1 : 0 } : { ok: false, value: null };
    case 'INTEGER':
      return typeof v === 'number' && Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, value: null };
    case 'REAL':
      return typeof v === 'number' && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, value: null };
    default:
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, value: null };
  }
}

export function encodeGeometry(g: SceneGeometry | GeoJsonGeometry): Uint8Array {
  return encodeGeometryBlob(g as GeoJsonGeometry);
}

export function kindRowValues(t: KindTable, f: SceneFeature): { values: KindRowValues; hasZ: boolean } {
  const props = f.properties;
  const known = new Map<string, KindColumn>(t.columns.map((c) => [c.key, c]));
  const values: unknown[] = [encodeGeometry(f.geometry), f.id];
  const extra: Record<string, PropertyValue> = {};
  let extraCount = 0;
  const columnValues = new Map<string, unknown>();
  for (const key of Object.keys(props)) {
    if (key === 'kind') continue;
    const v = props[key];
    if (v === undefined) continue;
    const c = known.get(key);
    const cv = c ? columnValue(c, v) : { ok: false, value: null };
    if (c && cv.ok && v !== null) columnValues.set(key, cv.value);
    else {
      setOwn(extra, key, v);
      extraCount++;
    }
  }
  for (const c of t.columns) values.push(columnValues.has(c.key) ? columnValues.get(c.key) : null);
  values.push(extraCount ? JSON.stringify(extra) : null);
  return { values, hasZ: geometryHasZ(f.geometry as GeoJsonGeometry) };
}

/** Rebuilds a feature from a raw row `[geom, feature_id, ...columns, extra_json]`. */
export function kindRowToFeature(t: KindTable, row: unknown[]): SceneFeature {
  const props: SceneProperties = { kind: t.kind };
  for (let i = 0; i < t.columns.length; i++) {
    const v = row[2 + i];
    if (v === null || v === undefined) continue;
    const c = t.columns[i];
    props[c.key] = c.type === 'BOOLEAN' ? v === 1 || v === 1n : typeof v === 'bigint' ? Number(v) : (v as PropertyValue);
  }
  const extra = row[2 + t.columns.length];
  if (typeof extra === 'string') assignOwn(props, JSON.parse(extra) as Record<string, PropertyValue>);
  return { type: 'Feature', id: row[1] as string, properties: props, geometry: decodeGeometry(row[0]) };
}

export function decodeGeometry(blob: unknown): SceneGeometry {
  return decodeBlobGeometry(blob as Uint8Array) as SceneGeometry;
}

const WKB_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection']);

/** Unknown kinds: `[geom, feature_id, kind, properties_json, geometry_json]`. */
export function unknownRowValues(f: SceneFeature): { values: unknown[]; hasZ: boolean } {
  const { kind, ...rest } = f.properties;
  const propsJson = Object.keys(rest).length ? JSON.stringify(rest) : null;
  const g = f.geometry as unknown as GeoJsonGeometry;
  let blob: Uint8Array | null = null;
  if (g && WKB_TYPES.has(g.type)) {
    try {
      blob = encodeGeometry(g);
    } catch {
      blob = null; // coordinates WKB cannot hold: keep the GeoJSON text instead
    }
  }
  return { values: [blob, f.id, kind, propsJson, blob ? null : JSON.stringify(f.geometry)], hasZ: blob !== null && geometryHasZ(g) };
}

export function unknownRowToFeature(row: unknown[]): SceneFeature {
  const props: SceneProperties = { kind: row[2] as string };
  if (typeof row[3] === 'string') assignOwn(props, JSON.parse(row[3]) as Record<string, PropertyValue>);
  const geometry = row[0] != null ? decodeGeometry(row[0]) : (JSON.parse(row[4] as string) as SceneGeometry);
  return { type: 'Feature', id: row[1] as string, properties: props, geometry };
}
