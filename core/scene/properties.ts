import type { InputKind } from './kinds.js';
import type { PropertyValue, SceneProperties } from './types.js';

/**
 * The properties of each input kind, as scene-format.md lists them: type, unit, default and the
 * values a planner may enter. One table drives validation, the store's columns and the
 * properties panel, so the three can never disagree.
 */
export type PropertySpec =
  | {
      key: string;
      type: 'number';
      unit?: string;
      label: string;
      /** Inclusive lower bound unless `minExclusive`. */
      min?: number;
      minExclusive?: boolean;
      max?: number;
      integer?: boolean;
      default?: number;
      /** Default derived from other properties (described for the user). */
      derivedDefault?: string;
    }
  | { key: string; type: 'string'; label: string; default?: string; multiline?: boolean }
  | { key: string; type: 'enum'; label: string; values: readonly string[]; default: string }
  | { key: string; type: 'boolean'; label: string; default?: boolean; derivedDefault?: string };

const name: PropertySpec = { key: 'name', type: 'string', label: 'Name' };
const heightM = (d: number): PropertySpec => ({ key: 'height_m', type: 'number', unit: 'm', label: 'Height', min: 0, max: 1000, default: d });

export const BARRIER_TYPES = ['bollard', 'planter', 'wall', 'fence', 'gate', 'street_furniture', 'tree'] as const;
export const ASSET_TYPES = ['stadium', 'arena', 'religious', 'market', 'transport_hub', 'tourist_site', 'school', 'office', 'other'] as const;
export const PERIMETER_TYPES = ['cordon', 'vehicle_exclusion', 'screening', 'inner'] as const;

export const KIND_PROPERTIES: Record<InputKind, readonly PropertySpec[]> = {
  analysis_area: [name],
  site: [name, { key: 'asset_type', type: 'enum', label: 'Asset type', values: ASSET_TYPES, default: 'other' }],
  building: [name, heightM(10)],
  crowd_zone: [
    name,
    { key: 'density_ppm2', type: 'number', unit: 'p/m²', label: 'Crowd density', min: 0, max: 10, default: 2.0 },
    { key: 'active', type: 'string', label: 'Active when' },
  ],
  barrier: [
    name,
    { key: 'barrier_type', type: 'enum', label: 'Barrier type', values: BARRIER_TYPES, default: 'bollard' },
    { key: 'rating', type: 'string', label: 'Crash rating' },
    { key: 'gap_m', type: 'number', unit: 'm', label: 'Widest clear gap', min: 0, max: 100, default: 0 },
    { key: 'stops_vehicles', type: 'boolean', label: 'Stops vehicles', derivedDefault: 'true for bollard, planter, wall, gate' },
    { key: 'blocks_sight', type: 'boolean', label: 'Blocks sight', derivedDefault: 'true for wall' },
    heightM(1.0),
  ],
  camera: [
    name,
    { key: 'bearing_deg', type: 'number', unit: '°', label: 'Bearing', min: 0, max: 360, default: 0 },
    { key: 'hfov_deg', type: 'number', unit: '°', label: 'Horizontal field of view', min: 0, minExclusive: true, max: 360, default: 90 },
    { key: 'focal_length_mm', type: 'number', unit: 'mm', label: 'Lens focal length (when no field of view is given)', min: 0, minExclusive: true, max: 2000 },
    { key: 'sensor_format', type: 'string', label: 'Sensor format, e.g. 1/3" (with the focal length)' },
    heightM(4),
    { key: 'tilt_deg', type: 'number', unit: '°', label: 'Tilt below horizontal', min: -90, max: 90, derivedDefault: 'aimed so the Detect reach is at the far edge' },
    { key: 'resolution_h_px', type: 'number', unit: 'px', label: 'Horizontal resolution', min: 1, max: 100000, integer: true, default: 1920 },
    { key: 'resolution_v_px', type: 'number', unit: 'px', label: 'Vertical resolution', min: 1, max: 100000, integer: true, default: 1080 },
    { key: 'range_m', type: 'number', unit: 'm', label: 'Range', min: 0, minExclusive: true, max: 10000, derivedDefault: 'the Detect distance' },
  ],
  perimeter: [
    name,
    { key: 'layer', type: 'number', label: 'Layer (1 = outermost)', min: 1, max: 99, integer: true, default: 1 },
    { key: 'perimeter_type', type: 'enum', label: 'Perimeter type', values: PERIMETER_TYPES, default: 'cordon' },
  ],
  road: [
    name,
    { key: 'width_m', type: 'number', unit: 'm', label: 'Carriageway width', min: 0, minExclusive: true, max: 200, default: 7 },
    { key: 'speed_limit_kmh', type: 'number', unit: 'km/h', label: 'Speed limit', min: 0, max: 200 },
  ],
  obstacle: [
    name,
    { key: 'obstacle_type', type: 'string', label: 'Obstacle type' },
    { key: 'radius_m', type: 'number', unit: 'm', label: 'Radius (point obstacles)', min: 0, minExclusive: true, max: 1000 },
    { key: 'stops_vehicles', type: 'boolean', label: 'Stops vehicles', default: false },
    { key: 'blocks_sight', type: 'boolean', label: 'Blocks sight', default: false },
    heightM(1),
  ],
  entrance: [
    name,
    { key: 'width_m', type: 'number', unit: 'm', label: 'Clear width', min: 0, minExclusive: true, max: 200, default: 2 },
    { key: 'egress', type: 'boolean', label: 'Usable for egress', default: true },
  ],
  frontage: [name, { key: 'active', type: 'boolean', label: 'Active frontage', default: true }],
  vehicle_origin: [name],
  note: [name, { key: 'text', type: 'string', label: 'Text', multiline: true }],
};

/** The spec of one property of a kind, or undefined when the property is not part of the format. */
export function propertySpec(kind: InputKind, key: string): PropertySpec | undefined {
  return KIND_PROPERTIES[kind].find((p) => p.key === key);
}

/** Keys of the properties defined for a kind (excluding `kind` itself). */
export function knownPropertyKeys(kind: InputKind): string[] {
  return KIND_PROPERTIES[kind].map((p) => p.key);
}

/** Barrier default for `stops_vehicles` by type (scene-format.md). */
export function barrierStopsVehiclesDefault(barrierType: string): boolean {
  return barrierType === 'bollard' || barrierType === 'planter' || barrierType === 'wall' || barrierType === 'gate';
}

/** Barrier default for `blocks_sight` by type (scene-format.md). */
export function barrierBlocksSightDefault(barrierType: string): boolean {
  return barrierType === 'wall';
}

/**
 * A property's effective value: the stored one, else the format's default (derived defaults of
 * barriers included). Camera `tilt_deg` and `range_m` have derived defaults computed by the
 * coverage analysis; here they are undefined when absent.
 */
export function effectiveProperty(kind: InputKind, props: SceneProperties, key: string): PropertyValue | undefined {
  const v = props[key];
  if (v !== undefined && v !== null) return v;
  if (kind === 'barrier') {
    const type = typeof props.barrier_type === 'string' ? props.barrier_type : 'bollard';
    if (key === 'stops_vehicles') return barrierStopsVehiclesDefault(type);
    if (key === 'blocks_sight') return barrierBlocksSightDefault(type);
  }
  const spec = propertySpec(kind, key);
  return spec && 'default' in spec ? spec.default : undefined;
}

export function numberProperty(kind: InputKind, props: SceneProperties, key: string): number | undefined {
  const v = effectiveProperty(kind, props, key);
  return typeof v === 'number' ? v : undefined;
}

export function booleanProperty(kind: InputKind, props: SceneProperties, key: string): boolean {
  return effectiveProperty(kind, props, key) === true;
}
