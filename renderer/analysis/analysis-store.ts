import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AnalysisResult, AnalyzeOptions } from '../../core/analyze/analysis-types.js';
import type { Scene } from '../../core/scene/types.js';
import { DEFAULT_VEHICLE_CODES } from '../../core/vehicles/vehicle-classes.js';
import { findingsFromResult, type Finding, type FindingsOptions } from './findings-from-result.js';

export type AnalysisStatus =
  | { state: 'idle' }
  | { state: 'running'; fraction: number; stage: string }
  | { state: 'cancelled' }
  | { state: 'error'; message: string }
  | { state: 'done' }
  /** A plan too big to re-analyse after every edit: results (if any) are older than the plan; Run re-runs. */
  | { state: 'manual'; featureCount: number };

/** The choices the toolbar makes; they become `AnalyzeOptions` and the scene's DORI preset. */
export interface AnalysisSettings {
  /** Vehicle class codes (IWA 14-1 / PAS 68 / ASTM F2656) for the approach analysis. */
  vehicles: string[];
  /** Threat ids of the stand-off chart. */
  threats: string[];
  /** `bulwark.settings.dori_preset`, e.g. `IEC62676-4:2014`. */
  doriPreset: string;
  /** Response time for the layered-security (EASI) check, s. */
  responseTimeS: number;
}

export interface AnalysisState extends AnalysisSettings {
  status: AnalysisStatus;
  /** The last complete result (kept while a newer run is in progress, so the map never goes blank). */
  result: AnalysisResult | null;
  /** The scene snapshot `result` was computed from. */
  resultScene: Scene | null;
  findings: Finding[];
  selectedPathId: string | null;
  /** Finding options that do not come from the settings (vehicle masses, threat names). */
  findingsOptions: Omit<FindingsOptions, 'responseTimeS'>;

  setVehicles(codes: string[]): void;
  setThreats(ids: string[]): void;
  /**
   * Which chosen threat the target rings and breaches show: it moves to the front of `threats`
   * (the map draws the first). Order only, so the analysis does not re-run.
   */
  setRingThreat(id: string): void;
  setDoriPreset(id: string): void;
  setResponseTimeS(s: number): void;
  selectPath(pathId: string | null): void;
  /** Selects the first approach path among these ids (a finding's), if any, for the speed chart. */
  selectPathAmong(featureIds: readonly string[]): void;
  setFindingsOptions(options: Omit<FindingsOptions, 'responseTimeS'>): void;

  runStarted(): void;
  progressed(fraction: number, stage: string): void;
  finished(result: AnalysisResult, scene: Scene): void;
  failed(message: string): void;
  cancelled(): void;
  /** The plan changed but is too big to re-run by itself (see AUTO_RUN_MAX_FEATURES). */
  awaitingRun(featureCount: number): void;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  // The IWA 14-1 / ISO 22343-1 classes, as the CLI analyses by default.
  vehicles: [...DEFAULT_VEHICLE_CODES],
  // The three threats of a public space: car bomb, van bomb, and a carried bag (blast-standoff.md §1).
  threats: ['car', 'suv_van', 'briefcase'],
  doriPreset: 'IEC62676-4:2014',
  // EASI response time: an example default the user sets per site (crowd-cpted-layers.md §3).
  responseTimeS: 120,
};

export const settingsOf = (s: AnalysisSettings): AnalysisSettings => ({
  vehicles: s.vehicles,
  threats: s.threats,
  doriPreset: s.doriPreset,
  responseTimeS: s.responseTimeS,
});

/** The scene snapshot and options to post for the given settings (the DORI preset rides in the scene). */
export function analysisRequest(scene: Scene, settings: AnalysisSettings): { scene: Scene; options: AnalyzeOptions } {
  return {
    scene: { ...scene, bulwark: { ...scene.bulwark, settings: { ...scene.bulwark.settings, dori_preset: settings.doriPreset } } },
    options: { vehicles: settings.vehicles, threats: settings.threats, responseTimeS: settings.responseTimeS },
  };
}

/** `threats` with `first` moved to the front when it is among them. */
export function ringThreatFirst(threats: readonly string[], first: string | undefined): string[] {
  return first && threats.includes(first) ? [first, ...threats.filter((t) => t !== first)] : [...threats];
}

/** Same threats, whatever the order (the order only picks the threat the rings show). */
export function sameThreats(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((t) => b.includes(t)));
}

export function createAnalysisStore(initial: Partial<AnalysisSettings> = {}): StoreApi<AnalysisState> {
  return createStore<AnalysisState>()((set, get) => {
    const derive = (result: AnalysisResult | null, scene: Scene | null, responseTimeS: number, options: AnalysisState['findingsOptions']) =>
      result && scene ? findingsFromResult(result, scene, { ...options, responseTimeS }) : [];
    return {
      ...DEFAULT_ANALYSIS_SETTINGS,
      ...initial,
      status: { state: 'idle' },
      result: null,
      resultScene: null,
      findings: [],
      selectedPathId: null,
      findingsOptions: {},

      setVehicles: (vehicles) => set({ vehicles }),
      // The threat the rings show stays first while it is still chosen (the picker sorts by chart order).
      setThreats: (threats) => set({ threats: ringThreatFirst(threats, get().threats[0]) }),
      setRingThreat: (id) => {
        const threats = get().threats;
        if (threats.includes(id) && threats[0] !== id) set({ threats: ringThreatFirst(threats, id) });
      },
      setDoriPreset: (doriPreset) => set({ doriPreset }),
      setResponseTimeS: (responseTimeS) => set({ responseTimeS }),
      selectPath: (selectedPathId) => set({ selectedPathId }),
      selectPathAmong: (ids) => {
        const paths = new Set((get().result?.features ?? []).filter((f) => f.properties.kind === 'approach_path').map((f) => f.id));
        const id = ids.find((i) => paths.has(i));
        if (id) set({ selectedPathId: id });
      },
      setFindingsOptions: (findingsOptions) => {
        const s = get();
        set({ findingsOptions, findings: derive(s.result, s.resultScene, s.responseTimeS, findingsOptions) });
      },

      runStarted: () => set({ status: { state: 'running', fraction: 0, stage: 'starting' } }),
      progressed: (fraction, stage) => {
        if (get().status.state === 'running') set({ status: { state: 'running', fraction, stage } });
      },
      finished: (result, scene) => {
        const s = get();
        const paths = new Set(result.features.filter((f) => f.properties.kind === 'approach_path').map((f) => f.id));
        set({
          status: { state: 'done' },
          result,
          resultScene: scene,
          findings: derive(result, scene, s.responseTimeS, s.findingsOptions),
          // Keep the selected path when the new result still has it; else select none.
          selectedPathId: s.selectedPathId && paths.has(s.selectedPathId) ? s.selectedPathId : null,
        });
      },
      failed: (message) => set({ status: { state: 'error', message } }),
      cancelled: () => set({ status: { state: 'cancelled' } }),
      awaitingRun: (featureCount) => set({ status: { state: 'manual', featureCount } }),
    };
  });
}

/** The app's analysis store. */
export const analysisStore = createAnalysisStore();

/** React hook on the app's analysis store. */
export function useAnalysisStore<T>(selector: (state: AnalysisState) => T): T {
  return useStore(analysisStore, selector);
}
