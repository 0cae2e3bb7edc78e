import type { ReactElement } from 'react';
import { useProject } from '../state/project-store.js';
import { useView } from '../state/ui-store.js';
import { useAnalysisStore } from '../analysis/analysis-store.js';
import { AnalysisStatusIndicator } from '../analysis/panels/AnalysisStatusIndicator.js';
import { analysisController } from './analysis-wiring.js';
import { formatScale, scaleBar, scaleDenominator } from '../map/scale.js';
import { OVERVIEW_ZOOM } from '../map/style/kind-layers.js';

/** The bottom line: cursor position, map scale, analysis progress (while it runs) and save state. */
export function StatusBar(): ReactElement {
  return (
    <footer className="status-bar">
      <Cursor />
      <Scale />
      <div className="spacer" />
      <Drawing />
      <Analysis />
      <SaveState />
    </footer>
  );
}

function Cursor(): ReactElement {
  const cursor = useView((s) => s.cursor);
  return (
    <span className="status-item mono" data-testid="cursor" title="Cursor position (WGS 84 latitude, longitude)">
      {cursor ? `${cursor[1].toFixed(6)}°, ${cursor[0].toFixed(6)}°` : '—'}
    </span>
  );
}

function Scale(): ReactElement {
  const zoom = useView((s) => s.zoom);
  const lat = useView((s) => s.centerLat);
  const bar = scaleBar(lat, zoom, 90);
  return (
    <>
      <span className="status-item scale" data-testid="scale" title="Map scale at the centre of the view (96 dpi screen)">
        <span className="scale-bar" style={{ width: `${Math.round(bar.px)}px` }} />
        <span className="scale-label">{bar.label}</span>
        <span className="mono">{formatScale(scaleDenominator(lat, zoom))}</span>
      </span>
      {zoom < OVERVIEW_ZOOM ? (
        <span className="status-item" data-testid="overview-note" title="Zoomed out, the map draws buildings without outlines, crowd zones without hatching and barriers as one thin line per type, so big plans stay fluid">
          Simplified drawing · full symbols from {formatScale(scaleDenominator(lat, OVERVIEW_ZOOM))}
        </span>
      ) : null}
    </>
  );
}

/** While a big project is handed to the map: how much of it is drawn so far. */
function Drawing(): ReactElement | null {
  const fraction = useView((s) => s.drawingFraction);
  if (fraction === null) return null;
  return (
    <span className="status-item drawing" data-testid="map-drawing" role="status" title="The project is handed to the map in parts so the window keeps answering">
      Drawing the map… {Math.floor(fraction * 100)} %
    </span>
  );
}

function Analysis(): ReactElement | null {
  const status = useAnalysisStore((s) => s.status);
  // Only a run in progress (with its cancel) or a failure; the pickers' row says "Up to date".
  if (status.state !== 'running' && status.state !== 'error') return null;
  return (
    <span className="status-item analysis" data-testid="analysis-status" data-state={status.state}>
      <AnalysisStatusIndicator status={status} onCancel={() => analysisController()?.cancel()} />
    </span>
  );
}

function SaveState(): ReactElement {
  const pending = useProject((s) => s.pending);
  const error = useProject((s) => s.error);
  const info = useProject((s) => s.info);
  const note = useProject((s) => s.lastSavedNote);
  let text = 'No project open';
  let cls = 'idle';
  if (info) {
    if (pending > 0) [text, cls] = ['Saving…', 'saving'];
    else if (error) [text, cls] = ['Not saved', 'failed'];
    else [text, cls] = ['Saved', 'saved'];
  }
  return (
    <span className={`status-item save-state ${cls}`} data-testid="save-state" title={note ? `Last change: ${note}` : (info?.path ?? '')}>
      <span className="dot" />
      {text}
    </span>
  );
}
