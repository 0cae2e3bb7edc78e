import type { ApproachPool } from '../../core/analyze/analyze-scene-pooled.js';
import { helperOverPort, type ApproachHelperRequest, type ApproachHelperResponse } from '../../core/analyze/approach-helper.js';

/** The slice of a dedicated `Worker` the pool uses. */
interface HelperWorker {
  postMessage(message: ApproachHelperRequest): void;
  terminate(): void;
  onmessage: ((event: { data: ApproachHelperResponse }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  onmessageerror: (() => void) | null;
}

/** Vite bundles the helper as its own chunk, from inside the analysis worker (nested dedicated worker). */
export function createApproachWorker(): HelperWorker {
  return new Worker(new URL('./approach.worker.ts', import.meta.url), { type: 'module', name: 'bulwark-approach' }) as unknown as HelperWorker;
}

/**
 * Helper workers for the approach: `threads` when asked (1 = none: all in the analysis worker),
 * else min(2, cores), none on one core.
 */
export function approachHelperCount(cores: number | undefined, threads?: number): number {
  const n = threads ?? Math.min(2, cores ?? 1);
  return n >= 2 ? Math.floor(n) : 0;
}

/**
 * The analysis worker's pool of approach helper workers (analyzeScenePooled), started on first use
 * and kept for the next runs (`count` helpers; a new count starts a new pool). Cancelling a run terminates the analysis worker, and with it these
 * nested workers. `reset()` terminates them (after a failed run, so none keeps working for it);
 * the next `get()` starts fresh ones. A helper that cannot start rejects its work and the pool
 * hands it on; with no helper at all the analysis runs in the analysis worker as before.
 */
export function webApproachPool(create: () => HelperWorker = createApproachWorker): { get(count: number): ApproachPool; reset(): void } {
  let workers: HelperWorker[] | null = null;
  let pool: ApproachPool | null = null;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    get(count) {
      if (pool && workers?.length === count) return pool;
      this.reset();
      workers = [];
      for (let i = 0; i < count; i++) {
        try {
          workers.push(create());
        } catch {
          // No nested workers here (or blocked): the pool works with the rest, or none.
        }
      }
      pool = {
        pause,
        helpers: workers.map((w) =>
          helperOverPort({
            post: (request) => w.postMessage(request),
            listen: (onMessage, onFailure) => {
              w.onmessage = ({ data }) => onMessage(data);
              w.onerror = (e) => {
                e.preventDefault?.();
                onFailure(new Error(`approach worker failed: ${e.message ?? 'could not start'}`));
              };
              w.onmessageerror = () => onFailure(new Error('approach worker: a message could not be read'));
            },
          }),
        ),
      };
      return pool;
    },
    reset() {
      for (const w of workers ?? []) w.terminate();
      workers = null;
      pool = null;
    },
  };
}
