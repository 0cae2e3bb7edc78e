import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { DORI_PRESETS } from '../../core/coverage/dori-presets.js';
import { THREATS } from '../../core/threats/threats.js';
import type { SceneMeta } from '../../core/scene/types.js';
import { isBuiltInVehicleCode } from '../../core/vehicles/validate-vehicle-row.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../core/vehicles/vehicle-classes.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import { analysisStore, useAnalysisStore } from '../analysis/analysis-store.js';
import { AnalysisToolbar } from '../analysis/panels/AnalysisToolbar.js';
import { doriPresetOptions, threatOptions, vehicleOptions } from '../analysis/picker-options.js';
import { useProject } from '../state/project-store.js';
import { analysisController } from './analysis-wiring.js';
import { VehiclesDialog } from './VehiclesDialog.js';
import { PROJECT_GROUP } from './vehicle-table-view.js';

/** The picker's classes: the project's table (built-ins with its values, then its own vehicles). */
function projectVehicleOptions(meta: SceneMeta | null) {
  let classes = BUILT_IN_VEHICLE_CLASSES;
  try {
    if (meta) classes = vehicleClassesFor({ bulwark: meta });
  } catch {
    // The store refuses an incomplete row; a project written by another tool falls back to the built-ins.
  }
  return vehicleOptions(classes).map((o) => (isBuiltInVehicleCode(o.code) ? o : { ...o, standard: PROJECT_GROUP }));
}
const THREAT_OPTIONS = threatOptions(THREATS);
const DORI_OPTIONS = doriPresetOptions(DORI_PRESETS);

const ORDER = THREAT_OPTIONS.map((t) => t.id);
const THREAT_LABEL = Object.fromEntries(THREATS.map((t) => [t.id, t.name]));

/**
 * Which chosen threat the target rings and breaches show (each threat's rings nest, so one at a
 * time): the map redraws at once through the layer filters, without re-running the analyses.
 */
function RingThreatChoice({ threats }: { threats: string[] }): ReactElement | null {
  if (threats.length === 0) return null;
  return (
    <label className="an-field ring-threat" title="The threat whose standoff rings and breaches the map shows around the sites and crowd zones">
      <span className="an-picker-label">Rings</span>
      <select value={threats[0]} aria-label="Threat of the target rings" data-testid="ring-threat" onChange={(e) => analysisStore.getState().setRingThreat(e.currentTarget.value)}>
        {[...threats].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).map((id) => (
          <option key={id} value={id}>
            {THREAT_LABEL[id] ?? id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The analysis row under the drawing tools: what to analyse for, and run / cancel. */
export function AnalysisBar(): ReactElement {
  const vehicles = useAnalysisStore((s) => s.vehicles);
  const threats = useAnalysisStore((s) => s.threats);
  const doriPreset = useAnalysisStore((s) => s.doriPreset);
  const responseTimeS = useAnalysisStore((s) => s.responseTimeS);
  const status = useAnalysisStore((s) => s.status);
  const open = useProject((s) => s.info !== null);
  const meta = useProject((s) => s.meta);
  const vehicleChoices = useMemo(() => projectVehicleOptions(meta), [meta]);
  const [tableOpen, setTableOpen] = useState(false);
  const st = analysisStore.getState();
  // A deleted project vehicle leaves the selection, so the analyses never ask for an unknown class.
  useEffect(() => {
    if (!meta) return;
    const known = new Set(vehicleChoices.map((o) => o.code));
    const chosen = analysisStore.getState().vehicles;
    if (chosen.some((c) => !known.has(c))) analysisStore.getState().setVehicles(chosen.filter((c) => known.has(c)));
  }, [meta, vehicleChoices]);
  return (
    <div className={`analysis-bar${open ? '' : ' is-disabled'}`} data-testid="analysis-bar">
      <span className="analysis-bar-title">Analyses</span>
      <AnalysisToolbar
        settings={{ vehicles, threats, doriPreset, responseTimeS }}
        status={status}
        vehicleOptions={vehicleChoices}
        threatOptions={THREAT_OPTIONS}
        doriPresetOptions={DORI_OPTIONS}
        onVehiclesChange={st.setVehicles}
        onThreatsChange={st.setThreats}
        onDoriPresetChange={st.setDoriPreset}
        onResponseTimeChange={st.setResponseTimeS}
        onRun={() => analysisController()?.runNow()}
        onCancel={() => analysisController()?.cancel()}
      >
        <button
          type="button"
          className="text-button vehicle-table-button"
          disabled={!open}
          title="See and edit this project's vehicle classes: masses, widths, speeds, turning and lateral limits"
          onClick={() => setTableOpen(true)}
        >
          Vehicle table…
        </button>
        <RingThreatChoice threats={threats} />
      </AnalysisToolbar>
      {tableOpen && <VehiclesDialog onClose={() => setTableOpen(false)} />}
    </div>
  );
}
