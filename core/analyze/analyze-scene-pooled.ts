import type { Scene } from '../scene/types.js';
import { approachClassRoutes, approachRouteKeys, approachWidthGroups, type ApproachRoutes } from '../approach/analyze-approach.js';
import { analysisPart, analyzeScene, ANALYSIS_WEIGHT, chosenAnalyses, joinAnalysisParts, type AnalysisPart } from './analyze-scene.js';
import type { AnalysisControl, AnalysisName, AnalysisResult, AnalysisSummary, AnalyzeOptions } from './analysis-types.js';

/**
 * Another thread that computes approach routes (a worker_thread in the CLI, a Web Worker in the
 * app). Core only sees this interface: no Worker here.
 */
export interface ApproachHelper {
  /**
   * `approachClassRoutes(scene, { vehicles: codes })` computed elsewhere; `onClassDone` after each
   * class. Rejects when the helper failed (would not start, crashed, or the analysis threw there).
   */
  routes(scene: Scene, codes: string[], onClassDone: () => void): Promise<ApproachRoutes>;
}

export interface ApproachPool {
  helpers: readonly ApproachHelper[];
  /** Lets queued messages (helpers' progress) through between the local analyses. */
  pause?: () => Promise<void>;
}

function abortError(): Error {
  const e = new Error('analysis aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * `analyzeScene` with the approach's width groups (classes of one width share their graph) spread
 * over helper threads, each taking the next group when free, while this thread runs the other
 * analyses; then the approach's features and summary are assembled here from the routes, in the
 * canonical order. The result is byte-identical to `analyzeScene` (analyze-scene-pooled.test.ts).
 * With no helper, no approach or one width group, it is `analyzeScene` itself. A helper that fails
 * is dropped and its group handed on; what no helper could do is computed here (so an error of the
 * analysis itself surfaces from here, as in the single call).
 */
export async function analyzeScenePooled(scene: Scene, options: AnalyzeOptions, control: AnalysisControl, pool: ApproachPool): Promise<AnalysisResult> {
  const chosen = chosenAnalyses(options);
  const cache = control.approachCache;
  if (!chosen.includes('approach') || (!cache && pool.helpers.length === 0)) return analyzeScene(scene, options, control);
  // Classes whose routes the cache holds for exactly these inputs are not searched again.
  const keys = cache ? approachRouteKeys(scene, { vehicles: options.vehicles }) : { shared: '', byClass: {} };
  const routes: ApproachRoutes = {};
  if (cache && cache.shared === keys.shared) {
    for (const [code, key] of Object.entries(keys.byClass)) {
      const kept = cache.classes.get(code);
      if (kept && kept.key === key) routes[code] = kept.routes;
    }
  }
  const missing = cache ? Object.keys(keys.byClass).filter((code) => !routes[code]) : options.vehicles;
  const groups = missing && missing.length === 0 ? [] : approachWidthGroups(scene, missing);
  if (!cache && groups.length < 2) return analyzeScene(scene, options, control);

  const total = chosen.reduce((s, n) => s + ANALYSIS_WEIGHT[n], 0);
  const fraction: Partial<Record<AnalysisName, number>> = {};
  const report = (name: AnalysisName, f: number) => {
    fraction[name] = f;
    control.onProgress?.(chosen.reduce((s, n) => s + ANALYSIS_WEIGHT[n] * (fraction[n] ?? 0), 0) / total, name);
  };
  const classCount = groups.reduce((s, g) => s + g.length, 0);
  let classesDone = 0;
  const queue = [...groups];

  const drain = async (helper: ApproachHelper) => {
    while (queue.length > 0 && !control.signal?.aborted) {
      const codes = queue.shift()!;
      let counted = 0;
      try {
        Object.assign(routes, await helper.routes(scene, codes, () => {
          counted++;
          classesDone++;
          report('approach', classesDone / classCount);
        }));
      } catch {
        classesDone -= counted;
        queue.unshift(codes);
        return;
      }
    }
  };
  const helpersDone = Promise.all(pool.helpers.map(drain));

  const parts: Partial<Record<AnalysisName, AnalysisPart>> = {};
  const done: AnalysisSummary = {};
  for (const name of chosen) {
    if (name === 'approach') continue;
    await pool.pause?.();
    if (control.signal?.aborted) throw abortError();
    parts[name] = analysisPart(name, scene, options, { signal: control.signal, onProgress: (f) => report(name, f) }, done);
    Object.assign(done, parts[name]!.summary);
    report(name, 1);
  }
  await helpersDone;
  if (control.signal?.aborted) throw abortError();
  if (queue.length > 0) {
    const left = queue.flat();
    const before = classesDone;
    Object.assign(routes, approachClassRoutes(scene, { vehicles: left, signal: control.signal as { aborted: boolean }, onProgress: (f) => report('approach', (before + f * left.length) / classCount) }));
  }
  parts.approach = analysisPart('approach', scene, options, { signal: control.signal, approachRoutes: routes, onProgress: () => {} }, done);
  report('approach', 1);
  if (cache) {
    // Only this run's classes are kept: memory stays that of one result.
    cache.shared = keys.shared;
    cache.classes.clear();
    for (const [code, key] of Object.entries(keys.byClass)) cache.classes.set(code, { key, routes: routes[code] });
  }
  return joinAnalysisParts(parts);
}
