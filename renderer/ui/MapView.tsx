import { useEffect, useRef, useState, type ReactElement } from 'react';
import { MapController } from '../map/map-controller.js';
import { useProject } from '../state/project-store.js';
import { createDrawn, moveGeometry, setMapController } from './commands.js';
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
    }, basemapUrl);
    setMapController(c);
    void c.ready.then(() => {
      setController(c);
      c.fitToProject();
      container.current?.setAttribute('data-map-ready', 'true');
    });
    return () => {
      setMapController(null);
      c.destroy();
    };
  }, [basemapUrl]);
  return (
    <main className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <DrawHint />
      <MeasureReadout />
      <EditCallout controller={controller} />
    </main>
  );
}
