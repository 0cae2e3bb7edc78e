import type { StoreApi } from 'zustand/vanilla';
import type { Scene } from '../../core/scene/types.js';
import { AnalysisClient, createAnalysisWorker, createDebouncedAnalysis, threadsFromStorage } from './analysis-client.js';
import { analysisRequest, sameThreats, settingsOf, type AnalysisSettings, type AnalysisState } from './analysis-store.js';

export interface AnalysisController {
  /** Call after every committed edit with the new scene; the analysis re-runs after `delayMs`. */
  sceneChanged(scene: Scene): void;
  /** Run now (the toolbar's Run button). */
  runNow(): void;
  /** Stop the run in flight (the toolbar's and status bar's Cancel). */
  cancel(): void;
  dispose(): void;
}

/**
 * Above this many features the analyses wait for Run instead of re-running after every edit: on a
 * 100,000-feature district one run takes minutes of CPU (10,000 crowd zones, each a standoff and
 * approach target), and copying the plan to the worker alone costs ~0.5 s per edit.
 */
export const AUTO_RUN_MAX_FEATURES = 20_000;

/**
 * Keeps the analysis store's results current: debounced re-runs after edits and after a change of
 * vehicle classes, threats, DORI preset or response time, in the worker, newest scene wins.
 */
export function createAnalysisController(
  store: StoreApi<AnalysisState>,
  client: AnalysisClient = new AnalysisClient(createAnalysisWorker, threadsFromStorage()),
  delayMs = 400,
  autoRunMaxFeatures = AUTO_RUN_MAX_FEATURES,
): AnalysisController {
  let scene: Scene | null = null;
  const runner = createDebouncedAnalysis(
    client,
    {
      onStart: () => store.getState().runStarted(),
      onProgress: (fraction, stage) => store.getState().progressed(fraction, stage),
      onResult: (result, snapshot) => store.getState().finished(result, snapshot),
      onError: (error) => store.getState().failed(error.message),
    },
    delayMs,
  );
  const schedule = () => {
    if (!scene) return;
    const { scene: snapshot, options } = analysisRequest(scene, settingsOf(store.getState()));
    runner.schedule(snapshot, options);
  };
  const sameSettings = (a: AnalysisSettings, b: AnalysisSettings) =>
    a.vehicles === b.vehicles && sameThreats(a.threats, b.threats) && a.doriPreset === b.doriPreset && a.responseTimeS === b.responseTimeS;
  // A large plan's run (started by Run) is stale once the plan or the settings change: stop it
  // (which silences its callbacks) and say the analyses wait for Run again.
  const holdForRun = (featureCount: number) => {
    runner.cancel();
    store.getState().awaitingRun(featureCount);
  };
  const unsubscribe = store.subscribe((now, before) => {
    if (sameSettings(now, before)) return;
    if (scene && scene.features.length > autoRunMaxFeatures) holdForRun(scene.features.length);
    else schedule();
  });
  return {
    sceneChanged(next) {
      scene = next;
      if (next.features.length > autoRunMaxFeatures) return holdForRun(next.features.length);
      schedule();
    },
    runNow() {
      schedule();
      runner.flush();
    },
    cancel() {
      runner.cancel();
      if (store.getState().status.state === 'running') store.getState().cancelled();
    },
    dispose() {
      unsubscribe();
      runner.cancel();
      client.dispose();
    },
  };
}
