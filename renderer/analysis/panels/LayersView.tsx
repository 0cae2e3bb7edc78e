import type { AnalysisResult } from '../../../core/analyze/analysis-types.js';
import type { Scene } from '../../../core/scene/types.js';
import { formatPct } from '../format.js';
import { nameLookup } from './names.js';
import './analysis-panels.css';

export interface LayersViewProps {
  result: AnalysisResult | null;
  scene: Scene | null;
  /** The response time the EASI check used, s (shown beside P(interruption)). */
  responseTimeS?: number;
  onZoomTo(featureIds: string[]): void;
}

/** A route that does not exist (no vehicle or person can reach the target) crosses no layer: "—". */
const crossed = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));
/** Gaps a vehicle fits through, where the layers analysis says so. */
const permeable = (gaps: readonly unknown[]): number =>
  gaps.filter((g) => typeof g === 'object' && g !== null && (g as { vehicle_permeable?: unknown }).vehicle_permeable === true).length;

/** Layers of security per target: layers crossed on each approach, gaps and camera Detect % per layer. */
export function LayersView({ result, scene, responseTimeS, onZoomTo }: LayersViewProps) {
  const targets = result?.summary.layers?.results ?? [];
  const name = nameLookup(scene);
  return (
    <section className="an-panel an-layers" aria-label="Layers of security">
      <header className="an-panel-head">
        <h2>Layers of security</h2>
        <span className="an-muted">defence in depth · EASI</span>
      </header>
      {targets.length === 0 && <p className="an-empty">No targets analysed.</p>}
      {targets.map((t) => (
        <div key={t.target_id} className="an-target" data-target={t.target_id}>
          <div className="an-zone-head">
            <button type="button" className="an-link" onClick={() => onZoomTo([t.target_id])}>
              {name(t.target_id)}
            </button>
            <span className="an-num" title="Fewest layers crossed on the way in">
              vehicle {crossed(t.vehicle_layers_crossed)} · on foot {crossed(t.pedestrian_layers_crossed)}
            </span>
            {t.p_interruption !== undefined && t.p_interruption !== null && (
              <span className="an-num an-muted">
                P(I) {t.p_interruption.toFixed(2)}
                {responseTimeS !== undefined ? ` at ${responseTimeS} s` : ''}
              </span>
            )}
            {t.single_layer && <span className="an-flag">single layer</span>}
          </div>
          <table className="an-table an-grid">
            <thead>
              <tr>
                <th scope="col" className="an-num">#</th>
                <th scope="col">Layer</th>
                <th scope="col">Type</th>
                <th scope="col" className="an-num">Gaps</th>
                <th scope="col" className="an-num">Camera detect</th>
              </tr>
            </thead>
            <tbody>
              {t.layers.map((l) => (
                <tr key={l.layer_id} onClick={() => onZoomTo([l.layer_id])} className={l.gaps.length ? 'an-row-warn' : undefined}>
                  <td className="an-num">{l.layer ?? '—'}</td>
                  <td>{name(l.layer_id)}</td>
                  <td>{l.type.replace(/_/g, ' ')}</td>
                  <td className="an-num">
                    {l.gaps.length}
                    {permeable(l.gaps) > 0 && <span className="an-bad"> ({permeable(l.gaps)} vehicle)</span>}
                  </td>
                  <td className="an-num">{l.camera_detect_pct === null ? '—' : formatPct(l.camera_detect_pct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
