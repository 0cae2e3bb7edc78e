import { analysisArea, barrierStopsVehicle } from '../drivable/index.js';
import { vehicleClassesFor } from '../vehicles/vehicle-classes-for.js';
import { sceneFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import { booleanProperty, numberProperty } from '../scene/properties.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { disc, unionMostlyDisjoint, type Region } from '../standoff/polygon-ops.js';
import { polylineDistanceM, regionLineDistanceM } from '../standoff/region-distance.js';
import { featureRegion } from '../standoff/region-geometry.js';
import { layerArrangement, type CrossingRoute, type LayerLine } from './layer-crossings.js';
import {
  DEFAULT_PEDESTRIAN_WIDTH_M,
  DEFAULT_RESPONSE_TIME_S,
  DEFAULT_VEHICLE_WIDTH_M,
  LAYER_DEFAULTS,
  TAL_MAX_AIR_GAP_M,
  type LayerType,
} from './layer-defaults.js';
import { probabilityOfInterruption, type PathElement } from './probability-of-interruption.js';

export interface LayerGap {
  /** `open_end`: a line end meeting nothing; `element_gap`: a barrier's own widest gap; `entrance`: an opening on the line. */
  type: 'open_end' | 'element_gap' | 'entrance';
  /** Clear width, m; null when an open end meets nothing at all. */
  width_m: number | null;
  vehicle_permeable: boolean;
  /** Where: the open end or the entrance, WGS 84. */
  at?: [number, number];
  entrance_id?: string;
}

export interface LayerReport {
  layer_id: string;
  /** The perimeter's `layer` number (1 = outermost); null for barrier lines. */
  layer: number | null;
  type: LayerType;
  gaps: LayerGap[];
  /** Share of the layer's length covered by cameras at Detect or better, %, when given. */
  camera_detect_pct: number | null;
  /** Whether the best vehicle route / the shortest pedestrian route to this target crosses it. */
  vehicle_crosses: boolean;
  pedestrian_crosses: boolean;
}

export interface TargetLayers {
  target_id: string;
  /** Fewest layers a vehicle route must cross; null when no vehicle can reach it even across layers. */
  vehicle_layers_crossed: number | null;
  pedestrian_layers_crossed: number | null;
  /** The weaker route crosses at most one layer: no defence in depth. */
  single_layer: boolean;
  /** EASI probability of interruption of the worse of the two routes; null when neither exists. */
  p_interruption: number | null;
  /** Layer ids in crossing order. */
  vehicle_route: string[];
  pedestrian_route: string[];
  layers: LayerReport[];
}

export interface LayerOptions {
  /** Camera Detect coverage of each layer's length, % (from the coverage analysis). */
  perimeterCoverage?: Record<string, number>;
  /** Time from detection to response on site, s. */
  responseTimeS?: number;
  /** Delay at the target itself after the last layer, s (EASI task time). */
  targetDelayS?: number;
  /** Per-type detection probability and delay replacing `LAYER_DEFAULTS`. */
  layerDefaults?: Partial<Record<LayerType, Partial<PathElement>>>;
  /** Per-layer values by feature id, over the type's. */
  layerOverrides?: Record<string, Partial<PathElement>>;
  /** Width of the vehicle whose route is counted, m: by default the car (M1) of the scene's vehicle table, the narrowest threat. */
  vehicleWidthM?: number;
  /** Clear width a person needs, m (default 0.6). */
  pedestrianWidthM?: number;
}

export interface AnalysisProgress {
  onProgress?: (fraction: number) => void;
  signal?: { aborted: boolean };
}

interface SceneLayer extends LayerLine {
  feature: SceneFeature;
  layer: number | null;
  type: LayerType;
  closed: boolean;
}

/** An entrance lies on a layer when within this of its line, m. */
const ON_LINE_M = 1;

function abortError(): Error {
  const e = new Error('layers analysis aborted');
  e.name = 'AbortError';
  return e;
}

function sceneLayers(scene: Scene, frame: LocalFrame): SceneLayer[] {
  const out: SceneLayer[] = [];
  for (const f of scene.features) {
    const kind = f.properties.kind;
    let line: XY[] | undefined;
    if (f.geometry.type === 'Polygon') line = f.geometry.coordinates[0].map((p) => frame.toLocal(p));
    else if (f.geometry.type === 'LineString') line = f.geometry.coordinates.map((p) => frame.toLocal(p));
    if (!line || line.length < 2) continue;
    const closed = f.geometry.type === 'Polygon' || (line.length >= 4 && line[0][0] === line[line.length - 1][0] && line[0][1] === line[line.length - 1][1]);
    if (kind === 'perimeter') {
      const type = (typeof f.properties.perimeter_type === 'string' ? f.properties.perimeter_type : 'cordon') as LayerType;
      out.push({ id: f.id, feature: f, line, closed, layer: numberProperty('perimeter', f.properties, 'layer') ?? 1, type });
    } else if (kind === 'barrier' && booleanProperty('barrier', f.properties, 'stops_vehicles')) {
      out.push({ id: f.id, feature: f, line, closed, layer: null, type: 'barrier' });
    }
  }
  // Outermost first; barrier lines after numbered perimeters; then by id, so output order is stable.
  return out.sort((a, b) => (a.layer ?? 1e9) - (b.layer ?? 1e9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function blockedRegion(scene: Scene, frame: LocalFrame): Region {
  const parts: Region[] = [];
  for (const f of scene.features) {
    const kind = f.properties.kind;
    if (kind === 'building') parts.push(featureRegion(f, frame));
    else if (kind === 'obstacle' && booleanProperty('obstacle', f.properties, 'stops_vehicles')) {
      if (f.geometry.type === 'Point') {
        const radiusM = numberProperty('obstacle', f.properties, 'radius_m');
        if (radiusM && radiusM > 0) parts.push(disc(frame.toLocal(f.geometry.coordinates), radiusM));
      } else parts.push(featureRegion(f, frame));
    }
  }
  return unionMostlyDisjoint(parts);
}

/**
 * What leaves a layer open: line ends that meet nothing (the clear width to the nearest building,
 * area edge, other layer line or the line's own other end), barrier element gaps wider than TAL 1/11
 * allows, and entrances on the line.
 */
function layerGaps(
  layer: SceneLayer,
  others: readonly SceneLayer[],
  scene: Scene,
  frame: LocalFrame,
  blocked: Region,
  area: Region,
  widths: { vehicle: number; pedestrian: number },
): LayerGap[] {
  const gaps: LayerGap[] = [];
  if (!layer.closed) {
    const ends = [layer.line[0], layer.line[layer.line.length - 1]];
    const otherLines = others.filter((o) => o.id !== layer.id).map((o) => o.line);
    ends.forEach((end, k) => {
      const point = [[end, end]];
      const toBlocked = blocked.length > 0 ? regionLineDistanceM(blocked, point) : Infinity;
      const toEdge = polylineDistanceM(area.flat(), point);
      const toOthers = polylineDistanceM(otherLines, point);
      const otherEnd = ends[1 - k];
      const toOwnEnd = Math.hypot(otherEnd[0] - end[0], otherEnd[1] - end[1]);
      const width = Math.min(toBlocked, toEdge, toOthers, toOwnEnd);
      if (width < widths.pedestrian) return;
      gaps.push({ type: 'open_end', width_m: Number.isFinite(width) ? width : null, vehicle_permeable: width >= widths.vehicle, at: frame.toLonLat(end) });
    });
  }
  if (layer.type === 'barrier') {
    const gapM = numberProperty('barrier', layer.feature.properties, 'gap_m') ?? 0;
    if (gapM > TAL_MAX_AIR_GAP_M) gaps.push({ type: 'element_gap', width_m: gapM, vehicle_permeable: gapM >= widths.vehicle });
  }
  for (const f of scene.features) {
    if (f.properties.kind !== 'entrance') continue;
    const positions = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.type === 'LineString' ? f.geometry.coordinates : [];
    const local = positions.map((p) => frame.toLocal(p));
    if (local.length === 0 || polylineDistanceM([layer.line], local.length === 1 ? [[local[0], local[0]]] : [local]) > ON_LINE_M) continue;
    const widthM = numberProperty('entrance', f.properties, 'width_m') ?? 2;
    gaps.push({ type: 'entrance', width_m: widthM, vehicle_permeable: widthM >= widths.vehicle, at: frame.toLonLat(local[0]), entrance_id: f.id });
  }
  return gaps;
}

/**
 * Layered security of every crowd zone and site (crowd-cpted-layers.md §3, defence in depth):
 * how many layers — numbered perimeters and vehicle-stopping barrier lines — the best vehicle
 * route and the shortest pedestrian route must cross from the analysis area's edge (vehicles:
 * from `vehicle_origin`s when there are any) to the target, each layer's gaps, its camera Detect
 * coverage when given, and an EASI probability of interruption of the worse route.
 *
 * A route may pass any gap it fits through: a vehicle passes a barrier whose `gap_m` fits it and
 * any opening or unclosed end wider than it; a person walks between bollards spaced at least
 * `pedestrianWidthM` apart, but crosses (passes through) every perimeter, entrances included.
 * Buildings and vehicle-stopping obstacles block both.
 */
export function analyzeLayers(scene: Scene, options: LayerOptions = {}, progress: AnalysisProgress = {}): { summary: { results: TargetLayers[] } } {
  const frame = sceneFrame(scene);
  const car = vehicleClassesFor(scene).find((c) => c.code === 'M1');
  const widths = {
    vehicle: options.vehicleWidthM ?? car?.widthM ?? DEFAULT_VEHICLE_WIDTH_M,
    pedestrian: options.pedestrianWidthM ?? DEFAULT_PEDESTRIAN_WIDTH_M,
  };
  if (!(widths.vehicle > 0) || !(widths.pedestrian > 0)) throw new Error('layers analysis: vehicle and pedestrian widths must be positive');
  const responseTimeS = options.responseTimeS ?? DEFAULT_RESPONSE_TIME_S;
  const area: Region = analysisArea(scene, frame);
  const blocked = blockedRegion(scene, frame);
  const layers = sceneLayers(scene, frame);
  const byId = new Map(layers.map((l) => [l.id, l]));

  const vehicleLayers = layers.filter((l) => l.type !== 'barrier' || barrierStopsVehicle(l.feature, widths.vehicle));
  const pedestrianLayers = layers.filter((l) => l.type !== 'barrier' || (numberProperty('barrier', l.feature.properties, 'gap_m') ?? 0) < widths.pedestrian);
  const origins = scene.features.filter((f) => f.properties.kind === 'vehicle_origin' && f.geometry.type === 'Point').map((f) => frame.toLocal(f.geometry.coordinates as number[]));

  if (progress.signal?.aborted) throw abortError();
  const vehicle = layerArrangement({ area, blocked, layers: vehicleLayers, radiusM: widths.vehicle / 2, starts: origins });
  progress.onProgress?.(0.4);
  if (progress.signal?.aborted) throw abortError();
  const pedestrian = layerArrangement({ area, blocked, layers: pedestrianLayers, radiusM: widths.pedestrian / 2, starts: [] });
  progress.onProgress?.(0.8);

  const gapsById = new Map(layers.map((l) => [l.id, layerGaps(l, layers, scene, frame, blocked, area, widths)]));
  const element = (id: string): PathElement => {
    const type = byId.get(id)!.type;
    return { ...LAYER_DEFAULTS[type], ...options.layerDefaults?.[type], ...options.layerOverrides?.[id] } as PathElement;
  };
  const pI = (route: CrossingRoute): number | null =>
    route.layersCrossed === null ? null : probabilityOfInterruption(route.sequence.map(element), responseTimeS, options.targetDelayS ?? 0).pInterruption;

  const targets = scene.features.filter((f) => f.properties.kind === 'crowd_zone' || f.properties.kind === 'site');
  const results: TargetLayers[] = [];
  targets.forEach((target, k) => {
    if (progress.signal?.aborted) throw abortError();
    const region = featureRegion(target, frame);
    const v = vehicle.routeTo(region);
    const p = pedestrian.routeTo(region);
    const counts = [v.layersCrossed, p.layersCrossed].filter((c): c is number => c !== null);
    const probabilities = [pI(v), pI(p)].filter((x): x is number => x !== null);
    results.push({
      target_id: target.id,
      vehicle_layers_crossed: v.layersCrossed,
      pedestrian_layers_crossed: p.layersCrossed,
      single_layer: counts.length > 0 && Math.min(...counts) <= 1,
      p_interruption: probabilities.length > 0 ? Math.min(...probabilities) : null,
      vehicle_route: v.sequence,
      pedestrian_route: p.sequence,
      layers: layers.map((l) => ({
        layer_id: l.id,
        layer: l.layer,
        type: l.type,
        gaps: gapsById.get(l.id)!,
        camera_detect_pct: options.perimeterCoverage?.[l.id] ?? null,
        vehicle_crosses: v.sequence.includes(l.id),
        pedestrian_crosses: p.sequence.includes(l.id),
      })),
    });
    progress.onProgress?.(0.8 + (0.2 * (k + 1)) / targets.length);
  });
  return { summary: { results } };
}

