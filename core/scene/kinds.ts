/**
 * The kinds of scene format v1 (`shared/spec/scene-format.md`): what planners draw (input kinds)
 * and what analyses add (output kinds, read-only, never stored as input).
 */
export const INPUT_KINDS = [
  'analysis_area',
  'site',
  'building',
  'crowd_zone',
  'barrier',
  'camera',
  'perimeter',
  'road',
  'obstacle',
  'entrance',
  'frontage',
  'vehicle_origin',
  'note',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const OUTPUT_KINDS = [
  'camera_view',
  'coverage_gap',
  'approach_path',
  'barrier_check',
  'standoff_ring',
  'standoff_breach',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export type GeometryType = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';

/** Geometry types each input kind accepts (scene-format.md, "Input kinds"). `note` takes any. */
export const KIND_GEOMETRIES: Record<InputKind, readonly GeometryType[]> = {
  analysis_area: ['Polygon'],
  site: ['Polygon', 'MultiPolygon'],
  building: ['Polygon', 'MultiPolygon'],
  crowd_zone: ['Polygon'],
  barrier: ['LineString'],
  camera: ['Point'],
  perimeter: ['Polygon', 'LineString'],
  road: ['LineString', 'Polygon'],
  obstacle: ['Polygon', 'Point'],
  entrance: ['Point', 'LineString'],
  frontage: ['LineString'],
  vehicle_origin: ['Point'],
  note: ['Point', 'LineString', 'Polygon', 'MultiPolygon'],
};

export function isInputKind(kind: unknown): kind is InputKind {
  return typeof kind === 'string' && (INPUT_KINDS as readonly string[]).includes(kind);
}

export function isOutputKind(kind: unknown): kind is OutputKind {
  return typeof kind === 'string' && (OUTPUT_KINDS as readonly string[]).includes(kind);
}
