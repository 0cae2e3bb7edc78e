import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { GeoJSONSource } from 'maplibre-gl';
import { MapController } from '../map/map-controller.js';
import { useProject } from '../state/project-store.js';
import { useView } from '../state/ui-store.js';
import { createDrawn, moveGeometry, setCameraBearing, setMapController } from './commands.js';
import { analysisStore, type AnalysisState } from '../analysis/analysis-store.js';
import { DrawHint, EditCallout, MeasureReadout } from './Overlays.js';
import { applyBasemap } from '../map/style/basemap-layer.js';
import { takeSavedView } from './project-settings.js';

/**
 * The map area: hosts the MapController (which alone touches MapLibre) and its overlays. The map
 * is made once; a basemap set, changed or removed is applied to it in place, keeping the view.
 */
export function MapView({ basemapUrl, attribution }: { basemapUrl: string | null; attribution: string | null }): ReactElement {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const c = new MapController(container.current, {
      onDrawn: (kind, geometry, at) => void createDrawn(kind, geometry, at),
      onGeometryEdited: (id, geometry, at) => void moveGeometry(id, geometry, at),
      onError: (message) => useProject.setState({ error: { message } }),
      onPathClicked: (pathId) => analysisStore.getState().selectPath(pathId),
      onBearingSet: (id, bearingDeg) => void setCameraBearing(id, bearingDeg),
    });
    // The analysis layers follow the result, the selected path and the first chosen threat.
    const show = (s: AnalysisState) => c.showAnalysis({ result: s.result, selectedPathId: s.selectedPathId, threat: s.threats[0] ?? null, doriPreset: s.doriPreset });
    show(analysisStore.getState());
    const offAnalysis = analysisStore.subscribe((s, prev) => {
      if (s.result !== prev.result || s.selectedPathId !== prev.selectedPathId || s.threats !== prev.threats || s.doriPreset !== prev.doriPreset) show(s);
    });
    exposeForTests(c);
    setMapController(c);
    let offView = (): void => {};
    void c.ready.then(() => {
      setController(c);
      c.fitToProject();
      offView = restoreViewAfterReload(c);
      container.current?.setAttribute('data-map-ready', 'true');
    });
    return () => {
      offAnalysis();
      offView();
      setMapController(null);
      c.destroy();
    };
  }, []);
  useEffect(() => {
    if (!controller) return;
    try {
      applyBasemap(controller.map, basemapUrl);
    } catch (e) {
      useProject.setState({ error: { message: `Basemap: ${e instanceof Error ? e.message : String(e)}` } });
    }
  }, [controller, basemapUrl]);
  return (
    <main className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <DrawingProgress />
      <DrawHint />
      <MeasureReadout />
      <EditCallout controller={controller} />
      {basemapUrl && attribution ? (
        <div className="basemap-attribution" data-testid="basemap-attribution" title={attribution}>
          {attribution}
        </div>
      ) : null}
    </main>
  );
}

/**
 * After a deliberate reload (a basemap on a new server), the planner's view comes back once the
 * project has loaded and been fitted, instead of the fit to the whole project.
 */
function restoreViewAfterReload(c: MapController): () => void {
  let done = false;
  const tryRestore = (): void => {
    const path = useProject.getState().info?.path;
    if (done || !path || useProject.getState().loadRevision === 0) return;
    done = true;
    const view = takeSavedView(path);
    if (view) c.map.jumpTo(view);
  };
  tryRestore();
  if (done) return () => {};
  // The controller subscribed first, so its fit to the project runs before this.
  const off = useProject.subscribe(() => {
    tryRestore();
    if (done) off();
  });
  return off;
}

/** A big project goes to the map in parts and shows once all are in: say so over the empty map. */
function DrawingProgress(): ReactElement | null {
  const fraction = useView((s) => s.drawingFraction);
  if (fraction === null) return null;
  return (
    <div className="draw-hint" role="status" data-testid="map-drawing-overlay">
      Drawing the project: {Math.floor(fraction * 100)} % handed to the map. It shows when all of it is in; the window stays usable meanwhile.
    </div>
  );
}

/**
 * Under an automated browser only (navigator.webdriver), the end-to-end tests read what the map
 * drew and where it looks; a planner's window has no such hook.
 */
function exposeForTests(c: MapController): void {
  if (typeof navigator === 'undefined' || !navigator.webdriver) return;
  (window as unknown as { __bulwarkMap?: unknown }).__bulwarkMap = {
    renderedCount: (layerId: string) => (c.map.getLayer(layerId) ? c.map.queryRenderedFeatures({ layers: [layerId] }).length : 0),
    visibility: (layerId: string) => (c.map.getLayer(layerId) ? (c.map.getLayoutProperty(layerId, 'visibility') ?? 'visible') : 'missing'),
    /** A cheap fingerprint of what a layer drew, to tell that it changed. */
    renderedSignature: (layerId: string) =>
      c.map.getLayer(layerId) ? JSON.stringify(c.map.queryRenderedFeatures({ layers: [layerId] }).map((f) => f.geometry)).slice(0, 4000) : '',
    center: () => c.map.getCenter().toArray(),
    zoom: () => c.map.getZoom(),
    project: (lngLat: [number, number]) => c.project(lngLat),
    /** How many features a kind's map source holds (what was handed to the map's worker). */
    sourceCount: async (kind: string) => {
      const source = c.map.getSource<GeoJSONSource>(`src-${kind}`);
      const data = source ? await source.getData() : null;
      return data && data.type === 'FeatureCollection' ? data.features.length : 0;
    },
    /** Whether a layer (or its live twin) drew the feature `id` within 6 px of a map point. */
    drawnNear: (x: number, y: number, layerId: string, id: string) => {
      const layers = [layerId, `live-${layerId}`].filter((l) => c.map.getLayer(l));
      return c.map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]], { layers }).some((f) => f.properties?.__id === id);
    },
  };
}
