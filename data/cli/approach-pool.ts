import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApproachPool } from '../../core/analyze/analyze-scene-pooled.js';
import { helperOverPort, type ApproachHelperResponse } from '../../core/analyze/approach-helper.js';

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
 * analysis then runs on the main thread as before. A thread starts when it is first given work
 * (none for `--only coverage` or a single width group); `close()` ends them.
 */
export function nodeApproachPool(threads: number, workerFile = APPROACH_WORKER_FILE): { pool: ApproachPool; close(): void } {
  const started: Worker[] = [];
  const count = threads >= 2 && existsSync(workerFile) ? threads : 0;
  const helpers = Array.from({ length: count }, () => {
    let worker: Worker | null = null;
    let handlers: { onMessage: (m: ApproachHelperResponse) => void; onFailure: (e: Error) => void } | null = null;
    return helperOverPort({
      post: (request) => {
        if (!worker) {
          // A thread that cannot start throws here: helperOverPort rejects and the pool hands the group on.
          worker = new Worker(workerFile);
          started.push(worker);
          const { onMessage, onFailure } = handlers!;
          worker.on('message', onMessage);
          worker.on('error', onFailure);
          worker.on('exit', (code) => onFailure(new Error(`approach worker exited (${code})`)));
        }
        worker.postMessage(request);
      },
      listen: (onMessage, onFailure) => {
        handlers = { onMessage, onFailure };
      },
    });
  });
  return { pool: { helpers }, close: () => started.forEach((w) => void w.terminate()) };
}
