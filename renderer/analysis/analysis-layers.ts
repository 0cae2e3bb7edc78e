import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import type { Position, SceneFeature, SceneGeometry } from '../../core/scene/types.js';
import { CRITICAL_SPEED_KMH, SEVERE_SPEED_KMH } from './thresholds.js';

/**
 * Map sources and layers for the analysis outputs (scene-format.md "Output kinds"), as pure
 * functions of the result: the MapController adds them and toggles them by group. Only geometry
 * and colours live here; labels are canvas images (analysis-images.ts), so no glyphs are fetched.
 */
export const ANALYSIS_SOURCES = {
  views: 'bulwark-analysis-views',
  gaps: 'bulwark-analysis-gaps',
  paths: 'bulwark-analysis-paths',
  impacts: 'bulwark-analysis-impacts',
  barriers: 'bulwark-analysis-barriers',
  rings: 'bulwark-analysis-rings',
  breaches: 'bulwark-analysis-breaches',
} as const;
export type AnalysisSourceId = (typeof ANALYSIS_SOURCES)[keyof typeof ANALYSIS_SOURCES];

const L = {
  viewsFill: 'bulwark-analysis-views-fill',
  viewsOutline: 'bulwark-analysis-views-outline',
  gapsFill: 'bulwark-analysis-gaps-hatch',
  gapsLine: 'bulwark-analysis-gaps-outline',
  ringsLine: 'bulwark-analysis-rings-line',
  breachesFill: 'bulwark-analysis-breaches-fill',
  breachesLine: 'bulwark-analysis-breaches-outline',
  checksLine: 'bulwark-analysis-barrier-checks-line',
  checksBadge: 'bulwark-analysis-barrier-checks-badge',
  pathsCasing: 'bulwark-analysis-paths-casing',
  pathsLine: 'bulwark-analysis-paths-speed',
  pathSelected: 'bulwark-analysis-path-selected',
  impacts: 'bulwark-analysis-paths-impact-label',
} as const;
export const ANALYSIS_LAYER_IDS = L;

export interface AnalysisLayerGroup {
  id: 'views' | 'gaps' | 'paths' | 'barrier_checks' | 'rings' | 'breaches';
  label: string;
  layerIds: readonly string[];
}

/** The analysis rows of the layers panel, each toggling its layers together (DESIGN.md "The window"). */
export const ANALYSIS_LAYER_GROUPS: readonly AnalysisLayerGroup[] = [
  { id: 'views', label: 'Camera views (DORI)', layerIds: [L.viewsFill, L.viewsOutline] },
  { id: 'gaps', label: 'Coverage gaps', layerIds: [L.gapsFill, L.gapsLine] },
  { id: 'paths', label: 'Approach paths', layerIds: [L.pathsCasing, L.pathsLine, L.pathSelected, L.impacts] },
  { id: 'barrier_checks', label: 'Barrier checks', layerIds: [L.checksLine, L.checksBadge] },
  { id: 'rings', label: 'Standoff rings', layerIds: [L.ringsLine] },
  { id: 'breaches', label: 'Standoff breaches', layerIds: [L.breachesFill, L.breachesLine] },
];

/** Problem colours are kept for problems; everything informative is blue-grey. */
export const ANALYSIS_COLOURS = {
  problem: '#c0392b',
  warning: '#d68910',
  ok: '#2e7d5b',
  neutral: '#7b8794',
  ink: '#1f2933',
} as const;

/** Light → dark by image detail; both IEC 62676-4 presets' level names (cctv.md §1.1, §1.2). */
export const DORI_COLOURS: Record<string, string> = {
  monitor: '#eef3f9',
  detect: '#d6e4f2',
  observe: '#a6c3e3',
  recognise: '#5e8fc8',
  identify: '#2a5a9a',
  inspect: '#15325c',
  overview: '#e3ecf6',
  outline: '#d6e4f2',
  discern: '#a6c3e3',
  perceive: '#7aa3d4',
  characterise: '#2a5a9a',
  validate: '#1d4378',
  scrutinise: '#15325c',
};
const DORI_ORDER = Object.keys(DORI_COLOURS);

export const VERDICT_COLOURS = { pass: ANALYSIS_COLOURS.ok, fail: ANALYSIS_COLOURS.problem, unrated: ANALYSIS_COLOURS.warning, not_reached: ANALYSIS_COLOURS.neutral } as const;
export type Verdict = keyof typeof VERDICT_COLOURS;
/** Worst first: the badge of a barrier shows its worst verdict over the chosen classes. */
const VERDICT_ORDER: readonly Verdict[] = ['fail', 'unrated', 'pass', 'not_reached'];

/** Speed colour of approach paths: blue below the critical speed, then amber, then red (thresholds.ts). */
export const SPEED_BANDS = [
  { fromKmh: 0, colour: '#9fb7d3', label: '< 16 km/h' },
  { fromKmh: 16, colour: '#5b84b8', label: '16–32 km/h' },
  { fromKmh: 32, colour: '#2c4f86', label: `32–${CRITICAL_SPEED_KMH} km/h` },
  { fromKmh: CRITICAL_SPEED_KMH, colour: ANALYSIS_COLOURS.warning, label: `${CRITICAL_SPEED_KMH}–${SEVERE_SPEED_KMH} km/h` },
  { fromKmh: SEVERE_SPEED_KMH, colour: ANALYSIS_COLOURS.problem, label: `≥ ${SEVERE_SPEED_KMH} km/h` },
] as const;

const speedColour: ExpressionSpecification = [
  'step',
  ['get', 'speed_kmh'],
  SPEED_BANDS[0].colour,
  ...SPEED_BANDS.slice(1).flatMap((b) => [b.fromKmh, b.colour]),
] as ExpressionSpecification;

export const BADGE_IMAGE_PREFIX = 'bulwark-badge-';
export const SPEED_IMAGE_PREFIX = 'bulwark-speed-';
export const HATCH_IMAGE = 'bulwark-hatch';
export const speedImageId = (kmh: number): string => `${SPEED_IMAGE_PREFIX}${kmh.toFixed(1)}`;

/** A plain GeoJSON feature as the map sources hold it (the scene's id goes into `properties.id`). */
export interface MapFeature {
  type: 'Feature';
  geometry: SceneGeometry;
  properties: Record<string, unknown>;
}
export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}
const collection = (features: MapFeature[]): MapFeatureCollection => ({ type: 'FeatureCollection', features });
const asGeoJson = (f: SceneFeature, properties: Record<string, unknown> = {}): MapFeature => ({
  type: 'Feature',
  geometry: f.geometry,
  properties: { ...f.properties, id: f.id, ...properties },
});

/** Pieces each accelerating or braking segment is cut into, so its colour changes along it. */
const PIECES_PER_SEGMENT = 8;

/**
 * Approach paths as short pieces, each with its own speed: maplibre's `line-gradient` is one
 * gradient per layer (it cannot differ per feature), so a data-driven colour per piece is what
 * lets every path show its own profile. Within a segment the vehicle accelerates or brakes at a
 * constant rate, so v² is linear in distance (v² = u² + 2as, hvm.md §1): the piece at fraction t
 * gets v = √(u² + (w² − u²)·t), taken at the piece's middle.
 */
export function pathSegments(paths: readonly SceneFeature[]): MapFeature[] {
  const out: MapFeature[] = [];
  for (const p of paths) {
    if (p.geometry.type !== 'LineString') continue;
    const coords = p.geometry.coordinates;
    const speeds = Array.isArray(p.properties.speeds_kmh) ? (p.properties.speeds_kmh as number[]) : [];
    for (let i = 0; i + 1 < coords.length; i++) {
      const u = speeds[i] ?? 0;
      const w = speeds[i + 1] ?? u;
      const n = Math.abs(w - u) < 0.5 ? 1 : PIECES_PER_SEGMENT;
      const at = (t: number): Position => [coords[i][0] + (coords[i + 1][0] - coords[i][0]) * t, coords[i][1] + (coords[i + 1][1] - coords[i][1]) * t];
      for (let k = 0; k < n; k++) {
        const mid = (k + 0.5) / n;
        out.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [k === 0 ? coords[i] : at(k / n), k === n - 1 ? coords[i + 1] : at((k + 1) / n)] },
          properties: { path_id: p.id, vehicle: p.properties.vehicle, target_id: p.properties.target_id, segment: i, speed_kmh: Math.sqrt(u * u + (w * w - u * u) * mid) },
        });
      }
    }
  }
  return out;
}

/** The GeoJSON sources, by id, for a result (empty collections when there is none yet). */
export function analysisSources(result: AnalysisResult | null): Record<AnalysisSourceId, GeoJSONSourceSpecification> {
  const of = (kind: string) => (result?.features ?? []).filter((f) => f.properties.kind === kind);
  const paths = of('approach_path');
  // The fastest path per target is drawn by default; every class's path draws only on request.
  const fastest = new Map<string, SceneFeature>();
  for (const p of paths) {
    const key = String(p.properties.target_id);
    const best = fastest.get(key);
    if (!best || Number(p.properties.impact_speed_kmh) > Number(best.properties.impact_speed_kmh)) fastest.set(key, p);
  }
  const worstIds = new Set([...fastest.values()].map((p) => p.id));

  const impacts = paths.flatMap((p): MapFeature[] => {
    if (p.geometry.type !== 'LineString' || typeof p.properties.impact_speed_kmh !== 'number') return [];
    const end = p.geometry.coordinates[p.geometry.coordinates.length - 1];
    const speed = p.properties.impact_speed_kmh;
    return [{ type: 'Feature', geometry: { type: 'Point', coordinates: end as Position }, properties: { path_id: p.id, vehicle: p.properties.vehicle, impact_speed_kmh: speed, label_image: speedImageId(speed), worst: worstIds.has(p.id) } }];
  });

  const worst = new Map<string, SceneFeature>();
  for (const c of of('barrier_check')) {
    const id = String(c.properties.barrier_id);
    const prev = worst.get(id);
    if (!prev || VERDICT_ORDER.indexOf(c.properties.verdict as Verdict) < VERDICT_ORDER.indexOf(prev.properties.verdict as Verdict)) worst.set(id, c);
  }
  const badges = [...worst.values()].map((c) => asGeoJson(c, { badge_image: `${BADGE_IMAGE_PREFIX}${String(c.properties.verdict)}` }));

  const geojson = (data: MapFeatureCollection): GeoJSONSourceSpecification => ({ type: 'geojson', data: data as unknown as GeoJSONSourceSpecification['data'] });
  return {
    [ANALYSIS_SOURCES.views]: geojson(collection(of('camera_view').map((f) => asGeoJson(f, { dori_rank: DORI_ORDER.indexOf(String(f.properties.dori)) })))),
    [ANALYSIS_SOURCES.gaps]: geojson(collection(of('coverage_gap').map((f) => asGeoJson(f)))),
    [ANALYSIS_SOURCES.paths]: geojson(collection(pathSegments(paths).map((f) => ({ ...f, properties: { ...f.properties, worst: worstIds.has(String(f.properties.path_id)) } })))),
    [ANALYSIS_SOURCES.impacts]: geojson(collection(impacts)),
    [ANALYSIS_SOURCES.barriers]: geojson(collection(badges)),
    [ANALYSIS_SOURCES.rings]: geojson(collection(of('standoff_ring').map((f) => asGeoJson(f)))),
    [ANALYSIS_SOURCES.breaches]: geojson(collection(of('standoff_breach').map((f) => asGeoJson(f)))),
  } as Record<AnalysisSourceId, GeoJSONSourceSpecification>;
}

export interface AnalysisLayerOptions {
  /** DORI levels whose gaps are drawn (default: the Detect-role level of either preset). */
  gapLevels?: readonly string[];
  selectedPathId?: string | null;
  /** Draw every class's approach path, not only the fastest per target. */
  allPaths?: boolean;
  /** Draw standoff rings and breaches of this threat id only (each threat's rings nest, so all at once clutter). */
  threat?: string | null;
}

/** The filter of the selected-path highlight; `setFilter(ANALYSIS_LAYER_IDS.pathSelected, …)` on selection. */
export function selectedPathFilter(pathId: string | null | undefined): FilterSpecification {
  return ['==', ['get', 'path_id'], pathId ?? ''];
}

const fastestPathFilter: FilterSpecification = ['==', ['get', 'worst'], true];

/** The filter of the ring and breach layers for one threat, or none for all threats. */
export function threatFilter(threat: string | null | undefined): FilterSpecification | null {
  return threat ? ['==', ['get', 'threat'], threat] : null;
}

/** Layers bottom to top: views, gaps, rings, breaches, barrier checks, paths, labels and badges. */
export function analysisLayers(options: AnalysisLayerOptions = {}): LayerSpecification[] {
  const gapLevels = options.gapLevels ?? ['detect', 'overview'];
  const gapFilter: FilterSpecification = ['in', ['get', 'dori'], ['literal', [...gapLevels]]];
  const byThreat = threatFilter(options.threat) ?? undefined;
  const pathFilter = options.allPaths ? undefined : fastestPathFilter;
  const doriColour = ['match', ['get', 'dori'], ...Object.entries(DORI_COLOURS).flat(), DORI_COLOURS.detect] as unknown as ExpressionSpecification;
  const verdictColour = ['match', ['get', 'verdict'], ...Object.entries(VERDICT_COLOURS).flat(), ANALYSIS_COLOURS.neutral] as unknown as ExpressionSpecification;
  return [
    {
      id: L.viewsFill, type: 'fill', source: ANALYSIS_SOURCES.views,
      layout: { 'fill-sort-key': ['get', 'dori_rank'] },
      paint: { 'fill-color': doriColour, 'fill-opacity': 0.55 },
    },
    {
      id: L.viewsOutline, type: 'line', source: ANALYSIS_SOURCES.views,
      filter: ['in', ['get', 'dori'], ['literal', ['detect', 'overview']]],
      paint: { 'line-color': '#5e8fc8', 'line-width': 0.75, 'line-opacity': 0.8 },
    },
    { id: L.gapsFill, type: 'fill', source: ANALYSIS_SOURCES.gaps, filter: gapFilter, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 } },
    {
      id: L.gapsLine, type: 'line', source: ANALYSIS_SOURCES.gaps, filter: gapFilter,
      paint: { 'line-color': ANALYSIS_COLOURS.problem, 'line-width': 1.25, 'line-dasharray': [3, 2] },
    },
    {
      id: L.ringsLine, type: 'line', source: ANALYSIS_SOURCES.rings,
      ...(byThreat && { filter: byThreat }),
      // Evacuation on top: the shelter annulus' inner edge runs along the evacuation ring.
      layout: { 'line-sort-key': ['match', ['get', 'zone'], 'evacuation', 2, 1] },
      paint: {
        'line-color': ['match', ['get', 'zone'], 'evacuation', ANALYSIS_COLOURS.problem, 'shelter', ANALYSIS_COLOURS.warning, ANALYSIS_COLOURS.neutral],
        'line-width': 1.5,
        'line-dasharray': [4, 3],
      },
    },
    // Light fill: breaches of several threats and targets overlap.
    { id: L.breachesFill, type: 'fill', source: ANALYSIS_SOURCES.breaches, ...(byThreat && { filter: byThreat }), paint: { 'fill-color': ANALYSIS_COLOURS.problem, 'fill-opacity': 0.07 } },
    { id: L.breachesLine, type: 'line', source: ANALYSIS_SOURCES.breaches, ...(byThreat && { filter: byThreat }), paint: { 'line-color': ANALYSIS_COLOURS.problem, 'line-width': 1.25, 'line-opacity': 0.8 } },
    {
      id: L.checksLine, type: 'line', source: ANALYSIS_SOURCES.barriers,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': verdictColour, 'line-width': 5, 'line-opacity': 0.85 },
    },
    {
      id: L.pathsCasing, type: 'line', source: ANALYSIS_SOURCES.paths,
      ...(pathFilter && { filter: pathFilter }),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 6 },
    },
    {
      id: L.pathsLine, type: 'line', source: ANALYSIS_SOURCES.paths,
      ...(pathFilter && { filter: pathFilter }),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': speedColour, 'line-width': 3.5 },
    },
    {
      id: L.pathSelected, type: 'line', source: ANALYSIS_SOURCES.paths,
      filter: selectedPathFilter(options.selectedPathId),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': speedColour, 'line-width': 7 },
    },
    {
      id: L.impacts, type: 'symbol', source: ANALYSIS_SOURCES.impacts,
      ...(pathFilter && { filter: pathFilter }),
      // Labels that would overprint each other are dropped rather than stacked.
      layout: { 'icon-image': ['get', 'label_image'], 'icon-anchor': 'bottom-left', 'icon-offset': [3, -3], 'icon-allow-overlap': false, 'icon-padding': 1 },
    },
    {
      id: L.checksBadge, type: 'symbol', source: ANALYSIS_SOURCES.barriers,
      layout: { 'symbol-placement': 'line-center', 'icon-image': ['get', 'badge_image'], 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-rotation-alignment': 'viewport' },
    },
  ];
}
