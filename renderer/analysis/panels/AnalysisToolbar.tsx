import { useEffect, useRef, type ReactNode } from 'react';
import type { AnalysisSettings, AnalysisStatus } from '../analysis-store.js';
import { AnalysisStatusIndicator } from './AnalysisStatusIndicator.js';
import './analysis-panels.css';

export interface VehicleOption {
  code: string;
  /** e.g. "N2A 2-axle cab-over, 7,200 kg". */
  label: string;
  /** e.g. "IWA 14-1", "PAS 68", "ASTM F2656". */
  standard: string;
  /** The reference marks the value VERIFY or secondary (hvm.md). */
  verify?: boolean;
  /** Source and unverified fields, shown as a tooltip. */
  note?: string;
}
export interface ChoiceOption {
  id: string;
  label: string;
  verify?: boolean;
}

export interface AnalysisToolbarProps {
  settings: AnalysisSettings;
  status: AnalysisStatus;
  vehicleOptions: readonly VehicleOption[];
  threatOptions: readonly ChoiceOption[];
  doriPresetOptions: readonly ChoiceOption[];
  onVehiclesChange(codes: string[]): void;
  onThreatsChange(ids: string[]): void;
  onDoriPresetChange(id: string): void;
  onResponseTimeChange(seconds: number): void;
  onRun(): void;
  onCancel(): void;
  /** More pickers, placed before the run status (the window's target-ring threat). */
  children?: ReactNode;
}

function toggle(list: readonly string[], id: string, on: boolean, order: readonly string[]): string[] {
  const set = new Set(list);
  if (on) set.add(id);
  else set.delete(id);
  return order.filter((o) => set.has(o));
}

function summary(chosen: readonly string[], empty: string): string {
  if (chosen.length === 0) return empty;
  return chosen.length <= 3 ? chosen.join(', ') : `${chosen.slice(0, 2).join(', ')} +${chosen.length - 2}`;
}

/** The analysis pickers of the top bar: vehicle classes, threats, DORI preset, response time, run/cancel. */
export function AnalysisToolbar(props: AnalysisToolbarProps) {
  const { settings, status, vehicleOptions, threatOptions, doriPresetOptions } = props;
  const standards = [...new Set(vehicleOptions.map((v) => v.standard))];
  const vehicleOrder = vehicleOptions.map((v) => v.code);
  const threatOrder = threatOptions.map((t) => t.id);
  const root = useRef<HTMLDivElement>(null);
  // A picker closes when the user clicks anywhere outside it, like a menu.
  useEffect(() => {
    const close = (e: PointerEvent) => {
      for (const d of root.current?.querySelectorAll('details[open]') ?? []) if (!d.contains(e.target as Node)) d.removeAttribute('open');
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, []);
  return (
    <div className="an-toolbar" role="toolbar" aria-label="Analysis" ref={root}>
      <details className="an-picker">
        <summary aria-label="Vehicle classes">
          <span className="an-picker-label">Vehicles</span>
          <span className="an-picker-value">{summary(settings.vehicles, 'none')}</span>
        </summary>
        <div className="an-popover">
          {standards.map((std) => (
            <fieldset key={std}>
              <legend>{std}</legend>
              {vehicleOptions
                .filter((v) => v.standard === std)
                .map((v) => (
                  <label key={v.code} className="an-check" title={v.note}>
                    <input
                      type="checkbox"
                      checked={settings.vehicles.includes(v.code)}
                      onChange={(e) => props.onVehiclesChange(toggle(settings.vehicles, v.code, e.currentTarget.checked, vehicleOrder))}
                    />
                    <span className="an-code">{v.code}</span> {v.label}
                    {v.verify && <span className="an-verify" title="Secondary source or conflicting values: check before relying on it">verify</span>}
                  </label>
                ))}
            </fieldset>
          ))}
        </div>
      </details>
      <details className="an-picker">
        <summary aria-label="Threats">
          <span className="an-picker-label">Threats</span>
          <span className="an-picker-value">
            {summary(
              settings.threats.map((id) => threatOptions.find((t) => t.id === id)?.label.split(',')[0] ?? id),
              'none',
            )}
          </span>
        </summary>
        <div className="an-popover">
          {threatOptions.map((t) => (
            <label key={t.id} className="an-check">
              <input
                type="checkbox"
                checked={settings.threats.includes(t.id)}
                onChange={(e) => props.onThreatsChange(toggle(settings.threats, t.id, e.currentTarget.checked, threatOrder))}
              />
              {t.label}
              {t.verify && <span className="an-verify">verify</span>}
            </label>
          ))}
        </div>
      </details>
      <label className="an-field">
        <span className="an-picker-label">DORI</span>
        <select
          className="an-dori"
          value={settings.doriPreset}
          title={doriPresetOptions.find((p) => p.id === settings.doriPreset)?.label}
          onChange={(e) => props.onDoriPresetChange(e.currentTarget.value)}
          aria-label="DORI preset"
        >
          {doriPresetOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="an-field">
        <span className="an-picker-label">Response</span>
        <input
          type="number"
          min={0}
          step={10}
          value={settings.responseTimeS}
          aria-label="Response time in seconds"
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            if (Number.isFinite(v) && v >= 0) props.onResponseTimeChange(v);
          }}
        />
        <span className="an-unit">s</span>
      </label>
      {props.children}
      <AnalysisStatusIndicator status={status} onRun={props.onRun} onCancel={props.onCancel} />
    </div>
  );
}
