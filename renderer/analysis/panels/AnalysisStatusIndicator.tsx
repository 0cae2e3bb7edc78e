import type { AnalysisStatus } from '../analysis-store.js';
import './analysis-panels.css';

export interface AnalysisStatusIndicatorProps {
  status: AnalysisStatus;
  onCancel(): void;
  /** Without it (e.g. in the status bar) no Run button is shown. */
  onRun?(): void;
}

const IDLE_TEXT = { idle: 'Not run', done: 'Up to date', cancelled: 'Cancelled', error: 'Analysis failed', manual: 'Large plan: run by hand' } as const;

/** Analysis progress with cancel (running) or the state with an optional Run button: for the toolbar and the status bar. */
export function AnalysisStatusIndicator({ status, onCancel, onRun }: AnalysisStatusIndicatorProps) {
  if (status.state === 'running') {
    const pct = Math.round(status.fraction * 100);
    return (
      <div className="an-run">
        <span className="an-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Analysis progress">
          <span className="an-progress-fill" style={{ width: `${status.fraction * 100}%` }} />
        </span>
        <span className="an-num an-status">
          {status.stage} {pct} %
        </span>
        <button type="button" className="an-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="an-run">
      <span
        className={`an-status${status.state === 'error' ? ' an-bad' : ''}`}
        data-testid="analysis-state"
        title={
          status.state === 'error'
            ? status.message
            : status.state === 'manual'
              ? `${status.featureCount.toLocaleString('en-GB')} features: the analyses no longer re-run after every edit; press Run analyses when you want them`
              : undefined
        }
      >
        {IDLE_TEXT[status.state]}
        {status.state === 'error' ? `: ${status.message}` : ''}
      </span>
      {onRun && (
        <button type="button" className="an-button an-primary" onClick={onRun}>
          Run analyses
        </button>
      )}
    </div>
  );
}
