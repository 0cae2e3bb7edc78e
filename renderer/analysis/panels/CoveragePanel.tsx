import type { AnalysisResult } from '../../../core/analyze/analysis-types.js';
import type { Scene } from '../../../core/scene/types.js';
import { DORI_COLOURS } from '../analysis-layers.js';
import { formatM2, formatPct, levelLabel } from '../format.js';
import { nameLookup } from './names.js';
import './analysis-panels.css';

export interface CoveragePanelProps {
  result: AnalysisResult | null;
  scene: Scene | null;
  onZoomTo(featureIds: string[]): void;
}

/** Coverage per crowd zone: one bar per DORI level with % covered and the gap in m² (IEC 62676-4). */
export function CoveragePanel({ result, scene, onZoomTo }: CoveragePanelProps) {
  const zones = result?.summary.coverage?.zones ?? [];
  const name = nameLookup(scene);
  const gapIds = (zoneId: string, level: string) =>
    (result?.features ?? []).filter((f) => f.properties.kind === 'coverage_gap' && f.properties.zone_id === zoneId && f.properties.dori === level).map((f) => f.id);
  return (
    <section className="an-panel an-coverage" aria-label="Coverage per zone">
      <header className="an-panel-head">
        <h2>Coverage per zone</h2>
        <span className="an-muted">DORI preset {String(scene?.bulwark.settings?.dori_preset ?? 'IEC62676-4:2014')}</span>
      </header>
      {zones.length === 0 && <p className="an-empty">No crowd zones analysed.</p>}
      {zones.map((z) => (
        <div key={z.zone_id} className="an-zone">
          <div className="an-zone-head">
            <button type="button" className="an-link" onClick={() => onZoomTo([z.zone_id])}>
              {name(z.zone_id)}
            </button>
            <span className="an-muted an-num">{formatM2(z.area_m2)}</span>
            <span className="an-muted an-num" title="Area seen by two or more cameras at Detect">≥2 cameras {formatM2(z.k2_m2)}</span>
          </div>
          <table className="an-table an-levels">
            <tbody>
              {Object.keys(z.covered_pct).map((level) => {
                const pct = z.covered_pct[level];
                const gapM2 = z.area_m2 - (z.covered_m2[level] ?? 0);
                const ids = gapIds(z.zone_id, level);
                return (
                  <tr key={level} data-level={level}>
                    <th scope="row">{levelLabel(level)}</th>
                    <td className="an-bar-cell">
                      <span className="an-bar" role="img" aria-label={`${levelLabel(level)} ${formatPct(pct)}`}>
                        <span className="an-bar-fill" style={{ width: `${Math.max(0, Math.min(100, pct))}%`, background: DORI_COLOURS[level] ?? '#5e8fc8' }} />
                      </span>
                    </td>
                    <td className="an-num">{formatPct(pct)}</td>
                    <td className="an-num">
                      {gapM2 >= 1 ? (
                        <button type="button" className="an-link an-gap" onClick={() => onZoomTo(ids.length ? ids : [z.zone_id])} title="Zoom to the gap">
                          gap {formatM2(gapM2)}
                        </button>
                      ) : (
                        <span className="an-muted">no gap</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
