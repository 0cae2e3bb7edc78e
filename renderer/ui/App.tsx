import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { BulwarkBridge } from '../../data/api/contract.js';
import { connectEdits, loadProject } from '../state/edit.js';
import { useProject } from '../state/project-store.js';
import { Toolbar } from './Toolbar.js';
import { LayersPanel } from './LayersPanel.js';
import { PropertiesPanel } from './PropertiesPanel.js';
import { StatusBar } from './StatusBar.js';
import { MapView } from './MapView.js';
import { ErrorBanner, ImportPanel, Welcome } from './Overlays.js';
import { handleKey } from './keyboard.js';
import { importFile, runShellCommand, setFilePicker } from './commands.js';
import { AnalysisBar } from './AnalysisBar.js';
import { AnalysisDock } from './AnalysisDock.js';
import { connectAnalysis } from './analysis-wiring.js';

/** The one window: tools and analysis pickers on top, layers left, map centre with the results dock under it, properties right, status below. */
export function App({ bridge }: { bridge: BulwarkBridge }): ReactElement {
  const fileInput = useRef<HTMLInputElement>(null);
  const [basemap, setBasemap] = useState<string | null>(null);
  const projectPath = useProject((s) => s.info?.path ?? null);
  const [dockOpen, setDockOpen] = useState(true);

  // One analysis controller for the window: re-runs in the worker after every edit and load.
  useEffect(() => connectAnalysis(), []);

  useEffect(() => {
    connectEdits(bridge.api);
    void loadProject();
    const off = bridge.onShellEvent((event) => {
      if (event.type === 'project-changed') void loadProject();
      else runShellCommand(event.command);
    });
    window.addEventListener('keydown', handleKey);
    setFilePicker(() => fileInput.current?.click());
    return () => {
      off();
      window.removeEventListener('keydown', handleKey);
      setFilePicker(null);
    };
  }, [bridge]);

  // Settings live in the project: read the basemap once a project is open.
  useEffect(() => {
    if (!projectPath) return;
    bridge.api
      .getSettings()
      .then((s) => setBasemap(s.basemap_url ?? null))
      .catch(() => setBasemap(null));
  }, [bridge, projectPath]);

  return (
    <div className={dockOpen ? 'app' : 'app dock-collapsed'}>
      <Toolbar onImport={() => fileInput.current?.click()} />
      <AnalysisBar />
      <LayersPanel />
      <MapView basemapUrl={basemap} />
      <AnalysisDock open={dockOpen} onToggle={() => setDockOpen((o) => !o)} />
      <PropertiesPanel />
      <StatusBar />
      <ErrorBanner />
      <ImportPanel />
      <Welcome api={bridge.api} />
      <input
        ref={fileInput}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
