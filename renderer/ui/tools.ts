import type { GeometryType, InputKind } from '../../core/scene/kinds.js';

type DrawGeometry = Exclude<GeometryType, 'MultiPolygon'>;

export interface DrawTool {
  kind: InputKind;
  label: string;
  /** Key that picks the tool; with Shift it draws the alternative geometry. */
  key: string;
  geometry: DrawGeometry;
  alternative?: DrawGeometry;
}

/** The drawing tools, one per kind, in the order a planner works: context, asset, measures. */
export const DRAW_TOOLS: readonly DrawTool[] = [
  { kind: 'analysis_area', label: 'Analysis area', key: 'a', geometry: 'Polygon' },
  { kind: 'building', label: 'Building', key: 'b', geometry: 'Polygon' },
  { kind: 'road', label: 'Road', key: 'r', geometry: 'LineString', alternative: 'Polygon' },
  { kind: 'obstacle', label: 'Obstacle', key: 'o', geometry: 'Polygon', alternative: 'Point' },
  { kind: 'site', label: 'Site', key: 's', geometry: 'Polygon' },
  { kind: 'crowd_zone', label: 'Crowd zone', key: 'z', geometry: 'Polygon' },
  { kind: 'barrier', label: 'Barrier line', key: 'l', geometry: 'LineString' },
  { kind: 'camera', label: 'Camera', key: 'c', geometry: 'Point' },
  { kind: 'perimeter', label: 'Perimeter', key: 'p', geometry: 'Polygon', alternative: 'LineString' },
  { kind: 'entrance', label: 'Entrance', key: 'e', geometry: 'Point', alternative: 'LineString' },
  { kind: 'frontage', label: 'Active frontage', key: 'f', geometry: 'LineString' },
  { kind: 'vehicle_origin', label: 'Vehicle origin', key: 'h', geometry: 'Point' },
  { kind: 'note', label: 'Note', key: 'n', geometry: 'Point', alternative: 'Polygon' },
];

export const GEOMETRY_WORDS: Record<DrawGeometry, string> = { Point: 'point', LineString: 'line', Polygon: 'area' };

export function toolTip(t: DrawTool): string {
  const how = t.geometry === 'Point' ? 'click to place' : t.geometry === 'LineString' ? 'click each vertex, double-click or Enter to finish' : 'click each corner, click the first again or Enter to close';
  const alt = t.alternative ? ` · Shift+${t.key.toUpperCase()}: draw as ${GEOMETRY_WORDS[t.alternative]}` : '';
  return `${t.label} (${t.key.toUpperCase()}) — ${how}${alt}`;
}
