import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { InputKind } from '../../../core/scene/kinds.js';
import { BARRIER_TYPES, PERIMETER_TYPES } from '../../../core/scene/properties.js';
import { BARRIER_COLORS, KIND_COLORS, PERIMETER_COLORS } from './palette.js';
import { metricWidth } from './metric-width.js';

/** Kinds in drawing order, bottom to top: context first, then measures, then point symbols. */
export const DRAW_ORDER: readonly InputKind[] = [
  'analysis_area', 'road', 'obstacle', 'building', 'site', 'crowd_zone', 'perimeter', 'frontage', 'barrier', 'entrance', 'camera', 'vehicle_origin', 'note',
];

/** Zoom from which cameras are drawn as rotated glyphs with their field of view (≈ 1:8,000). */
export const CAMERA_GLYPH_ZOOM = 16;

/**
 * Below this zoom (≈ 1:6,500 at 44° N) the bulkiest kinds are drawn simplified: buildings
 * without outlines, crowd zones as a plain tint without hatching, barriers as one thin line
 * coloured by type. A 10 m building is then at most 6 px and a bollard row's dots merge, while
 * the full symbols cost seconds per frame for 100,000 features in software WebGL (W3 e2e at
 * 1:17,000, where a 2 km district fits the window: building outlines 1.1 s, zone hatching and
 * outlines 0.5 s, barrier styles 0.35 s per frame). The status bar says so while zoomed out.
 */
export const OVERVIEW_ZOOM = 15;

export interface KindLayerOptions {
  /** Latitude of the project, for widths given in metres. */
  latDeg: number;
  /** Prefix of layer ids ('' for the project's layers, 'live-' for the feature being edited). */
  prefix?: string;
}

const POLY: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
const str = (key: string, fallback: string): ExpressionSpecification => ['coalesce', ['get', key], fallback];
const num = (key: string, fallback: number): ExpressionSpecification => ['to-number', ['coalesce', ['get', key], fallback]];

/** Stable id of a kind layer, so the controller can filter, hide and query it. */
export function kindLayerId(prefix: string, kind: string, part: string): string {
  return `${prefix}k-${kind}-${part}`;
}

/** The layers drawing one kind from `source`, each with its base filter (the controller adds the selection filter). */
export function kindLayers(kind: InputKind, source: string, opts: KindLayerOptions): LayerSpecification[] {
  const p = opts.prefix ?? '';
  const id = (part: string) => kindLayerId(p, kind, part);
  const c = KIND_COLORS[kind];
  const lat = opts.latDeg;
  switch (kind) {
    case 'analysis_area':
      return [{ id: id('line'), type: 'line', source, filter: POLY, paint: { 'line-color': c, 'line-width': 1.5, 'line-dasharray': [6, 3] } }];
    case 'road':
      return [
        { id: id('fill'), type: 'fill', source, filter: POLY, paint: { 'fill-color': '#ffffff', 'fill-outline-color': '#c9c3b5' } },
        { id: id('casing'), type: 'line', source, filter: LINE, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#c9c3b5', 'line-width': metricWidth(['+', num('width_m', 7), 1], lat, 2) } },
        { id: id('line'), type: 'line', source, filter: LINE, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': metricWidth(num('width_m', 7), lat, 1) } },
      ];
    case 'obstacle': {
      const type = ['downcase', str('obstacle_type', '')] as ExpressionSpecification;
      const colour: ExpressionSpecification = [
        'case',
        ['in', 'water', type], '#a5c8e4',
        ['any', ['in', 'tree', type], ['in', 'green', type], ['in', 'grass', type], ['in', 'park', type]], '#bcd7a4',
        '#d8d2c4',
      ];
      return [
        { id: id('fill'), type: 'fill', source, filter: POLY, paint: { 'fill-color': colour, 'fill-opacity': 0.9 } },
        { id: id('outline'), type: 'line', source, filter: POLY, paint: { 'line-color': '#9c9585', 'line-width': 0.8 } },
        { id: id('circle'), type: 'circle', source, filter: POINT, paint: { 'circle-color': colour, 'circle-radius': metricWidth(num('radius_m', 0.5), lat, 2.5), 'circle-stroke-color': '#9c9585', 'circle-stroke-width': 0.8 } },
      ];
    }
    case 'building':
      return [
        { id: id('overview'), type: 'fill', source, filter: POLY, maxzoom: OVERVIEW_ZOOM, paint: { 'fill-color': '#b9b2a3', 'fill-antialias': false } },
        { id: id('fill'), type: 'fill', source, filter: POLY, minzoom: OVERVIEW_ZOOM, paint: { 'fill-color': c } },
        { id: id('outline'), type: 'line', source, filter: POLY, minzoom: OVERVIEW_ZOOM, paint: { 'line-color': '#a39d8e', 'line-width': 0.7 } },
      ];
    case 'site':
      return [
        { id: id('fill'), type: 'fill', source, filter: POLY, paint: { 'fill-color': c, 'fill-opacity': 0.1 } },
        { id: id('line'), type: 'line', source, filter: POLY, paint: { 'line-color': c, 'line-width': 2.5 } },
      ];
    case 'crowd_zone':
      return [
        { id: id('overview'), type: 'fill', source, filter: POLY, maxzoom: OVERVIEW_ZOOM, paint: { 'fill-color': c, 'fill-opacity': 0.6, 'fill-antialias': false } },
        { id: id('hatch'), type: 'fill', source, filter: POLY, minzoom: OVERVIEW_ZOOM, paint: { 'fill-pattern': 'bw-hatch', 'fill-opacity': 0.9 } },
        { id: id('line'), type: 'line', source, filter: POLY, minzoom: OVERVIEW_ZOOM, paint: { 'line-color': c, 'line-width': 1.8 } },
      ];
    case 'perimeter':
      // One layer per type: line-dasharray is not data-driven. Outer layers (1) draw wider.
      return PERIMETER_TYPES.map((t, i) => ({
        id: id(`line-${t}`),
        type: 'line' as const,
        source,
        filter: ['all', ['any', POLY, LINE], ['==', str('perimeter_type', 'cordon'), t]] as FilterSpecification,
        layout: { 'line-join': 'round' as const },
        paint: {
          'line-color': PERIMETER_COLORS[t],
          'line-width': ['interpolate', ['linear'], num('layer', 1), 1, 3, 4, 1.5] as ExpressionSpecification,
          'line-dasharray': [[5, 3], [8, 2, 1, 2], [3, 2], [1.5, 2]][i],
        },
      }));
    case 'frontage':
      return [{ id: id('line'), type: 'line', source, filter: LINE, paint: { 'line-color': c, 'line-width': 3, 'line-offset': 2, 'line-opacity': ['case', ['==', ['get', 'active'], false], 0.35, 0.9] } }];
    case 'barrier': {
      const byType = ['match', str('barrier_type', 'bollard'), ...Object.entries(BARRIER_COLORS).flat(), BARRIER_COLORS.bollard] as unknown as ExpressionSpecification;
      return [
        { id: id('overview'), type: 'line', source, filter: LINE, maxzoom: OVERVIEW_ZOOM, paint: { 'line-color': byType, 'line-width': 1.5 } },
        ...BARRIER_TYPES.flatMap((t) => barrierLayers(t, id(`line-${t}`), source)).map((l) => ({ ...l, minzoom: OVERVIEW_ZOOM })),
      ];
    }
    case 'entrance':
      return [
        { id: id('line'), type: 'line', source, filter: LINE, paint: { 'line-color': c, 'line-width': 4 } },
        { id: id('icon'), type: 'symbol', source, filter: POINT, layout: { 'icon-image': 'bw-entrance', 'icon-allow-overlap': true, 'icon-ignore-placement': true } },
      ];
    case 'camera':
      // Zoomed out, a camera is a dot: thousands of rotated glyphs would bury the plan (and
      // cost the main thread their placement). Glyphs from street scale on.
      return [
        { id: id('dot'), type: 'circle', source, filter: POINT, maxzoom: CAMERA_GLYPH_ZOOM, paint: { 'circle-radius': 2.5, 'circle-color': c, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8 } },
        {
          id: id('icon'),
          type: 'symbol',
          source,
          filter: POINT,
          minzoom: CAMERA_GLYPH_ZOOM,
          layout: {
            'icon-size': ['interpolate', ['linear'], ['zoom'], CAMERA_GLYPH_ZOOM, 0.7, 18, 1],
            'icon-image': 'bw-camera',
            'icon-rotate': num('bearing_deg', 0),
            'icon-rotation-alignment': 'map',
            'icon-allow-overlap': true,
            'icon-ignore-placement': true,
          },
        },
      ];
    case 'vehicle_origin':
      return [{ id: id('icon'), type: 'symbol', source, filter: POINT, layout: { 'icon-image': 'bw-origin', 'icon-allow-overlap': true, 'icon-ignore-placement': true } }];
    case 'note':
      return [
        { id: id('fill'), type: 'fill', source, filter: POLY, paint: { 'fill-color': c, 'fill-opacity': 0.12 } },
        { id: id('line'), type: 'line', source, filter: ['any', POLY, LINE], paint: { 'line-color': c, 'line-width': 1.5, 'line-dasharray': [2, 2] } },
        { id: id('icon'), type: 'symbol', source, filter: POINT, layout: { 'icon-image': 'bw-note', 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-anchor': 'bottom-left' } },
      ];
  }
}

/** Barrier lines as a planner draws them on paper: bollards as dots, walls solid, fences dashed. */
function barrierLayers(type: string, id: string, source: string): LayerSpecification[] {
  const filter: FilterSpecification = ['all', LINE, ['==', str('barrier_type', 'bollard'), type]];
  const colour = BARRIER_COLORS[type];
  const line = (suffix: string, width: number, dash: number[] | undefined, cap: 'round' | 'butt' | 'square', col = colour): LayerSpecification => ({
    id: id + suffix,
    type: 'line',
    source,
    filter,
    layout: { 'line-cap': cap, 'line-join': 'round' },
    paint: { 'line-color': col, 'line-width': width, ...(dash ? { 'line-dasharray': dash } : {}) },
  });
  switch (type) {
    case 'bollard':
      return [line('-guide', 1, undefined, 'butt', '#868e96'), line('', 6, [0, 2], 'round')];
    case 'wall':
      return [line('', 5, undefined, 'butt')];
    case 'fence':
      return [line('', 2, [4, 2], 'butt')];
    case 'planter':
      return [line('', 7, [1.4, 0.6], 'butt')];
    case 'gate':
      return [line('-casing', 6, undefined, 'butt'), line('', 3, [2, 1], 'butt', '#ffd8a8')];
    case 'street_furniture':
      return [line('', 4, [1, 1.5], 'butt')];
    case 'tree':
      return [line('', 9, [0, 1.6], 'round')];
    default:
      return [line('', 3, undefined, 'butt')];
  }
}

/** The camera field-of-view wedges, drawn under the camera glyphs. */
export function cameraFovLayers(source: string, prefix = ''): LayerSpecification[] {
  return [
    { id: `${prefix}camera-fov-fill`, type: 'fill', source, minzoom: CAMERA_GLYPH_ZOOM - 1, paint: { 'fill-color': KIND_COLORS.camera, 'fill-opacity': 0.07 } },
    { id: `${prefix}camera-fov-line`, type: 'line', source, minzoom: CAMERA_GLYPH_ZOOM - 1, paint: { 'line-color': KIND_COLORS.camera, 'line-width': 1, 'line-opacity': 0.7, 'line-dasharray': [3, 2] } },
  ];
}
