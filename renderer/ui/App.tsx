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
import { SettingsDialog, SETTINGS_SHORTCUT } from './SettingsDialog.js';
import { connectProjectSettings, needsReload, openSettingsDialog, pageBasemapOrigin, useProjectSettings } from './project-settings.js';
import { connectSuspectItemStorage } from './suspect-item-wiring.js';

/** Ctrl+, opens the project settings while a project is open. */
function handleSettingsKey(e: KeyboardEvent): void {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === SETTINGS_SHORTCUT.key && useProject.getState().info) {
    e.preventDefault();
    openSettingsDialog();
  }
}

/** The one window: tools and analysis pickers on top, layers left, map centre with the results dock under it, properties right, status below. */
export function App({ bridge }: { bridge: BulwarkBridge }): ReactElement {
  const fileInput = useRef<HTMLInputElement>(null);
  // A basemap the page's policy does not allow yet waits for the reload: fetching it now would only be refused.
  const basemap = useProjectSettings((s) => (s.settings && !needsReload(pageBasemapOrigin(), s.settings.basemap_url) ? s.settings.basemap_url : null));
  const attribution = useProjectSettings((s) => (typeof s.settings?.basemap_attribution === 'string' ? s.settings.basemap_attribution : null));
  const reloading = useProjectSettings((s) => s.reloading);
  const [dockOpen, setDockOpen] = useState(true);

  // One analysis controller for the window: re-runs in the worker after every edit and load.
  useEffect(() => connectAnalysis(), []);

  useEffect(() => {
    connectEdits(bridge.api);
    // Settings and suspicious items live in the project: follow each project the window opens.
    const offSettings = connectProjectSettings(bridge.api);
    const offItems = connectSuspectItemStorage(bridge.api);
    void loadProject();
    const off = bridge.onShellEvent((event) => {
      if (event.type === 'project-changed') void loadProject();
      else if (event.command === 'project-settings') openSettingsDialog();
      else runShellCommand(event.command);
    });
    window.addEventListener('keydown', handleKey);
    window.addEventListener('keydown', handleSettingsKey);
    setFilePicker(() => fileInput.current?.click());
    return () => {
      off();
      offSettings();
      offItems();
      window.removeEventListener('keydown', handleKey);
      window.removeEventListener('keydown', handleSettingsKey);
      setFilePicker(null);
    };
  }, [bridge]);

  return (
    <div className={dockOpen ? 'app' : 'app dock-collapsed'}>
      <Toolbar onImport={() => fileInput.current?.click()} onSettings={openSettingsDialog} />
      <AnalysisBar />
      <LayersPanel />
      <MapView basemapUrl={basemap} attribution={attribution} />
      <AnalysisDock open={dockOpen} onToggle={() => setDockOpen((o) => !o)} />
      <PropertiesPanel />
      <StatusBar />
      <ErrorBanner />
      <ImportPanel />
      <Welcome api={bridge.api} />
      <SettingsDialog />
      {reloading ? (
        <div className="reload-banner" role="status" data-testid="settings-reloading">
          {reloading}
        </div>
      ) : null}
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
