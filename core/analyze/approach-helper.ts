import type { Scene } from '../scene/types.js';
import { approachClassRoutes, type ApproachRoutes } from '../approach/analyze-approach.js';
import type { ApproachHelper } from './analyze-scene-pooled.js';

/** What the pooled analysis posts to a helper thread. */
export interface ApproachHelperRequest {
  type: 'approach-routes';
  jobId: number;
  scene: Scene;
  codes: string[];
}

/** What a helper thread posts back (structured clones). */
export type ApproachHelperResponse =
  | { type: 'class-done'; jobId: number }
  | { type: 'routes'; jobId: number; routes: ApproachRoutes }
  | { type: 'error'; jobId: number; name: string; message: string };

/** The body of a helper thread (Web Worker or worker_thread): answers one request. */
export function answerApproachRequest(request: ApproachHelperRequest, post: (response: ApproachHelperResponse) => void): void {
  if (request?.type !== 'approach-routes') return;
  const { jobId } = request;
  try {
    const routes = approachClassRoutes(request.scene, { vehicles: request.codes, onProgress: () => post({ type: 'class-done', jobId }) });
    post({ type: 'routes', jobId, routes });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'error', jobId, name: e.name, message: e.message });
  }
}

/**
 * A thread seen from the side that starts it, whatever the runtime: `listen` is called once with
 * the message handler and the handler of a failure (did not start, crashed, exited).
 */
export interface HelperPort {
  post(request: ApproachHelperRequest): void;
  listen(onMessage: (response: ApproachHelperResponse) => void, onFailure: (error: Error) => void): void;
}

/**
 * An `ApproachHelper` over a port, one job at a time. After a failure of the thread it rejects
 * every call, so the pool hands its work on (analyze-scene-pooled.ts).
 */
export function helperOverPort(port: HelperPort): ApproachHelper {
  let failed: Error | null = null;
  let job: { id: number; resolve(r: ApproachRoutes): void; reject(e: Error): void; onClassDone(): void } | null = null;
  let nextId = 1;
  port.listen(
    (m) => {
      if (!job || m.jobId !== job.id) return;
      if (m.type === 'class-done') return job.onClassDone();
      const j = job;
      job = null;
      if (m.type === 'routes') j.resolve(m.routes);
      else j.reject(Object.assign(new Error(m.message), { name: m.name }));
    },
    (error) => {
      failed = error;
      const j = job;
      job = null;
      j?.reject(error);
    },
  );
  return {
    routes: (scene, codes, onClassDone) =>
      new Promise<ApproachRoutes>((resolve, reject) => {
        if (failed) return reject(failed);
        if (job) return reject(new Error('approach helper is busy'));
        job = { id: nextId++, resolve, reject, onClassDone };
        try {
          port.post({ type: 'approach-routes', jobId: job.id, scene, codes });
        } catch (e) {
          job = null;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }),
  };
}
