import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ANALYSIS_LAYER_GROUPS, DORI_COLOURS, SPEED_BANDS, VERDICT_COLOURS } from '../analysis-layers.js';
import { applyAnalysisToMap } from '../apply-analysis-to-map.js';
import type { AnalysisSettings, AnalysisStatus } from '../analysis-store.js';
import type { AnalysisResult } from '../../../core/analyze/analysis-types.js';
import type { Scene } from '../../../core/scene/types.js';
import { findingsFromResult } from '../findings-from-result.js';
import { AnalysisToolbar, CoveragePanel, FindingsPanel, LayersView, SpeedProfileChart, StandoffTable } from '../panels/index.js';
import { nameLookup } from '../panels/names.js';
import { doriPresetOptions, threatOptions, vehicleOptions } from '../picker-options.js';
import { DORI_PRESETS } from '../../../core/coverage/dori-presets.js';
import { THREATS } from '../../../core/threats/threats.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../../core/vehicles/vehicle-classes.js';
import './harness.css';

/**
 * The window of the harness pages: the analysis panels and map layers around a result. The
 * scene's own features are drawn plainly here; the app's renderer draws them properly.
 */
maplibregl.setWorkerUrl(workerUrl);

const VEHICLES = vehicleOptions(BUILT_IN_VEHICLE_CLASSES);

function sceneStyle(scene: Scene): maplibregl.StyleSpecification {
  const kinds = (k: string[]) => ({ type: 'FeatureCollection' as const, features: scene.features.filter((f) => k.includes(f.properties.kind)) as never[] });
  return {
    version: 8,
    sources: { scene: { type: 'geojson', data: kinds(['site', 'crowd_zone', 'barrier', 'camera', 'perimeter', 'road']) } },
    layers: [
      { id: 'paper', type: 'background', paint: { 'background-color': '#f3f1ec' } },
      { id: 'road', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'road'], paint: { 'line-color': '#ffffff', 'line-width': 22 } },
      { id: 'site', type: 'fill', source: 'scene', filter: ['==', ['get', 'kind'], 'site'], paint: { 'fill-color': '#ddd6ee', 'fill-outline-color': '#6d28d9' } },
      { id: 'zone', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'crowd_zone'], paint: { 'line-color': '#d9480f', 'line-width': 1.5 } },
      { id: 'perimeter', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'perimeter'], paint: { 'line-color': '#c2255c', 'line-width': 1, 'line-dasharray': [6, 3] } },
      { id: 'barrier', type: 'line', source: 'scene', filter: ['==', ['get', 'kind'], 'barrier'], paint: { 'line-color': '#1f2933', 'line-width': 2 } },
      { id: 'camera', type: 'circle', source: 'scene', filter: ['==', ['get', 'kind'], 'camera'], paint: { 'circle-color': '#1d4ed8', 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
    ],
  };
}

function MapPane({ scene, result, selectedPathId }: { scene: Scene; result: AnalysisResult; selectedPathId: string | null }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const map = new maplibregl.Map({ container: el.current!, style: sceneStyle(scene), center: [-0.0909, 51.50555], zoom: 17.1, attributionControl: false, fadeDuration: 0 });
    map.on('load', () => {
      applyAnalysisToMap(map, result, { selectedPathId, gapLevels: ['detect'], beforeId: 'camera', threat: 'car' });
      map.once('idle', () => {
        (window as unknown as { __harnessReady: boolean }).__harnessReady = true;
      });
    });
    map.on('error', (e) => console.error('map error', e.error?.message));
    return () => map.remove();
  }, [scene, result, selectedPathId]);
  return <div ref={el} />;
}

export interface HarnessLayoutProps {
  scene: Scene;
  result: AnalysisResult;
  status: AnalysisStatus;
  selectedPathId: string | null;
  settings: AnalysisSettings;
  title: string;
}

export function HarnessLayout({ scene, result, status, selectedPathId, settings, title }: HarnessLayoutProps) {
  const { responseTimeS } = settings;
  const findings = findingsFromResult(result, scene, { responseTimeS });
  const name = nameLookup(scene);
  const path = result.features.find((f) => f.id === selectedPathId) ?? null;
  const zoom = (ids: string[]) => console.log('zoom to', ids.join(', '));
  return (
    <div className="h-app">
      <header className="h-top">
        <span className="h-brand">{title}</span>
        <AnalysisToolbar
          settings={settings}
          status={status}
          vehicleOptions={VEHICLES}
          threatOptions={threatOptions(THREATS)}
          doriPresetOptions={doriPresetOptions(DORI_PRESETS)}
          onVehiclesChange={() => {}}
          onThreatsChange={() => {}}
          onDoriPresetChange={() => {}}
          onResponseTimeChange={() => {}}
          onRun={() => {}}
          onCancel={() => {}}
        />
      </header>
      <aside className="h-left">
        <h2>Analysis layers</h2>
        {ANALYSIS_LAYER_GROUPS.map((g) => (
          <div key={g.id} className="h-group">
            <input type="checkbox" defaultChecked aria-label={g.label} /> {g.label}
          </div>
        ))}
        <h2 style={{ marginTop: 16 }}>Legend</h2>
        {SPEED_BANDS.map((b) => (
          <div key={b.label} className="h-group">
            <span className="h-swatch" style={{ background: b.colour, height: 4 }} /> {b.label}
          </div>
        ))}
        {(['detect', 'observe', 'recognise', 'identify'] as const).map((l) => (
          <div key={l} className="h-group">
            <span className="h-swatch" style={{ background: DORI_COLOURS[l] }} /> {l[0].toUpperCase() + l.slice(1)}
          </div>
        ))}
        {Object.entries(VERDICT_COLOURS).map(([v, c]) => (
          <div key={v} className="h-group">
            <span className="h-swatch" style={{ background: c, borderRadius: 6, width: 10 }} /> barrier {v.replace('_', ' ')}
          </div>
        ))}
      </aside>
      <main className="h-map">
        <MapPane scene={scene} result={result} selectedPathId={selectedPathId} />
      </main>
      <aside className="h-right">
        <StandoffTable result={result} scene={scene} threatNames={Object.fromEntries(THREATS.map((t) => [t.id, t.name]))} onZoomTo={zoom} />
        <LayersView result={result} scene={scene} responseTimeS={responseTimeS} onZoomTo={zoom} />
      </aside>
      <footer className="h-bottom">
        <FindingsPanel findings={findings} onZoomTo={zoom} />
        <SpeedProfileChart path={path} targetName={name(String(path?.properties.target_id))} width={536} height={226} />
        <CoveragePanel result={result} scene={scene} onZoomTo={zoom} />
      </footer>
    </div>
  );
}
