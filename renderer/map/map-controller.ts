import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type LayerSpecification, type FilterSpecification, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
  type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { INPUT_KINDS, type InputKind } from '../../core/scene/kinds.js';
import type { SceneFeature, SceneGeometry } from '../../core/scene/types.js';
import { localFrame, sceneBounds, type LocalFrame } from '../../core/geometry/local-frame.js';
import { allFeatures, useProject } from '../state/project-store.js';
import { useUi, useView, type Tool } from '../state/ui-store.js';
import { baseStyle } from './style/base-style.js';
import { cameraFovLayers, DRAW_ORDER, kindLayers } from './style/kind-layers.js';
import { mapIcons } from './style/icons.js';
import { SELECTION } from './style/palette.js';
import { cameraWedgesToSource, featuresToSource, ID_PROP } from './scene-geojson.js';
import { SourceFeed, type FeedSink } from './source-feed.js';
import { ProjectSnapIndex } from './project-snap-index.js';
import { formatAreaM2, formatLengthM, lineLengthM, ringAreaM2 } from './measure.js';
import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import { applyAnalysisToMap, setAnalysisGroupVisible } from '../analysis/apply-analysis-to-map.js';
import { ANALYSIS_LAYER_GROUPS, ANALYSIS_LAYER_IDS } from '../analysis/analysis-layers.js';
import { barrierCheckText } from '../analysis/barrier-check-text.js';
import { DORI_COLOURS } from '../analysis/analysis-layers.js';
import type { CoverageIndex } from '../../core/coverage/coverage-index.js';
import { LiveCoverage } from './live-coverage.js';
import { cameraViewFeatures, cameraViewWithIndex } from '../../core/coverage/camera-view.js';

setWorkerUrl(workerUrl);

export type DrawnGeometry = Exclude<SceneGeometry, { type: 'MultiPolygon' }>;

export interface MapControllerEvents {
  /** The planner finished drawing a new feature of `kind`. */
  onDrawn(kind: InputKind, geometry: DrawnGeometry, at: [number, number]): void;
  /** The planner moved the selected feature or one of its vertices. */
  onGeometryEdited(id: string, geometry: DrawnGeometry, at: [number, number]): void;
  /** Something the map could not do, said for the planner. */
  onError(message: string): void;
  /** The planner clicked an approach path of the analysis. */
  onPathClicked?(pathId: string): void;
  /** The planner released the bearing handle of the camera being edited. */
  onBearingSet?(id: string, bearingDeg: number): void;
}

/** What the analysis layers show: the result, the highlighted path and the threat of the rings. */
export interface AnalysisView {
  result: AnalysisResult | null;
  selectedPathId: string | null;
  threat: string | null;
  /** The DORI preset the live camera view uses (the toolbar's choice). */
  doriPreset?: string;
}

const KIND_SOURCE = (kind: string) => `src-${kind}`;
const LIVE_SOURCE = 'src-live';
const FOV_SOURCE = 'src-camera-fov';
const LIVE_FOV_SOURCE = 'src-live-camera-fov';
const LIVE_VIEW_SOURCE = 'src-live-camera-view';
const BEARING_SOURCE = 'src-bearing-handle';
const BEARING_HANDLE_LAYER = 'bearing-handle';
/** The bearing handle sits this far from the camera on screen, along its axis. */
const BEARING_HANDLE_PX = 56;
const SELECTION_SOURCE = 'src-selection';
const DRAW_MODES = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' } as const;
const MEASURE_MODES = { distance: 'measure-distance', area: 'measure-area' } as const;
const SNAP_TOLERANCE_PX = 10;
/** Features per message when a big kind is first handed to the map (≈ 100 ms of serialising each). */
const MAP_CHUNK = 2500;
const NO_FEATURES: ReadonlyMap<string, SceneFeature> = new Map();
/** Lets the browser paint and handle input before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Terra Draw refuses coordinates with more decimals than its precision: 1e-9° is 0.1 mm. */
const COORDINATE_PRECISION = 9;

/**
 * The one owner of the MapLibre map and the Terra Draw instance (Placemark's rule: React never
 * touches the map). It draws the project from the project store, one GeoJSON source per kind,
 * turns pointer gestures into drawn or edited geometries for the edit path, and reports the
 * cursor and scale to the view store.
 */
export class MapController {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  private draw: TerraDraw | null = null;
  private readonly feeds = new Map<string, SourceFeed>();
  /** Features handed to the map per kind while a project loads. */
  private readonly progress = new Map<string, { sent: number; total: number }>();
  private filling = false;
  /** Kinds whose layers are hidden until a big project's chunks are all in. */
  private readonly fillingKinds = new Set<string>();
  private readonly kindLayerIds = new Map<string, string[]>();
  private readonly snapIndex = new ProjectSnapIndex();
  private editingId: string | null = null;
  private editingMark: { id: string; kind: string } | null = null;
  private latDeg = 0;
  private loadGeneration = 0;
  /** The project's metric frame (centre of its bounds at load), shared by all camera wedges. */
  private frame: LocalFrame | undefined;
  private unsubscribers: (() => void)[] = [];
  /** Layers this controller added, so a rebuild touches nothing else (analysis, Terra Draw). */
  private readonly ownLayers = new Set<string>();
  private readonly layersReadyListeners = new Set<() => void>();

  /** Analysis layers go below this one: the selection halo and the feature being edited stay on top. */
  static readonly ANALYSIS_BEFORE_ID = 'selection-fill';

  /**
   * Calls `listener` once the project layers exist and again whenever they are rebuilt (another
   * project's latitude), so analysis layers can be (re)placed. Returns the unsubscribe.
   */
  onLayersReady(listener: () => void): () => void {
    this.layersReadyListeners.add(listener);
    if (this.map.getLayer(MapController.ANALYSIS_BEFORE_ID)) listener();
    return () => this.layersReadyListeners.delete(listener);
  }
  private destroyed = false;
  private analysisView: AnalysisView | null = null;
  private readonly liveCoverage = new LiveCoverage();
  private liveCameraId: string | null = null;
  /** The analysis view layers' own filters, kept so the live camera's exclusion can be added and removed. */
  private readonly analysisViewFilters = new Map<string, FilterSpecification | null>();
  private tooltip: HTMLDivElement | null = null;

  /** Puts an analysis result on the map (now, and again whenever the project layers are rebuilt). */
  showAnalysis(view: AnalysisView): void {
    this.analysisView = view;
    if (this.map.getLayer(MapController.ANALYSIS_BEFORE_ID)) this.applyAnalysis();
  }

  private applyAnalysis(): void {
    const v = this.analysisView;
    if (!v) return;
    applyAnalysisToMap(this.map, v.result, { selectedPathId: v.selectedPathId, threat: v.threat, beforeId: MapController.ANALYSIS_BEFORE_ID });
    this.applyAnalysisHidden();
    this.applyLiveCameraFilter();
  }

  /** The layers panel's analysis rows: groups switched off in the UI store are hidden. */
  private applyAnalysisHidden(): void {
    const hidden = useUi.getState().analysisHidden;
    for (const g of ANALYSIS_LAYER_GROUPS) setAnalysisGroupVisible(this.map, g.id, !hidden[g.id]);
  }

  /** Zooms to [minLon, minLat, maxLon, maxLat] (a finding's features). */
  zoomTo(b: readonly [number, number, number, number]): void {
    if (b[0] === b[2] && b[1] === b[3]) this.map.easeTo({ center: [b[0], b[1]], zoom: Math.max(this.map.getZoom(), 18), duration: 300 });
    else this.map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 64, maxZoom: 19, duration: 300 });
  }

  constructor(
    container: HTMLElement,
    private readonly events: MapControllerEvents,
    basemapUrl: string | null = null,
  ) {
    this.map = new MapLibreMap({
      container,
      style: baseStyle(basemapUrl),
      center: [0, 20],
      zoom: 1.5,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      doubleClickZoom: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        if (this.destroyed) return;
        this.setUp();
        resolve();
      });
    });
    this.map.on('error', (e) => this.events.onError(`Map: ${e.error?.message ?? 'unknown error'}`));
    this.layersReadyListeners.add(() => this.applyAnalysis());
  }

  destroy(): void {
    this.destroyed = true;
    for (const u of this.unsubscribers) u();
    try {
      this.draw?.stop();
    } catch {
      // the map is going away with it
    }
    this.map.remove();
  }

  /** Screen position of a place, for callouts next to what is being edited. */
  project(lngLat: [number, number]): { x: number; y: number } {
    const p = this.map.project(lngLat);
    return { x: p.x, y: p.y };
  }

  fitToProject(): void {
    const features: SceneFeature[] = [];
    for (const m of useProject.getState().byKind.values()) for (const f of m.values()) features.push(f);
    const b = sceneBounds({ features });
    if (!b) return;
    if (b[0] === b[2] && b[1] === b[3]) {
      this.map.jumpTo({ center: [b[0], b[1]], zoom: 18 });
      return;
    }
    this.map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 48, animate: false, maxZoom: 19 });
  }

  private setUp(): void {
    for (const icon of mapIcons(2)) this.map.addImage(icon.name, icon.image, { pixelRatio: icon.pixelRatio });
    this.latDeg = this.projectLatitude();
    this.addProjectLayers();
    this.startDraw();
    for (const l of this.layersReadyListeners) l();
    this.bindPointer();
    void this.syncAllInSteps();
    this.applyHidden();
    this.applySelection();
    this.applyTool(useUi.getState().tool);
    this.reportView();
    this.unsubscribers.push(
      useProject.subscribe((s, prev) => {
        if (s.loadRevision !== prev.loadRevision) {
          this.cancelEditing();
          this.snapIndex.clear();
          const lat = this.projectLatitude();
          if (Math.abs(lat - this.latDeg) > 0.01) {
            this.latDeg = lat;
            this.rebuildLayers();
          }
          this.fitToProject();
          void this.syncAllInSteps();
          return;
        }
        if (s.revisions !== prev.revisions) {
          for (const k of Object.keys(s.revisions)) if (s.revisions[k] !== prev.revisions[k]) this.syncKind(k);
          this.applySelection();
        }
      }),
      useUi.subscribe((s, prev) => {
        if (s.hidden !== prev.hidden) this.applyHidden();
        if (s.analysisHidden !== prev.analysisHidden) this.applyAnalysisHidden();
        if (s.selection !== prev.selection || s.locked !== prev.locked) this.applySelection();
        if (s.tool !== prev.tool) this.applyTool(s.tool);
      }),
    );
  }

  /** Latitude of the project's centre (for widths in metres); sets the shared frame too. */
  private projectLatitude(): number {
    const features: SceneFeature[] = [];
    for (const m of useProject.getState().byKind.values()) for (const f of m.values()) features.push(f);
    const b = sceneBounds({ features });
    this.frame = b ? localFrame([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]) : undefined;
    return b ? (b[1] + b[3]) / 2 : 0;
  }

  // ---- layers -------------------------------------------------------------------------------

  private addProjectLayers(): void {
    const empty = { type: 'FeatureCollection' as const, features: [] };
    for (const kind of INPUT_KINDS) {
      this.map.addSource(KIND_SOURCE(kind), { type: 'geojson', data: empty, promoteId: ID_PROP, tolerance: 0.45 });
    }
    this.map.addSource(FOV_SOURCE, { type: 'geojson', data: empty, promoteId: ID_PROP });
    this.map.addSource(SELECTION_SOURCE, { type: 'geojson', data: empty });
    this.map.addSource(LIVE_SOURCE, { type: 'geojson', data: empty });
    this.map.addSource(LIVE_FOV_SOURCE, { type: 'geojson', data: empty });
    this.map.addSource(LIVE_VIEW_SOURCE, { type: 'geojson', data: empty });
    this.map.addSource(BEARING_SOURCE, { type: 'geojson', data: empty });
    this.addLayersInOrder();
  }

  /** All project layers in drawing order, below `beforeId` when given (Terra Draw's layers stay on top). */
  private addLayersInOrder(beforeId?: string): void {
    const add = (kind: string, layers: LayerSpecification[], live: boolean) => {
      for (const layer of layers) {
        this.map.addLayer(live ? layer : hiddenWhileEditing(layer), beforeId);
        this.ownLayers.add(layer.id);
        if (!live) {
          const ids = this.kindLayerIds.get(kind) ?? [];
          ids.push(layer.id);
          this.kindLayerIds.set(kind, ids);
        }
      }
    };
    for (const kind of DRAW_ORDER) {
      if (kind === 'camera') add('camera', cameraFovLayers(FOV_SOURCE), false);
      add(kind, kindLayers(kind, KIND_SOURCE(kind), { latDeg: this.latDeg }), false);
    }
    // The selection halo sits above the plan and under the feature being edited.
    this.map.addLayer({ id: 'selection-fill', type: 'fill', source: SELECTION_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': SELECTION, 'fill-opacity': 0.12 } }, beforeId);
    this.map.addLayer({ id: 'selection-line', type: 'line', source: SELECTION_SOURCE, paint: { 'line-color': SELECTION, 'line-width': 7, 'line-opacity': 0.45 }, layout: { 'line-join': 'round', 'line-cap': 'round' } }, beforeId);
    this.map.addLayer({ id: 'selection-point', type: 'circle', source: SELECTION_SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 17, 'circle-color': SELECTION, 'circle-opacity': 0.25, 'circle-stroke-color': SELECTION, 'circle-stroke-width': 2 } }, beforeId);
    for (const id of ['selection-fill', 'selection-line', 'selection-point']) this.ownLayers.add(id);
    add('live', liveCameraViewLayers(LIVE_VIEW_SOURCE), true);
    add('live', cameraFovLayers(LIVE_FOV_SOURCE, 'live-'), true);
    add('live', bearingHandleLayers(BEARING_SOURCE), true);
    for (const kind of DRAW_ORDER) add(kind, kindLayers(kind, LIVE_SOURCE, { latDeg: this.latDeg, prefix: 'live-' }).map((l) => withKindFilter(l, kind)), true);
  }

  /** Metric widths depend on the project's latitude: rebuild the layers when it moves far. */
  private rebuildLayers(): void {
    const layers = this.map.getStyle().layers;
    // Our layers go back where they were: below the lowest layer someone else added above them.
    const firstOwn = layers.findIndex((l) => this.ownLayers.has(l.id));
    const beforeId = layers.slice(firstOwn).find((l) => !this.ownLayers.has(l.id))?.id;
    for (const id of this.ownLayers) if (this.map.getLayer(id)) this.map.removeLayer(id);
    this.ownLayers.clear();
    this.editingMark = null;
    this.kindLayerIds.clear();
    this.addLayersInOrder(beforeId);
    this.applyHidden();
    this.applySelection();
    for (const l of this.layersReadyListeners) l();
  }

  /**
   * A newly loaded project is handed to the map kind by kind, the big ones in chunks
   * (SourceFeed), each in its own task: a 100,000-feature project never holds the page in one
   * long task, and the status bar shows how much is drawn.
   */
  private async syncAllInSteps(): Promise<void> {
    const generation = ++this.loadGeneration;
    const byKind = useProject.getState().byKind;
    for (const f of this.feeds.values()) f.reset();
    this.progress.clear();
    const kinds = [...INPUT_KINDS].sort((a, b) => (byKind.get(a)?.size ?? 0) - (byKind.get(b)?.size ?? 0));
    for (const kind of kinds) this.progress.set(kind, { sent: 0, total: byKind.get(kind)?.size ?? 0 });
    this.filling = true;
    this.reportDrawing();
    // A big project stays hidden while its chunks go in, then shows at once: the map redraws
    // after every chunk, and each redraw of what is already in costs seconds in software WebGL.
    const big = [...byKind.values()].reduce((n, m) => n + m.size, 0) > MAP_CHUNK;
    this.hideWhileFilling(INPUT_KINDS, big);
    try {
      for (const kind of kinds) {
        if (this.destroyed || generation !== this.loadGeneration) return;
        await this.feed(kind).sync();
        await nextTask();
      }
    } finally {
      if (generation === this.loadGeneration) {
        this.hideWhileFilling(INPUT_KINDS, false);
        this.filling = false;
        this.progress.clear();
        this.reportDrawing();
      }
    }
    if (this.destroyed || generation !== this.loadGeneration) return;
    this.applySelection();
    // The idle seen between chunks did not count (data-map-idle); let the map say it again.
    this.map.triggerRepaint();
  }

  private syncKind(kind: string): void {
    void this.feed(kind).sync();
  }

  private feed(kind: string): SourceFeed {
    let feed = this.feeds.get(kind);
    if (feed) return feed;
    const send = (what: string, work: () => (Promise<unknown> | undefined)[]) => {
      const started = performance.now();
      const pending = work();
      performance.measure(`bulwark:map-${what}:${kind}`, { start: started, end: performance.now() });
      return Promise.all(pending);
    };
    const source = () => this.map.getSource<GeoJSONSource>(KIND_SOURCE(kind));
    // The wedges follow the cameras: an edit sends only the changed cameras' wedges.
    const fov = () => (kind === 'camera' ? this.map.getSource<GeoJSONSource>(FOV_SOURCE) : undefined);
    const sink: FeedSink = {
      setData: (features) =>
        send('set', () => [
          source()?.setData(featuresToSource(features) as GeoJSON.FeatureCollection),
          fov()?.setData(cameraWedgesToSource(features, this.frame) as GeoJSON.FeatureCollection),
        ]),
      updateData: (remove, add) =>
        send('update', () => [
          source()?.updateData({ remove, add: featuresToSource(add).features as GeoJSON.Feature[] }),
          fov()?.updateData({ remove, add: cameraWedgesToSource(add, this.frame).features as GeoJSON.Feature[] }),
        ]),
    };
    feed = new SourceFeed(sink, () => useProject.getState().byKind.get(kind) ?? NO_FEATURES, {
      chunkSize: MAP_CHUNK,
      onProgress: (sent, total) => {
        if (!this.progress.has(kind)) return;
        this.progress.set(kind, { sent, total });
        this.reportDrawing();
      },
    });
    this.feeds.set(kind, feed);
    return feed;
  }

  /** The status bar's "Drawing the map … %" while a project is handed to the map. */
  private reportDrawing(): void {
    let sent = 0;
    let total = 0;
    for (const p of this.progress.values()) {
      sent += p.sent;
      total += p.total;
    }
    useView.setState({ drawingFraction: this.filling && total > 0 ? Math.min(1, sent / total) : null });
  }

  private hideWhileFilling(kinds: readonly string[], hide: boolean): void {
    for (const kind of kinds) {
      if (hide) this.fillingKinds.add(kind);
      else this.fillingKinds.delete(kind);
    }
    if (!this.destroyed) this.applyHidden();
  }

  private applyHidden(): void {
    const hidden = useUi.getState().hidden;
    for (const kind of INPUT_KINDS) {
      const visibility = hidden[kind] || this.fillingKinds.has(kind) ? 'none' : 'visible';
      for (const id of this.kindLayerIds.get(kind) ?? []) this.map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  // ---- selection and editing ---------------------------------------------------------------

  private applySelection(): void {
    const { selection, locked } = useUi.getState();
    const store = useProject.getState();
    const selected = selection.map((id) => {
      const k = store.kindOf.get(id);
      return k === undefined ? undefined : store.byKind.get(k)?.get(id);
    }).filter((f): f is SceneFeature => f !== undefined);
    this.map.getSource<GeoJSONSource>(SELECTION_SOURCE)?.setData(featuresToSource(selected) as GeoJSON.FeatureCollection);
    const single = selected.length === 1 && !locked[selected[0].properties.kind as InputKind] && selected[0].geometry.type !== 'MultiPolygon' ? selected[0] : null;
    const editId = single && useUi.getState().tool.type === 'select' ? single.id : null;
    this.markEditing(editId ? single : null);
    this.setLive(editId ? single : null);
    this.syncEditing(editId ? single : null);
  }

  /**
   * The feature being edited is drawn from the live source, so it is made transparent in its
   * kind's layers with feature state (a paint change: no re-tiling of a 60,000-building layer).
   */
  private markEditing(f: SceneFeature | null): void {
    const next = f ? { id: f.id, kind: f.properties.kind } : null;
    const prev = this.editingMark;
    if (prev && next && prev.id === next.id && prev.kind === next.kind) return;
    const set = (m: { id: string; kind: string }, editing: boolean) => {
      for (const source of m.kind === 'camera' ? [KIND_SOURCE(m.kind), FOV_SOURCE] : [KIND_SOURCE(m.kind)]) {
        if (this.map.getSource(source)) this.map.setFeatureState({ source, id: m.id }, { editing });
      }
    };
    if (prev) set(prev, false);
    if (next) set(next, true);
    this.editingMark = next;
  }

  private setLive(f: SceneFeature | null, geometry?: SceneGeometry): void {
    const features = f ? [{ ...f, geometry: geometry ?? f.geometry }] : [];
    this.map.getSource<GeoJSONSource>(LIVE_SOURCE)?.setData(featuresToSource(features) as GeoJSON.FeatureCollection);
    const cams = features.filter((x) => x.properties.kind === 'camera');
    this.map.getSource<GeoJSONSource>(LIVE_FOV_SOURCE)?.setData(cameraWedgesToSource(cams, this.frame) as GeoJSON.FeatureCollection);
    this.map.getSource<GeoJSONSource>(LIVE_VIEW_SOURCE)?.setData({ type: 'FeatureCollection', features: cams.flatMap((c) => this.liveCameraView(c)) } as GeoJSON.FeatureCollection);
    this.liveCameraId = cams[0]?.id ?? null;
    this.applyLiveCameraFilter();
    this.liveCamera = cams[0] ?? null;
    this.placeBearingHandle();
  }

  /** The camera being edited (as drawn now) and the bearing handle at the end of its axis. */
  private liveCamera: SceneFeature | null = null;
  private bearingDrag: { camera: SceneFeature; bearingDeg: number } | null = null;

  private placeBearingHandle(): void {
    const cam = this.liveCamera;
    const source = this.map.getSource<GeoJSONSource>(BEARING_SOURCE);
    if (!source) return;
    if (!cam || cam.geometry.type !== 'Point') {
      void source.setData({ type: 'FeatureCollection', features: [] });
      return;
    }
    const at = cam.geometry.coordinates as [number, number];
    const bearing = typeof cam.properties.bearing_deg === 'number' ? cam.properties.bearing_deg : 0;
    const p = this.map.project(at);
    const rad = (bearing * Math.PI) / 180;
    // Screen up is north (the map never rotates) and Web Mercator keeps angles: a screen angle is a bearing.
    const end = this.map.unproject([p.x + BEARING_HANDLE_PX * Math.sin(rad), p.y - BEARING_HANDLE_PX * Math.cos(rad)]);
    const tip: [number, number] = [end.lng, end.lat];
    void source.setData({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [at, tip] }, properties: { part: 'axis' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: tip }, properties: { part: 'handle', bearing } },
      ],
    });
  }

  /** Dragging the handle turns the camera live (view redrawn each move); the release commits bearing_deg. */
  private bindBearingHandle(): void {
    this.map.on('zoom', () => this.placeBearingHandle());
    this.map.on('mouseenter', BEARING_HANDLE_LAYER, () => {
      this.map.getCanvas().style.cursor = 'grab';
    });
    this.map.on('mouseleave', BEARING_HANDLE_LAYER, () => {
      if (!this.bearingDrag) this.map.getCanvas().style.cursor = '';
    });
    this.map.on('mousedown', BEARING_HANDLE_LAYER, (e) => {
      const cam = this.liveCamera;
      if (!cam || useUi.getState().tool.type !== 'select') return;
      e.preventDefault();
      this.map.dragPan.disable();
      this.bearingDrag = { camera: cam, bearingDeg: typeof cam.properties.bearing_deg === 'number' ? cam.properties.bearing_deg : 0 };
      this.map.getCanvas().style.cursor = 'grabbing';
    });
    this.map.on('mousemove', (e) => {
      const drag = this.bearingDrag;
      if (!drag || drag.camera.geometry.type !== 'Point') return;
      const c = this.map.project(drag.camera.geometry.coordinates as [number, number]);
      const deg = (Math.atan2(e.point.x - c.x, -(e.point.y - c.y)) * 180) / Math.PI;
      drag.bearingDeg = ((Math.round(deg) % 360) + 360) % 360;
      this.setLive({ ...drag.camera, properties: { ...drag.camera.properties, bearing_deg: drag.bearingDeg } });
    });
    this.map.on('mouseup', () => {
      const drag = this.bearingDrag;
      if (!drag) return;
      this.bearingDrag = null;
      this.map.dragPan.enable();
      this.map.getCanvas().style.cursor = '';
      if (drag.bearingDeg !== drag.camera.properties.bearing_deg) this.events.onBearingSet?.(drag.camera.id, drag.bearingDeg);
    });
  }

  /** The worker's (older) view of the camera being edited is hidden: only its live view shows. */
  private applyLiveCameraFilter(): void {
    for (const id of [ANALYSIS_LAYER_IDS.viewsFill, ANALYSIS_LAYER_IDS.viewsOutline]) {
      if (!this.map.getLayer(id)) continue;
      if (!this.analysisViewFilters.has(id)) this.analysisViewFilters.set(id, (this.map.getFilter(id) as FilterSpecification | undefined) ?? null);
      const own = this.analysisViewFilters.get(id) ?? null;
      const notLive: FilterSpecification | null = this.liveCameraId ? ['!=', ['get', 'camera_id'], this.liveCameraId] : null;
      this.map.setFilter(id, own && notLive ? (['all', own, notLive] as FilterSpecification) : (notLive ?? own));
    }
  }

  /**
   * The DORI bands of the camera being edited, on the main thread so a drag or a bearing change
   * redraws at once (the full analysis follows in the worker). The occlusion index is built once
   * per project revision; each call touches only the segments in the camera's range.
   */
  private liveCameraView(camera: SceneFeature): SceneFeature[] {
    const started = performance.now();
    try {
      const index = this.currentCoverageIndex(camera);
      if (!index) return [];
      return cameraViewFeatures(index, cameraViewWithIndex(index, camera));
    } catch {
      // A camera the analysis cannot model (bad property) shows no live view; the properties panel says why.
      return [];
    } finally {
      performance.measure('bulwark:live-camera-view', { start: started, end: performance.now() });
    }
  }

  /** The occlusion index around the camera being edited (only what its DORI levels reach). */
  private currentCoverageIndex(camera: SceneFeature): CoverageIndex | null {
    const s = useProject.getState();
    if (!s.meta) return null;
    const preset = this.analysisView?.doriPreset ?? String(s.meta.settings?.dori_preset ?? '');
    return this.liveCoverage.index(s.meta, allFeatures, s.revision, camera, preset);
  }

  /** Puts the selected feature into Terra Draw's select mode (vertices, midpoints, drag), or clears it. */
  private syncEditing(f: SceneFeature | null): void {
    const draw = this.draw;
    if (!draw) return;
    if (!f) {
      this.cancelEditing();
      return;
    }
    const rounded = roundGeometry(f.geometry as DrawnGeometry);
    if (this.editingId === f.id && draw.hasFeature(f.id)) {
      const current = draw.getSnapshotFeature(f.id);
      if (current && JSON.stringify(current.geometry) === JSON.stringify(rounded)) return;
      draw.removeFeatures([f.id]);
    } else this.cancelEditing();
    if (draw.getMode() !== 'select') draw.setMode('select');
    const mode = DRAW_MODES[rounded.type];
    const result = draw.addFeatures([{ type: 'Feature', id: f.id, geometry: rounded, properties: { mode } } as GeoJSONStoreFeatures]);
    if (!result[0]?.valid) {
      // Terra Draw cannot edit this shape (e.g. a ring it considers invalid): keep it selected, read-only.
      this.editingId = null;
      return;
    }
    this.editingId = f.id;
    draw.selectFeature(f.id);
  }

  private cancelEditing(): void {
    const draw = this.draw;
    if (draw && this.editingId && draw.hasFeature(this.editingId)) draw.removeFeatures([this.editingId]);
    this.editingId = null;
  }

  // ---- drawing ---------------------------------------------------------------------------

  private startDraw(): void {
    const snapping = { toCustom: this.snapTo, toCoordinate: true };
    const editFlags = { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } } };
    const drawStyle = { fillColor: '#f59f00', fillOpacity: 0.15, outlineColor: '#e8590c', outlineWidth: 2, closingPointColor: '#ffffff', closingPointOutlineColor: '#e8590c', closingPointWidth: 5, closingPointOutlineWidth: 2, snappingPointColor: '#ffffff', snappingPointOutlineColor: '#1c7ed6', snappingPointWidth: 6, snappingPointOutlineWidth: 2 } as const;
    const lineStyle = { lineStringColor: '#e8590c', lineStringWidth: 2.5, closingPointColor: '#ffffff', closingPointOutlineColor: '#e8590c', closingPointWidth: 5, closingPointOutlineWidth: 2, snappingPointColor: '#ffffff', snappingPointOutlineColor: '#1c7ed6', snappingPointWidth: 6, snappingPointOutlineWidth: 2 } as const;
    const measureLine = { ...lineStyle, lineStringColor: '#1c7ed6' } as const;
    const measureArea = { ...drawStyle, fillColor: '#1c7ed6', outlineColor: '#1c7ed6' } as const;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: COORDINATE_PRECISION, prefixId: 'td' }),
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `td-${crypto.randomUUID()}` },
      modes: [
        new TerraDrawPointMode({ styles: { pointColor: '#e8590c', pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
        new TerraDrawLineStringMode({ snapping, styles: lineStyle, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new TerraDrawPolygonMode({ snapping, styles: drawStyle, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new TerraDrawLineStringMode({ modeName: MEASURE_MODES.distance, snapping, styles: measureLine, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new TerraDrawPolygonMode({ modeName: MEASURE_MODES.area, snapping, styles: measureArea, keyEvents: { cancel: 'Escape', finish: 'Enter' } }),
        new TerraDrawSelectMode({
          flags: { point: { feature: { draggable: true } }, linestring: editFlags, polygon: editFlags },
          keyEvents: null,
          allowManualSelection: false,
          allowManualDeselection: false,
          styles: {
            selectedPolygonColor: '#f59f00',
            selectedPolygonFillOpacity: 0,
            selectedPolygonOutlineColor: '#e8590c',
            selectedPolygonOutlineWidth: 1.5,
            selectedLineStringColor: '#e8590c',
            selectedLineStringWidth: 1.5,
            selectedPointColor: '#f59f00',
            selectedPointWidth: 4,
            selectedPointOutlineColor: '#ffffff',
            selectedPointOutlineWidth: 2,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: '#e8590c',
            selectionPointWidth: 4.5,
            selectionPointOutlineWidth: 2,
            midPointColor: '#e8590c',
            midPointOutlineColor: '#ffffff',
            midPointWidth: 3,
            midPointOutlineWidth: 1,
          },
        }),
      ],
    });
    draw.start();
    draw.setMode('select');
    draw.on('finish', (id, ctx) => this.onFinish(String(id), ctx.mode, ctx.action));
    draw.on('change', (ids, type) => this.onDrawChange(ids.map(String), type));
    this.draw = draw;
  }

  private onFinish(id: string, mode: string, action: string): void {
    const draw = this.draw;
    if (!draw) return;
    const snap = draw.getSnapshotFeature(id);
    if (!snap) return;
    const geometry = snap.geometry as DrawnGeometry;
    const at = anchorOf(geometry);
    const tool = useUi.getState().tool;
    if (mode === MEASURE_MODES.distance || mode === MEASURE_MODES.area) {
      this.reportMeasure(geometry);
      return;
    }
    if (action === 'draw' && tool.type === 'draw') {
      draw.removeFeatures([id]);
      this.events.onDrawn(tool.kind, geometry, at);
      return;
    }
    if (mode === 'select' && id === this.editingId) this.events.onGeometryEdited(id, geometry, at);
  }

  private onDrawChange(ids: string[], type: string): void {
    const draw = this.draw;
    if (!draw || type !== 'update') return;
    const tool = useUi.getState().tool;
    for (const id of ids) {
      if (tool.type === 'measure') {
        const f = draw.getSnapshotFeature(id);
        if (f) this.reportMeasure(f.geometry as DrawnGeometry);
      } else if (id === this.editingId) {
        const f = draw.getSnapshotFeature(id);
        const stored = useProject.getState();
        const k = stored.kindOf.get(id);
        const feature = k === undefined ? undefined : stored.byKind.get(k)?.get(id);
        if (f && feature) this.setLive(feature, f.geometry as SceneGeometry);
      }
    }
  }

  private reportMeasure(g: DrawnGeometry): void {
    if (g.type === 'LineString') {
      useUi.setState({ measure: { text: formatLengthM(lineLengthM(g.coordinates)), lngLat: g.coordinates.at(-1) as [number, number] } });
    } else if (g.type === 'Polygon') {
      const ring = g.coordinates[0];
      const perimeter = lineLengthM(ring);
      useUi.setState({ measure: { text: `${formatAreaM2(ringAreaM2(ring))} · perimeter ${formatLengthM(perimeter)}`, lngLat: ring[0] as [number, number] } });
    }
  }

  private applyTool(tool: Tool): void {
    const draw = this.draw;
    if (!draw) return;
    // Leaving a tool drops its unfinished sketch and any measurement.
    for (const f of draw.getSnapshot()) if (f.id !== this.editingId) draw.removeFeatures([f.id as string]);
    if (tool.type === 'draw') {
      this.cancelEditing();
      draw.setMode(DRAW_MODES[tool.geometry]);
      this.map.getCanvas().style.cursor = 'crosshair';
    } else if (tool.type === 'measure') {
      this.cancelEditing();
      draw.setMode(MEASURE_MODES[tool.what]);
      this.map.getCanvas().style.cursor = 'crosshair';
    } else {
      draw.setMode('select');
      this.map.getCanvas().style.cursor = '';
      this.applySelection();
    }
  }

  /** Terra Draw's custom snap: vertices and edges of every visible feature in the project. */
  private readonly snapTo: SnapToCustom = (event: TerraDrawMouseEvent, context) => {
    const s = useProject.getState();
    const hidden = useUi.getState().hidden;
    const snap = this.snapIndex.snap(
      {
        lngLat: [event.lng, event.lat],
        cursor: { x: event.containerX, y: event.containerY },
        tolerancePx: SNAP_TOLERANCE_PX,
        project: (ll) => this.map.project(ll),
        unproject: (p) => {
          const ll = this.map.unproject([p.x, p.y]);
          return [ll.lng, ll.lat];
        },
        excludeId: context.currentId !== undefined ? String(context.currentId) : undefined,
      },
      s.byKind,
      s.revisions,
      (kind) => !!hidden[kind as InputKind],
    );
    if (!snap) return undefined;
    const f = 10 ** COORDINATE_PRECISION;
    return [Math.round(snap.lngLat[0] * f) / f, Math.round(snap.lngLat[1] * f) / f];
  };

  // ---- pointer and view ------------------------------------------------------------------

  private bindPointer(): void {
    this.map.on('mousemove', (e) => useView.setState({ cursor: [e.lngLat.lng, e.lngLat.lat] }));
    this.map.on('mouseout', () => useView.setState({ cursor: null }));
    this.map.on('move', () => this.reportView());
    this.map.on('click', (e) => this.onClick(e));
    this.bindAnalysisPointer();
    this.bindBearingHandle();
    // For tests and the status bar: whether every tile and image is drawn.
    const container = this.map.getContainer();
    this.map.on('idle', () => {
      if (!this.filling) container.setAttribute('data-map-idle', 'true');
    });
    this.map.on('dataloading', () => container.setAttribute('data-map-idle', 'false'));
  }

  /** Approach paths select on click; barrier badges explain their verdict on hover. */
  private bindAnalysisPointer(): void {
    this.map.on('click', ANALYSIS_LAYER_IDS.pathsLine, (e) => {
      if (useUi.getState().tool.type !== 'select') return;
      const id = e.features?.[0]?.properties?.path_id;
      if (id !== undefined) this.events.onPathClicked?.(String(id));
    });
    for (const layer of [ANALYSIS_LAYER_IDS.checksBadge, ANALYSIS_LAYER_IDS.checksLine]) {
      this.map.on('mousemove', layer, (e) => {
        const f = e.features?.[0];
        if (f) this.showTooltip(barrierCheckText(f.properties ?? {}), e.point.x, e.point.y);
      });
      this.map.on('mouseleave', layer, () => this.showTooltip(null, 0, 0));
    }
    for (const layer of [ANALYSIS_LAYER_IDS.pathsLine, ANALYSIS_LAYER_IDS.checksBadge]) {
      this.map.on('mouseenter', layer, () => {
        if (useUi.getState().tool.type === 'select') this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        if (useUi.getState().tool.type === 'select') this.map.getCanvas().style.cursor = '';
      });
    }
  }

  private showTooltip(text: string | null, x: number, y: number): void {
    if (!text) {
      this.tooltip?.remove();
      this.tooltip = null;
      return;
    }
    if (!this.tooltip) {
      this.tooltip = document.createElement('div');
      this.tooltip.className = 'map-tooltip';
      this.tooltip.setAttribute('data-testid', 'map-tooltip');
      this.map.getContainer().appendChild(this.tooltip);
    }
    this.tooltip.textContent = text;
    this.tooltip.style.transform = `translate(${Math.round(x + 12)}px, ${Math.round(y + 12)}px)`;
  }

  private reportView(): void {
    useView.setState({ zoom: this.map.getZoom(), centerLat: this.map.getCenter().lat });
  }

  /** Click to select the top-most feature of an unlocked, visible kind; an empty click clears. */
  private onClick(e: MapMouseEvent): void {
    if (useUi.getState().tool.type !== 'select') return;
    // A click on the edited feature or its handles belongs to Terra Draw.
    if (this.editingId && this.draw) {
      const own = this.draw.getFeaturesAtLngLat(e.lngLat, { pointerDistance: 8 });
      if (own.length > 0) return;
    }
    const id = this.featureAt(e.point.x, e.point.y);
    useUi.setState({ selection: id ? [id] : [], problem: null });
  }

  /** The id of the top-most selectable feature near a screen point. */
  featureAt(x: number, y: number): string | undefined {
    const locked = useUi.getState().locked;
    const layers: string[] = [];
    for (const [kind, ids] of this.kindLayerIds) if (!locked[kind as InputKind]) layers.push(...ids.filter((l) => !l.startsWith('camera-fov')));
    const r = 5;
    const hits = this.map.queryRenderedFeatures([[x - r, y - r], [x + r, y + r]], { layers });
    // Small things win: a camera on a crowd zone on a site is picked first, as a planner expects.
    const rank = (t: string) => (t === 'Point' ? 0 : t === 'LineString' || t === 'MultiLineString' ? 1 : 2);
    let best: { id: string; rank: number } | undefined;
    for (const h of hits) {
      const id = h.properties?.[ID_PROP];
      if (typeof id !== 'string') continue;
      const k = rank(h.geometry.type);
      if (!best || k < best.rank) best = { id, rank: k };
    }
    return best?.id;
  }
}

/** A thin axis from the camera being edited to a round handle that turns it. */
function bearingHandleLayers(source: string): LayerSpecification[] {
  return [
    { id: 'bearing-handle-axis', type: 'line', source, filter: ['==', ['get', 'part'], 'axis'], paint: { 'line-color': '#e8590c', 'line-width': 1.5, 'line-dasharray': [2, 2] } },
    { id: BEARING_HANDLE_LAYER, type: 'circle', source, filter: ['==', ['get', 'part'], 'handle'], paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': '#e8590c', 'circle-stroke-width': 2 } },
  ];
}

/** The live DORI bands of the camera being edited, coloured as the analysis draws them. */
function liveCameraViewLayers(source: string): LayerSpecification[] {
  const colour = ['match', ['get', 'dori'], ...Object.entries(DORI_COLOURS).flat(), DORI_COLOURS.detect] as unknown as ExpressionSpecification;
  return [
    { id: 'live-camera-view-fill', type: 'fill', source, paint: { 'fill-color': colour, 'fill-opacity': 0.5 } },
    { id: 'live-camera-view-line', type: 'line', source, paint: { 'line-color': '#2a5a9a', 'line-width': 0.75, 'line-opacity': 0.7 } },
  ];
}

const EDITING: ExpressionSpecification = ['boolean', ['feature-state', 'editing'], false];
const OPACITY_PAINT: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity'],
};

/** A kind layer whose opacity drops to 0 for the feature in feature state `editing`. */
function hiddenWhileEditing(layer: LayerSpecification): LayerSpecification {
  const props = OPACITY_PAINT[layer.type];
  if (!props) return layer;
  const paint: Record<string, unknown> = { ...('paint' in layer ? layer.paint : {}) };
  for (const p of props) paint[p] = ['case', EDITING, 0, (paint[p] as ExpressionSpecification | number | undefined) ?? 1];
  return { ...layer, paint } as LayerSpecification;
}

function withKindFilter(layer: LayerSpecification, kind: string): LayerSpecification {
  const own: FilterSpecification = ['==', ['get', 'kind'], kind];
  if (layer.type === 'background' || layer.type === 'raster' || layer.type === 'hillshade' || layer.type === 'color-relief') return layer;
  return { ...layer, filter: 'filter' in layer && layer.filter ? (['all', layer.filter, own] as FilterSpecification) : own } as LayerSpecification;
}

function round(p: readonly number[]): [number, number] {
  const f = 10 ** COORDINATE_PRECISION;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

function roundGeometry(g: DrawnGeometry): DrawnGeometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(round) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(round)) };
  }
}

/** Where to pin a message about a geometry: the point, a line's last vertex, a ring's first. */
function anchorOf(g: DrawnGeometry): [number, number] {
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  if (g.type === 'LineString') return g.coordinates.at(-1) as [number, number];
  return g.coordinates[0][0] as [number, number];
}
