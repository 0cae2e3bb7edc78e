import type { AnalysisResult } from '../../../core/analyze/analysis-types.js';
import type { Scene } from '../../../core/scene/types.js';
import { formatKpa, formatM } from '../format.js';
import { nameLookup } from './names.js';
import './analysis-panels.css';

export interface StandoffTableProps {
  result: AnalysisResult | null;
  scene: Scene | null;
  /** Display names of threat ids (from the threat table), e.g. `car` → "Car (sedan)". */
  threatNames?: Record<string, string>;
  onZoomTo(featureIds: string[]): void;
}

/** Achieved against required bomb standoff per target and threat (NCTC/DHS stand-off chart). */
export function StandoffTable({ result, scene, threatNames = {}, onZoomTo }: StandoffTableProps) {
  const rows = result?.summary.standoff?.results ?? [];
  const name = nameLookup(scene);
  const breaches = (targetId: string, threat: string) =>
    (result?.features ?? []).filter((f) => f.properties.kind === 'standoff_breach' && f.properties.target_id === targetId && f.properties.threat === threat).map((f) => f.id);
  return (
    <section className="an-panel an-standoff" aria-label="Standoff">
      <header className="an-panel-head">
        <h2>Standoff</h2>
        <span className="an-muted">NCTC/DHS stand-off chart · Kingery–Bulmash</span>
      </header>
      {rows.length === 0 ? (
        <p className="an-empty">No standoff results.</p>
      ) : (
        <table className="an-table an-grid">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Threat</th>
              <th scope="col" className="an-num">Achieved</th>
              <th scope="col" className="an-num">Required</th>
              <th scope="col" className="an-num" title="Required minus achieved">Short</th>
              <th scope="col" className="an-num">Incident</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const short = !r.ok && r.achieved_m !== null;
              return (
                <tr key={`${r.target_id}:${r.threat}`} className={short ? 'an-row-bad' : undefined} onClick={() => onZoomTo([r.target_id, ...breaches(r.target_id, r.threat)])}>
                  <td>{name(r.target_id)}</td>
                  <td>{threatNames[r.threat] ?? r.threat.replace(/_/g, ' ')}</td>
                  <td className="an-num">{r.achieved_m === null ? <span className="an-muted" title="No vehicle or person carrying this threat can reach the target">unreachable</span> : formatM(r.achieved_m)}</td>
                  <td className="an-num">{formatM(r.required_m)}</td>
                  <td className="an-num">{short ? formatM(r.required_m - r.achieved_m!) : <span className="an-ok">met</span>}</td>
                  <td className="an-num" title={r.incident_kpa === null ? 'Outside the Kingery–Bulmash range, or nothing reaches it' : undefined}>
                    {r.incident_kpa === null ? '—' : formatKpa(r.incident_kpa)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
