import type { AnalysisControl, AnalysisResult, AnalyzeOptions } from '../../core/analyze/analysis-types.js';
import type { Scene } from '../../core/scene/types.js';

/** What the page posts to the analysis worker. Every message carries the run it belongs to. */
export type WorkerRequest = {
  type: 'run';
  runId: number;
  scene: Scene;
  options: AnalyzeOptions;
  /** Threads for the approach (1 = all in the analysis worker); default min(2, cores). */
  approachThreads?: number;
};

/** What the worker posts back; the client drops any message whose `runId` is not the current run. */
export type WorkerResponse =
  | { type: 'progress'; runId: number; fraction: number; stage: string }
  | { type: 'result'; runId: number; result: AnalysisResult; elapsedMs: number }
  | { type: 'error'; runId: number; name: string; message: string };

/** The analysis the worker runs: `analyzeScene` from core/analyze, or `analyzeScenePooled` (async). */
export type AnalyzeSceneFn = (scene: Scene, options: AnalyzeOptions, control?: AnalysisControl, run?: { approachThreads?: number }) => AnalysisResult | Promise<AnalysisResult>;
