import type { ReactElement } from 'react';
import { useProject } from '../state/project-store.js';
import { setTool, useUi } from '../state/ui-store.js';
import { redo, undo } from '../state/edit.js';
import { DRAW_TOOLS, GEOMETRY_WORDS, toolTip } from './tools.js';
import { KindIcon, UiIcon } from './icons.js';
import { deleteSelection, downloadGeoJson, zoomToProject } from './commands.js';
import { useSuspectItems } from '../analysis/suspect-items-store.js';
import { setPlacingSuspectItem } from './suspect-item-wiring.js';

/** A pin inside two rings: the suspicious item and its evacuation and shelter zones. */
function SuspectItemIcon(): ReactElement {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" fill="none" stroke="currentColor">
      <circle cx="9" cy="9" r="7.5" strokeWidth="1.2" strokeDasharray="2 1.6" />
      <circle cx="9" cy="9" r="4.6" strokeWidth="1.4" />
      <circle cx="9" cy="9" r="1.7" fill="currentColor" stroke="none" />
    </svg>
  );
}

/** The top bar: select, one drawing tool per kind, measure, undo/redo, import/export. */
export function Toolbar({ onImport, onSettings }: { onImport: () => void; onSettings?: () => void }): ReactElement {
  const tool = useUi((s) => s.tool);
  const locked = useUi((s) => s.locked);
  const hasSelection = useUi((s) => s.selection.length > 0);
  const history = useProject((s) => s.history);
  const info = useProject((s) => s.info);
  const disabled = !info;
  const placing = useSuspectItems((s) => s.placing);
  return (
    <header className="toolbar" role="toolbar" aria-label="Drawing tools">
      <div className="brand" title={info?.path ?? ''}>
        <span className="brand-mark">▣</span>
        <span className="brand-name">Bulwark</span>
        {info ? <span className="project-name">{info.name}</span> : null}
        {info?.marking ? <span className="marking">{info.marking}</span> : null}
      </div>
      <div className="tool-group">
        <button type="button" className={tool.type === 'select' ? 'tool active' : 'tool'} title="Select and edit (V, Esc) — click a feature; drag it or its vertices" data-testid="tool-select" onClick={() => setTool({ type: 'select' })}>
          <UiIcon.select />
        </button>
      </div>
      <div className="tool-group" aria-label="Draw">
        {DRAW_TOOLS.map((t) => {
          const active = tool.type === 'draw' && tool.kind === t.kind;
          return (
            <button
              key={t.kind}
              type="button"
              className={active ? 'tool active' : 'tool'}
              title={locked[t.kind] ? `${t.label}: layer locked` : toolTip(t)}
              aria-label={`Draw ${t.label}`}
              data-testid={`tool-${t.kind}`}
              disabled={disabled || !!locked[t.kind]}
              onClick={(e) => setTool({ type: 'draw', kind: t.kind, geometry: e.shiftKey && t.alternative ? t.alternative : t.geometry })}
            >
              <KindIcon kind={t.kind} />
              {active && tool.type === 'draw' && tool.geometry !== t.geometry ? <span className="tool-badge">{GEOMETRY_WORDS[tool.geometry]}</span> : null}
            </button>
          );
        })}
      </div>
      <div className="tool-group" aria-label="Measure">
        <button type="button" className={tool.type === 'measure' && tool.what === 'distance' ? 'tool active' : 'tool'} title="Measure distance (M) — click points, double-click to finish" data-testid="tool-measure-distance" onClick={() => setTool({ type: 'measure', what: 'distance' })}>
          <UiIcon.ruler />
        </button>
        <button type="button" className={tool.type === 'measure' && tool.what === 'area' ? 'tool active' : 'tool'} title="Measure area (Shift+M)" data-testid="tool-measure-area" onClick={() => setTool({ type: 'measure', what: 'area' })}>
          <UiIcon.area />
        </button>
      </div>
      <div className="tool-group" aria-label="Incident">
        <button
          type="button"
          className={placing ? 'tool active' : 'tool'}
          aria-pressed={placing}
          aria-label="Suspicious item"
          title="Suspicious item (I) — click the map where the item is: its evacuation and shelter rings are drawn for its threat; drag the pin to move it, Delete removes it"
          data-testid="tool-suspect-item"
          disabled={disabled}
          onClick={() => setPlacingSuspectItem(!placing)}
        >
          <SuspectItemIcon />
        </button>
      </div>
      <div className="tool-group" aria-label="History">
        <button type="button" className="tool" disabled={!history.canUndo} title={history.undoNote ? `Undo: ${history.undoNote} (Ctrl+Z)` : 'Nothing to undo'} data-testid="undo" onClick={() => void undo()}>
          <UiIcon.undo />
        </button>
        <button type="button" className="tool" disabled={!history.canRedo} title={history.redoNote ? `Redo: ${history.redoNote} (Ctrl+Shift+Z)` : 'Nothing to redo'} data-testid="redo" onClick={() => void redo()}>
          <UiIcon.redo />
        </button>
        <button type="button" className="tool" disabled={!hasSelection} title="Delete selection (Delete)" data-testid="delete" onClick={() => void deleteSelection()}>
          <UiIcon.trash />
        </button>
      </div>
      <div className="tool-group">
        <button type="button" className="tool" disabled={disabled} title="Zoom to project (Home)" data-testid="zoom-to-project" onClick={zoomToProject}>
          <UiIcon.fit />
        </button>
      </div>
      <div className="spacer" />
      <div className="tool-group">
        <button type="button" className="text-button" disabled={disabled} title="Import a GeoJSON scene (merged into this project)" data-testid="import" onClick={onImport}>
          <UiIcon.importFile /> Import
        </button>
        <button type="button" className="text-button" disabled={disabled} title="Export the project as GeoJSON" data-testid="export" onClick={() => void downloadGeoJson()}>
          <UiIcon.exportFile /> Export GeoJSON
        </button>
        {onSettings ? (
          <button type="button" className="tool" disabled={disabled} title="Project settings: basemap, DORI preset (Ctrl+,)" aria-label="Project settings" data-testid="settings" onClick={onSettings}>
            <UiIcon.settings />
          </button>
        ) : null}
      </div>
    </header>
  );
}
