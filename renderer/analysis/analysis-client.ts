import type { AnalysisResult, AnalyzeOptions } from '../../core/analyze/analysis-types.js';
import type { Scene } from '../../core/scene/types.js';
import type { WorkerRequest, WorkerResponse } from './analysis-messages.js';

/** The slice of `Worker` the client uses; tests pass a fake with the same shape. */
export interface AnalysisPort {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface RunHandle {
  /** Resolves with the result; rejects with an error named `AbortError` when cancelled or superseded. */
  promise: Promise<AnalysisResult>;
  cancel(): void;
}

export type ProgressListener = (fraction: number, stage: string) => void;

export function abortError(message = 'Analysis cancelled'): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

/** Vite bundles the worker as its own module chunk; the app and the harness both use this. */
export function createAnalysisWorker(): AnalysisPort {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'bulwark-analysis' }) as unknown as AnalysisPort;
}

interface CurrentRun {
  runId: number;
  resolve(result: AnalysisResult): void;
  reject(error: Error): void;
  onProgress?: ProgressListener;
}

/**
 * Runs analyses in one worker, one at a time; a new run cancels the one in flight (the newest
 * scene wins). Cancelling terminates the worker and a fresh one is spawned for the next run:
 * the core analyses are synchronous, so a "cancel" message would sit in the worker's queue until
 * the run had finished anyway. (A SharedArrayBuffer flag could be read mid-run, but needs
 * cross-origin isolation, which the dev host and Electron file pages do not both give.)
 */
export class AnalysisClient {
  private port: AnalysisPort | null = null;
  private current: CurrentRun | null = null;
  private nextRunId = 1;
  /** How many workers were spawned: 1 + one per cancelled run. */
  spawned = 0;

  /**
   * `approachThreads`: threads for the approach in the worker (1 = one core, as before); default
   * min(2, cores). The shared client reads it from local storage `bulwark.workers` (measurements).
   */
  constructor(
    private readonly createPort: () => AnalysisPort = createAnalysisWorker,
    private readonly approachThreads?: number,
  ) {}

  run(scene: Scene, options: AnalyzeOptions, onProgress?: ProgressListener): RunHandle {
    this.stop(abortError('Superseded by a newer analysis'));
    const runId = this.nextRunId++;
    let run!: CurrentRun;
    const promise = new Promise<AnalysisResult>((resolve, reject) => {
      run = { runId, resolve, reject, onProgress };
    });
    this.current = run;
    try {
      this.ensurePort().postMessage({ type: 'run', runId, scene, options, ...(this.approachThreads ? { approachThreads: this.approachThreads } : {}) });
    } catch (err) {
      // e.g. DataCloneError: a value in the scene that cannot cross to the worker.
      this.current = null;
      run.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return {
      promise,
      cancel: () => {
        if (this.current === run) this.stop(abortError());
      },
    };
  }

  /** Stops the run in flight, if any, and frees the worker. */
  dispose(): void {
    this.stop(abortError('Analysis client closed'));
  }

  private stop(error: Error): void {
    const run = this.current;
    if (!run) return;
    this.current = null;
    this.port?.terminate();
    this.port = null;
    run.reject(error);
  }

  private ensurePort(): AnalysisPort {
    if (this.port) return this.port;
    const port = this.createPort();
    this.spawned++;
    port.onmessage = ({ data }) => this.receive(data);
    port.onerror = (event) => {
      const run = this.current;
      if (!run) return;
      this.current = null;
      port.terminate();
      if (this.port === port) this.port = null;
      run.reject(new Error(`Analysis worker failed: ${event.message ?? 'unknown error'}`));
    };
    this.port = port;
    return port;
  }

  private receive(message: WorkerResponse): void {
    const run = this.current;
    // A message from a run that was cancelled or superseded is stale: drop it.
    if (!run || message.runId !== run.runId) return;
    if (message.type === 'progress') {
      run.onProgress?.(message.fraction, message.stage);
      return;
    }
    this.current = null;
    if (message.type === 'result') run.resolve(message.result);
    else {
      const e = new Error(message.message);
      e.name = message.name;
      run.reject(e);
    }
  }
}

let shared: AnalysisClient | null = null;

/** Runs `analyzeScene` in the shared worker; a call cancels the previous one still running. */
export function runAnalysis(scene: Scene, options: AnalyzeOptions, onProgress?: ProgressListener): RunHandle {
  shared ??= new AnalysisClient(createAnalysisWorker, threadsFromStorage());
  return shared.run(scene, options, onProgress);
}

/** `localStorage['bulwark.workers']` as a positive integer, if set (to measure one core against two). */
export function threadsFromStorage(): number | undefined {
  try {
    const n = Number.parseInt(globalThis.localStorage?.getItem('bulwark.workers') ?? '', 10);
    return Number.isFinite(n) && n >= 1 ? n : undefined;
  } catch {
    return undefined;
  }
}

export interface DebouncedAnalysisCallbacks {
  onStart?(): void;
  onProgress?: ProgressListener;
  /** The result and the scene snapshot it was computed from. */
  onResult(result: AnalysisResult, scene: Scene): void;
  onError?(error: Error): void;
}

export interface DebouncedAnalysis {
  /** Queues a snapshot; the analysis starts `delayMs` after the last call. */
  schedule(scene: Scene, options: AnalyzeOptions): void;
  /** Starts the queued snapshot now. */
  flush(): void;
  /** Drops the queued snapshot and stops the run in flight. */
  cancel(): void;
}

/**
 * Re-runs after edits: snapshots arriving within `delayMs` of each other collapse into one run,
 * a newer snapshot stops the run in flight, and only the newest run's result is delivered.
 */
export function createDebouncedAnalysis(client: AnalysisClient, callbacks: DebouncedAnalysisCallbacks, delayMs = 400): DebouncedAnalysis {
  let pending: { scene: Scene; options: AnalyzeOptions } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: RunHandle | null = null;
  let generation = 0;

  const start = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { scene, options } = pending;
    pending = null;
    const gen = ++generation;
    callbacks.onStart?.();
    const handle = client.run(scene, options, (f, s) => {
      if (gen === generation) callbacks.onProgress?.(f, s);
    });
    inFlight = handle;
    handle.promise.then(
      (result) => {
        if (gen !== generation) return;
        inFlight = null;
        callbacks.onResult(result, scene);
      },
      (error: Error) => {
        if (gen !== generation) return;
        inFlight = null;
        if (error.name !== 'AbortError') callbacks.onError?.(error);
      },
    );
  };

  return {
    schedule(scene, options) {
      pending = { scene, options };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(start, delayMs);
    },
    flush: start,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
      generation++;
      inFlight?.cancel();
      inFlight = null;
    },
  };
}
