import { useEffect, useState, type ReactElement } from 'react';
import { formatFinding } from '../../core/scene/validate.js';
import { useProject } from '../state/project-store.js';
import { useUi, useView } from '../state/ui-store.js';
import { dismissError, loadProject } from '../state/edit.js';
import type { MapController } from '../map/map-controller.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import { UiIcon } from './icons.js';
import { useSuspectItems } from '../analysis/suspect-items-store.js';
import { itemThreat } from '../analysis/suspect-item-rings.js';

/** The result of an import: what was added, or why nothing was (each finding names its feature). */
export function ImportPanel(): ReactElement | null {
  const outcome = useUi((s) => s.importOutcome);
  if (!outcome) return null;
  const close = () => useUi.setState({ importOutcome: null });
  const refused = !!outcome.error || !!outcome.report?.findings.some((f) => f.severity === 'error');
  const findings = outcome.error?.findings ?? outcome.report?.findings ?? [];
  return (
    <section className={`floating-panel import-panel${refused ? ' refused' : ''}`} role="status" data-testid="import-panel">
      <header>
        <strong>{refused ? `${outcome.fileName} was not imported` : `Imported ${outcome.fileName}`}</strong>
        <button type="button" className="icon-button" title="Dismiss" data-testid="import-dismiss" onClick={close}>
          <UiIcon.close />
        </button>
      </header>
      {outcome.error ? <p>{outcome.error.message}. The project is unchanged.</p> : null}
      {outcome.report && !refused ? (
        <p>
          {outcome.report.added.toLocaleString('en-GB')} added, {outcome.report.replaced.toLocaleString('en-GB')} replaced.
        </p>
      ) : null}
      {findings.length ? (
        <ul className="findings" data-testid="import-findings">
          {findings.slice(0, 200).map((f, i) => (
            <li key={i} className={f.severity}>
              {formatFinding(f)}
              {f.property ? <span className="finding-prop"> ({f.property})</span> : null}
            </li>
          ))}
          {findings.length > 200 ? <li>… and {findings.length - 200} more</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

/** An API or storage error: its message, the feature it names, and a way to dismiss it. */
export function ErrorBanner(): ReactElement | null {
  const error = useProject((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>
        {error.featureId ? <strong>{error.featureId}: </strong> : null}
        {error.message}
      </span>
      <button type="button" className="icon-button" title="Dismiss" onClick={dismissError}>
        <UiIcon.close />
      </button>
    </div>
  );
}

/** A validation message pinned on the map next to the shape that was refused. */
export function EditCallout({ controller }: { controller: MapController | null }): ReactElement | null {
  const problem = useUi((s) => s.problem);
  useView((s) => s.zoom);
  useView((s) => s.centerLat);
  useView((s) => s.cursor);
  if (!problem?.lngLat || !controller || problem.property) return null;
  const p = controller.project(problem.lngLat);
  return (
    <div className="callout" role="alert" data-testid="edit-callout" style={{ left: p.x, top: p.y }}>
      <span>{problem.message}</span>
      <button type="button" className="icon-button" title="Dismiss" onClick={() => useUi.setState({ problem: null })}>
        <UiIcon.close />
      </button>
    </div>
  );
}

/** The running measurement, and how to use the tool. */
export function MeasureReadout(): ReactElement | null {
  const tool = useUi((s) => s.tool);
  const measure = useUi((s) => s.measure);
  if (tool.type !== 'measure') return null;
  return (
    <div className="measure-readout" data-testid="measure">
      <strong>{tool.what === 'distance' ? 'Distance' : 'Area'}</strong>
      <span className="mono">{measure?.text ?? '—'}</span>
      <small>{tool.what === 'distance' ? 'Click points; double-click or Enter to finish.' : 'Click corners; click the first or Enter to close.'} Esc leaves.</small>
    </div>
  );
}

/** What a drawing tool expects, so the planner is never left guessing. */
export function DrawHint(): ReactElement | null {
  const tool = useUi((s) => s.tool);
  const placing = useSuspectItems((s) => s.placing);
  const nextThreat = useSuspectItems((s) => s.nextThreat);
  if (placing) {
    return (
      <div className="draw-hint" data-testid="draw-hint">
        Click where the suspicious item is: its evacuation and shelter rings are drawn for a {itemThreat(nextThreat).name.toLowerCase()} (change the threat in the list). Esc cancels.
      </div>
    );
  }
  if (tool.type !== 'draw') return null;
  const noun = tool.kind.replace(/_/g, ' ');
  const how = tool.geometry === 'Point' ? `Click to place the ${noun}.` : tool.geometry === 'LineString' ? `Click each vertex of the ${noun}; double-click or Enter to finish.` : `Click each corner of the ${noun}; click the first corner or press Enter to close.`;
  return (
    <div className="draw-hint" data-testid="draw-hint">
      {how} Snaps to nearby vertices and edges. Esc cancels.
    </div>
  );
}

/** With no project open (web host without one): create one. */
export function Welcome({ api }: { api: BulwarkApi }): ReactElement | null {
  const info = useProject((s) => s.info);
  const loading = useProject((s) => s.loading);
  const [path, setPath] = useState('site-plan.gpkg');
  const [name, setName] = useState('New site plan');
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    if (info) return;
    api.recentProjects().then(setRecent, () => setRecent([]));
  }, [api, info]);
  if (info || loading) return null;
  const open = async (p: string) => {
    try {
      await api.openProject({ path: p });
      setError(null);
      await loadProject();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const create = async (template: 'empty' | 'demo') => {
    try {
      await api.createProject({ path, name, template });
      setError(null);
      await loadProject();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="welcome" data-testid="welcome">
      <h2>No project open</h2>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} data-testid="new-name" />
      </label>
      <label>
        File <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="new-path" />
      </label>
      <div className="welcome-actions">
        <button type="button" className="text-button primary" data-testid="create-empty" onClick={() => void create('empty')}>
          Create project
        </button>
        <button type="button" className="text-button" data-testid="create-demo" onClick={() => void create('demo')}>
          Create demo project
        </button>
      </div>
      {recent.length ? (
        <div className="recent">
          <h3>Recent projects</h3>
          <ul>
            {recent.slice(0, 6).map((p) => (
              <li key={p}>
                <button type="button" className="link-button" title={p} onClick={() => void open(p)}>
                  {p.split(/[\\/]/).pop()}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <p className="prop-error">{error}</p> : null}
    </div>
  );
}
