import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { GeoJSONSource } from 'maplibre-gl';
import { MapController } from '../map/map-controller.js';
import { useProject } from '../state/project-store.js';
import { useView } from '../state/ui-store.js';
import { createDrawn, moveGeometry, setCameraBearing, setMapController } from './commands.js';
import { analysisStore, type AnalysisState } from '../analysis/analysis-store.js';
import { DrawHint, EditCallout, MeasureReadout } from './Overlays.js';

/** The map area: hosts the MapController (which alone touches MapLibre) and its overlays. */
export function MapView({ basemapUrl }: { basemapUrl: string | null }): ReactElement {
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
    }, basemapUrl);
    // The analysis layers follow the result, the selected path and the first chosen threat.
    const show = (s: AnalysisState) => c.showAnalysis({ result: s.result, selectedPathId: s.selectedPathId, threat: s.threats[0] ?? null, doriPreset: s.doriPreset });
    show(analysisStore.getState());
    const offAnalysis = analysisStore.subscribe((s, prev) => {
      if (s.result !== prev.result || s.selectedPathId !== prev.selectedPathId || s.threats !== prev.threats || s.doriPreset !== prev.doriPreset) show(s);
    });
    exposeForTests(c);
    setMapController(c);
    void c.ready.then(() => {
      setController(c);
      c.fitToProject();
      container.current?.setAttribute('data-map-ready', 'true');
    });
    return () => {
      offAnalysis();
      setMapController(null);
      c.destroy();
    };
  }, [basemapUrl]);
  return (
    <main className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <DrawingProgress />
      <DrawHint />
      <MeasureReadout />
      <EditCallout controller={controller} />
    </main>
  );
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
