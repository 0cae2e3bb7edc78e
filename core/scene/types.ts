import type { InputKind } from './kinds.js';

export type Position = [number, number] | [number, number, number];

export type SceneGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Property values a scene feature may carry: scalars and JSON-shaped values for unknown properties. */
export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };

export interface SceneProperties {
  kind: string;
  name?: string;
  [key: string]: PropertyValue | undefined;
}

/** One feature of scene format v1: a GeoJSON Feature with a stable string id. */
export interface SceneFeature<K extends string = string> {
  type: 'Feature';
  id: string;
  geometry: SceneGeometry;
  properties: SceneProperties & { kind: K };
}

export interface VehicleClassInput {
  code: string;
  name: string;
  mass_kg: number;
  width_m: number;
  accel_mps2: number;
  top_speed_kmh: number;
  min_turn_radius_m: number;
  lateral_g: number;
  brake_mps2?: number;
  accel_curve?: [number, number][];
  [key: string]: PropertyValue | undefined;
}

export interface SceneMeta {
  version: 1;
  name?: string;
  marking?: string;
  vehicles?: VehicleClassInput[];
  settings?: { dori_preset?: string; [key: string]: PropertyValue | undefined };
  [key: string]: unknown;
}

/** A whole scene: `{ type: 'FeatureCollection', bulwark: {...}, features }`. */
export interface Scene {
  type: 'FeatureCollection';
  bulwark: SceneMeta;
  features: SceneFeature[];
}

export type KindFeature<K extends InputKind> = SceneFeature<K>;
