import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApproachPool } from '../../core/analyze/analyze-scene-pooled.js';
import { helperOverPort } from '../../core/analyze/approach-helper.js';

/** The helper thread's bundle, beside the CLI bundle (test/support/build.mjs cli). */
export const APPROACH_WORKER_FILE = fileURLToPath(new URL('./approach-worker.mjs', import.meta.url));

/**
 * How many threads the approach may use: `BULWARK_WORKERS` when set (1 = everything on the main
 * thread, as before), else min(2, the machine's cores).
 */
export function approachThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.BULWARK_WORKERS ?? '', 10);
  if (Number.isFinite(asked) && asked >= 1) return asked;
  return Math.min(2, availableParallelism());
}

/**
 * A pool of worker_threads for the approach's width groups (analyzeScenePooled), or no helper at
 * all when one thread is asked or the worker bundle is missing (running from sources): the
 * analysis then runs on the main thread as before. `close()` ends the threads.
 */
export function nodeApproachPool(threads: number, workerFile = APPROACH_WORKER_FILE): { pool: ApproachPool; close(): void } {
  const workers: Worker[] = [];
  if (threads >= 2 && existsSync(workerFile)) {
    for (let i = 0; i < threads; i++) {
      try {
        workers.push(new Worker(workerFile));
      } catch {
        // A thread that cannot start is left out; the pool works with the rest (or none).
      }
    }
  }
  const helpers = workers.map((w) =>
    helperOverPort({
      post: (request) => w.postMessage(request),
      listen: (onMessage, onFailure) => {
        w.on('message', onMessage);
        w.on('error', onFailure);
        w.on('exit', (code) => onFailure(new Error(`approach worker exited (${code})`)));
      },
    }),
  );
  return { pool: { helpers }, close: () => workers.forEach((w) => void w.terminate()) };
}
