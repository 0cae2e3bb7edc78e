import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import type { AnalyzeSceneFn, WorkerRequest, WorkerResponse } from './analysis-messages.js';

/** The slice of a worker's global scope the handler uses (a real `DedicatedWorkerGlobalScope` fits). */
export interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
}

/** Progress is posted at most once per this fraction step (or on a new stage) so the page is not flooded. */
const PROGRESS_STEP = 0.01;

/**
 * The body of the analysis worker: runs `analyze` on each scene posted and posts progress, then
 * the result or the error. Cancelling is done by the page terminating the worker (see
 * analysis-client.ts), because a message cannot be read while the synchronous analysis runs.
 */
export function handleAnalysisRequests(scope: WorkerScope, analyze: AnalyzeSceneFn, now: () => number = () => performance.now()): void {
  scope.onmessage = ({ data }) => {
    if (data.type !== 'run') return;
    const { runId, scene, options, approachThreads } = data;
    const started = now();
    let lastFraction = -1;
    let lastStage = '';
    const fail = (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ type: 'error', runId, name: e.name, message: e.message });
    };
    const succeed = (result: AnalysisResult) => scope.postMessage({ type: 'result', runId, result, elapsedMs: now() - started });
    let out: AnalysisResult | Promise<AnalysisResult>;
    try {
      out = analyze(scene, options, {
        onProgress: (fraction, stage) => {
          if (stage === lastStage && fraction - lastFraction < PROGRESS_STEP && fraction < 1) return;
          lastFraction = fraction;
          lastStage = stage;
          scope.postMessage({ type: 'progress', runId, fraction, stage });
        },
      }, { approachThreads });
    } catch (err) {
      fail(err);
      return;
    }
    // A synchronous analysis posts at once; the pooled one when its helpers are done.
    if (out instanceof Promise) out.then(succeed, fail);
    else succeed(out);
  };
}
