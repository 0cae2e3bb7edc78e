import { SEVERITIES, type Finding, type Severity } from '../findings-from-result.js';
import './analysis-panels.css';

export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Zoom the map to these feature ids (input features and analysis outputs). */
  onZoomTo(featureIds: string[]): void;
  /** True while a newer analysis runs: the list stays, dimmed. */
  stale?: boolean;
  /** False until an analysis has finished on this plan: "no findings" would then be a false all-clear. */
  analysed?: boolean;
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** The bottom panel's list of what is wrong, most severe first; a click zooms to the place. */
export function FindingsPanel({ findings, onZoomTo, stale, analysed = true }: FindingsPanelProps) {
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  return (
    <section className={`an-panel an-findings${stale ? ' an-stale' : ''}`} aria-label="Findings">
      <header className="an-panel-head">
        <h2>Findings</h2>
        <span className="an-counts">
          {counts.map(([s, n]) => (
            <span key={s} className={n > 0 ? `an-count an-sev-${s}` : 'an-count'} title={`${SEVERITY_LABEL[s]} findings`}>
              {n} {SEVERITY_LABEL[s].toLowerCase()}
            </span>
          ))}
        </span>
      </header>
      {findings.length === 0 && !analysed ? (
        <p className="an-empty" data-testid="findings-not-run">
          Not analysed yet: press Run analyses to check barriers, standoff, coverage and layers.
        </p>
      ) : findings.length === 0 ? (
        <p className="an-empty">No findings: every barrier holds, no standoff is short, and the zones are covered.</p>
      ) : (
        <ol className="an-finding-list">
          {findings.map((f) => (
            <li key={f.id}>
              <button type="button" className="an-finding" onClick={() => onZoomTo(f.featureIds)} title="Zoom to it on the map">
                <span className={`an-sev an-sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
                <span className="an-finding-text">
                  <span className="an-finding-message">{f.message}</span>
                  <span className="an-finding-source">{f.source}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
