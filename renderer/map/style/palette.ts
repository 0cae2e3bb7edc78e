import type { InputKind } from '../../../core/scene/kinds.js';

/**
 * One calm palette for the plan: context (buildings, roads) in paper greys so the security
 * measures read first; each measure a distinct, print-safe colour.
 */
export const PAPER = '#f3f1ec';
export const INK = '#1f2933';

export const KIND_COLORS: Record<InputKind, string> = {
  analysis_area: '#6b7280',
  site: '#6d28d9',
  building: '#cfc9bc',
  crowd_zone: '#d9480f',
  barrier: '#1f2933',
  camera: '#1d4ed8',
  perimeter: '#c2255c',
  road: '#ffffff',
  obstacle: '#a8a291',
  entrance: '#0f9d58',
  frontage: '#0b7285',
  vehicle_origin: '#c92a2a',
  note: '#b08800',
};

export const BARRIER_COLORS: Record<string, string> = {
  bollard: '#1f2933',
  wall: '#111827',
  fence: '#495057',
  planter: '#2b8a3e',
  gate: '#a15c07',
  street_furniture: '#5c677d',
  tree: '#2f6f3e',
};

export const PERIMETER_COLORS: Record<string, string> = {
  cordon: '#c2255c',
  vehicle_exclusion: '#c92a2a',
  screening: '#7048e8',
  inner: '#0b7285',
};

export const SELECTION = '#f59f00';

export const KIND_LABELS: Record<InputKind, string> = {
  analysis_area: 'Analysis area',
  site: 'Sites',
  building: 'Buildings',
  crowd_zone: 'Crowd zones',
  barrier: 'Barriers',
  camera: 'Cameras',
  perimeter: 'Perimeters',
  road: 'Roads',
  obstacle: 'Obstacles',
  entrance: 'Entrances',
  frontage: 'Frontages',
  vehicle_origin: 'Vehicle origins',
  note: 'Notes',
};

/** One feature of a kind, as the undo menu says it: "crowd zone", "vehicle origin". */
export function kindNoun(kind: string): string {
  return kind.replace(/_/g, ' ');
}
