import type { SceneFeature } from '../../../core/scene/types.js';
import { ANALYSIS_COLOURS } from '../analysis-layers.js';
import { formatKmh, formatM } from '../format.js';
import { speedProfile, type SpeedPhase } from '../speed-profile.js';
import { CRITICAL_SPEED_KMH } from '../thresholds.js';
import './analysis-panels.css';

export interface SpeedProfileChartProps {
  /** The selected `approach_path` output feature, or null. */
  path: SceneFeature | null;
  /** Display name of the path's target. */
  targetName?: string;
  /** A reference speed drawn as a dashed line, km/h (default: the critical speed of thresholds.ts). */
  referenceSpeedKmh?: number;
  width?: number;
  height?: number;
}

export const PHASE_STYLE: Record<SpeedPhase, { colour: string; label: string }> = {
  accelerate: { colour: '#2c4f86', label: 'Accelerating (v² = u² + 2as)' },
  hold: { colour: '#0f7b6c', label: 'At corner limit (v = √(μ·g·r))' },
  brake: { colour: '#8a5cc2', label: 'Braking for a corner' },
};

/** A step of 1, 2 or 5 × 10ⁿ giving about `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

/** Speed against distance along the selected approach path, by phase, with the impact speed marked. */
export function SpeedProfileChart({ path, targetName, referenceSpeedKmh = CRITICAL_SPEED_KMH, width = 560, height = 210 }: SpeedProfileChartProps) {
  const profile = path ? speedProfile(path) : null;
  if (!path || !profile) {
    return (
      <section className="an-panel an-speed" aria-label="Speed profile">
        <header className="an-panel-head">
          <h2>Speed profile</h2>
        </header>
        <p className="an-empty">Select an approach path on the map or in the findings to see its speed profile.</p>
      </section>
    );
  }
  const m = { left: 46, right: 18, top: 14, bottom: 34 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const xStep = niceStep(profile.lengthM, 6);
  const xMax = Math.ceil(profile.lengthM / xStep) * xStep;
  const yTop = Math.max(...profile.speedsKmh, referenceSpeedKmh) * 1.08;
  const yStep = niceStep(yTop, 4);
  const yMax = Math.ceil(yTop / yStep) * yStep;
  const x = (d: number) => m.left + (d / xMax) * w;
  const y = (v: number) => m.top + h - (v / yMax) * h;
  const xTicks = Array.from({ length: Math.round(xMax / xStep) + 1 }, (_, i) => i * xStep);
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const last = profile.distancesM.length - 1;
  const ix = x(profile.distancesM[last]);
  const iy = y(profile.impactSpeedKmh);
  const area = `M${x(0)},${y(0)} ` + profile.distancesM.map((d, i) => `L${x(d)},${y(profile.speedsKmh[i])}`).join(' ') + ` L${ix},${y(0)} Z`;
  const vehicle = String(path.properties.vehicle ?? '');
  const labelLeft = ix > m.left + w * 0.7;

  return (
    <section className="an-panel an-speed" aria-label="Speed profile">
      <header className="an-panel-head">
        <h2>Speed profile</h2>
        <span className="an-num">
          {vehicle} → {targetName ?? String(path.properties.target_id ?? '')} · {formatM(profile.lengthM)} · impact <strong className="an-bad">{formatKmh(profile.impactSpeedKmh)}</strong>
        </span>
      </header>
      <svg className="an-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Speed against distance, impact ${formatKmh(profile.impactSpeedKmh)}`}>
        <g className="an-grid-lines">
          {yTicks.map((v) => (
            <line key={`gy${v}`} x1={m.left} x2={m.left + w} y1={y(v)} y2={y(v)} />
          ))}
          {xTicks.map((d) => (
            <line key={`gx${d}`} x1={x(d)} x2={x(d)} y1={m.top} y2={m.top + h} />
          ))}
        </g>
        <path d={area} className="an-area" />
        <line className="an-ref" x1={m.left} x2={m.left + w} y1={y(referenceSpeedKmh)} y2={y(referenceSpeedKmh)} />
        <text className="an-ref-label" x={m.left + 4} y={y(referenceSpeedKmh) - 4}>
          {formatKmh(referenceSpeedKmh)}
        </text>
        {profile.phases.map((phase, i) => (
          <line
            key={`s${i}`}
            data-phase={phase}
            x1={x(profile.distancesM[i])}
            y1={y(profile.speedsKmh[i])}
            x2={x(profile.distancesM[i + 1])}
            y2={y(profile.speedsKmh[i + 1])}
            stroke={PHASE_STYLE[phase].colour}
            strokeWidth={2.5}
            strokeLinecap="round"
          />
        ))}
        {profile.distancesM.slice(0, last).map((d, i) => (
          <circle key={`v${i}`} cx={x(d)} cy={y(profile.speedsKmh[i])} r={2.5} className="an-vertex" />
        ))}
        <circle cx={ix} cy={iy} r={4.5} fill={ANALYSIS_COLOURS.problem} stroke="#fff" strokeWidth={1.5} />
        <text className="an-impact-label" x={labelLeft ? ix - 8 : ix + 8} y={iy - 8} textAnchor={labelLeft ? 'end' : 'start'}>
          impact {formatKmh(profile.impactSpeedKmh)}
        </text>
        <g className="an-axis">
          <line x1={m.left} x2={m.left + w} y1={m.top + h} y2={m.top + h} />
          <line x1={m.left} x2={m.left} y1={m.top} y2={m.top + h} />
          {xTicks.map((d) => (
            <text key={`tx${d}`} x={x(d)} y={m.top + h + 14} textAnchor="middle">
              {d}
            </text>
          ))}
          {yTicks.map((v) => (
            <text key={`ty${v}`} x={m.left - 6} y={y(v) + 3.5} textAnchor="end">
              {v}
            </text>
          ))}
          <text x={m.left + w} y={height - 4} textAnchor="end" className="an-axis-title">
            distance along path (m)
          </text>
          <text x={12} y={m.top + h / 2} textAnchor="middle" className="an-axis-title" transform={`rotate(-90 12 ${m.top + h / 2})`}>
            speed (km/h)
          </text>
        </g>
      </svg>
      <ul className="an-legend">
        {(Object.keys(PHASE_STYLE) as SpeedPhase[]).map((p) => (
          <li key={p}>
            <span className="an-swatch-line" style={{ background: PHASE_STYLE[p].colour }} />
            {PHASE_STYLE[p].label}
          </li>
        ))}
      </ul>
    </section>
  );
}
