import type { ReactElement } from 'react';
import { DORI_PRESETS } from '../../core/coverage/dori-presets.js';
import { THREATS } from '../../core/threats/threats.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../core/vehicles/vehicle-classes.js';
import { analysisStore, useAnalysisStore } from '../analysis/analysis-store.js';
import { AnalysisToolbar } from '../analysis/panels/AnalysisToolbar.js';
import { doriPresetOptions, threatOptions, vehicleOptions } from '../analysis/picker-options.js';
import { useProject } from '../state/project-store.js';
import { analysisController } from './analysis-wiring.js';

const VEHICLES = vehicleOptions(BUILT_IN_VEHICLE_CLASSES);
const THREAT_OPTIONS = threatOptions(THREATS);
const DORI_OPTIONS = doriPresetOptions(DORI_PRESETS);

/** The analysis row under the drawing tools: what to analyse for, and run / cancel. */
export function AnalysisBar(): ReactElement {
  const vehicles = useAnalysisStore((s) => s.vehicles);
  const threats = useAnalysisStore((s) => s.threats);
  const doriPreset = useAnalysisStore((s) => s.doriPreset);
  const responseTimeS = useAnalysisStore((s) => s.responseTimeS);
  const status = useAnalysisStore((s) => s.status);
  const open = useProject((s) => s.info !== null);
  const st = analysisStore.getState();
  return (
    <div className={`analysis-bar${open ? '' : ' is-disabled'}`} data-testid="analysis-bar">
      <span className="analysis-bar-title">Analyses</span>
      <AnalysisToolbar
        settings={{ vehicles, threats, doriPreset, responseTimeS }}
        status={status}
        vehicleOptions={VEHICLES}
        threatOptions={THREAT_OPTIONS}
        doriPresetOptions={DORI_OPTIONS}
        onVehiclesChange={st.setVehicles}
        onThreatsChange={st.setThreats}
        onDoriPresetChange={st.setDoriPreset}
        onResponseTimeChange={st.setResponseTimeS}
        onRun={() => analysisController()?.runNow()}
        onCancel={() => analysisController()?.cancel()}
      />
    </div>
  );
}
