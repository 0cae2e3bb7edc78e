import { describe, expect, it } from 'vitest';
import { localScene, rect } from '../../core/drivable/local-scene.js';
import { analyzeScene } from '../../core/analyze/analyze-scene.js';
import { analyzeScenePooled } from '../../core/analyze/analyze-scene-pooled.js';
import { answerApproachRequest, type ApproachHelperRequest, type ApproachHelperResponse } from '../../core/analyze/approach-helper.js';
import { approachHelperCount, webApproachPool } from './web-approach-pool.js';
import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';
import type { WorkerResponse } from './analysis-messages.js';

/**
 * A dedicated worker on this thread: messages are structured-cloned and delivered on a later task,
 * and the body is the real helper (approach.worker.ts). `broken` fires `onerror` as a worker whose
 * script cannot load does.
 */
class InThreadWorker {
  onmessage: ((event: { data: ApproachHelperResponse }) => void) | null = null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  jobs = 0;
  constructor(private readonly broken = false) {
    if (broken) setTimeout(() => this.onerror?.({ message: 'failed to load approach.worker.js' }), 0);
  }
  postMessage(request: ApproachHelperRequest): void {
    if (this.broken || this.terminated) return;
    const copy = structuredClone(request);
    setTimeout(() => {
      this.jobs++;
      answerApproachRequest(copy, (r) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(r) }), 0));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const poly = (ring: [number, number][]) => ({ type: 'Polygon' as const, coordinates: [ring] });
/** A square with a zone, a rated barrier line and a building: small enough to analyse quickly. */
const scene = localScene([
  { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) },
  { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(60, 60, 75, 75)) },
  { id: 'b1', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[50, 50], [50, 90]] }, properties: { barrier_type: 'bollard', rating: 'V/7200[N2A]/48/90:3.5' } },
  { id: 'h1', kind: 'building', geometry: poly(rect(20, 60, 40, 80)) },
]).scene;
const options = { vehicles: ['M1', 'N2A'] };

describe('approach helper workers in the app', () => {
  it('helper count: min(2, cores), none on one core; an asked thread count wins (1 = none)', () => {
    expect(approachHelperCount(8)).toBe(2);
    expect(approachHelperCount(2)).toBe(2);
    expect(approachHelperCount(1)).toBe(0);
    expect(approachHelperCount(undefined)).toBe(0);
    expect(approachHelperCount(8, 1)).toBe(0);
    expect(approachHelperCount(1, 3)).toBe(3);
  });

  it('two helper workers: the pooled result is byte-identical to analyzeScene; reset terminates them', async () => {
    const made: InThreadWorker[] = [];
    const pool = webApproachPool(() => (made.push(new InThreadWorker()), made.at(-1)!));
    const pooled = await analyzeScenePooled(scene, options, {}, pool.get(2));
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(analyzeScene(scene, options)));
    expect(made.map((w) => w.jobs).reduce((a, b) => a + b)).toBe(2); // M1 and N2A: two width groups
    expect(pool.get(2)).toBe(pool.get(2)); // kept for the next run
    pool.reset();
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('a helper that cannot start: its work goes to the other, or stays in the analysis worker; same bytes', async () => {
    const single = JSON.stringify(analyzeScene(scene, options));
    const mixed = webApproachPool(((n = 0) => () => new InThreadWorker(n++ === 0))());
    expect(JSON.stringify(await analyzeScenePooled(scene, options, {}, mixed.get(2)))).toBe(single);
    const none = webApproachPool(() => new InThreadWorker(true));
    expect(JSON.stringify(await analyzeScenePooled(scene, options, {}, none.get(2)))).toBe(single);
    const throwing = webApproachPool(() => {
      throw new Error('nested workers are not supported');
    });
    expect(throwing.get(2).helpers).toHaveLength(0);
  });

  it('the analysis worker body posts the pooled result after its helpers, with progress first', async () => {
    const out: WorkerResponse[] = [];
    const s: WorkerScope = { postMessage: (m) => out.push(m), onmessage: null };
    const pool = webApproachPool(() => new InThreadWorker());
    let asked: number | undefined;
    handleAnalysisRequests(s, (sc, o, control, run) => ((asked = run?.approachThreads), analyzeScenePooled(sc, o, control ?? {}, pool.get(2))), () => 0);
    s.onmessage!({ data: { type: 'run', runId: 5, scene, options, approachThreads: 2 } });
    expect(out.some((m) => m.type === 'result')).toBe(false);
    await expect.poll(() => out.at(-1)?.type, { timeout: 20_000 }).toBe('result');
    expect(asked).toBe(2);
    const result = out.at(-1) as Extract<WorkerResponse, { type: 'result' }>;
    expect(JSON.stringify(result.result)).toBe(JSON.stringify(analyzeScene(scene, options)));
    expect(out.filter((m) => m.type === 'progress').at(-1)).toMatchObject({ fraction: 1, runId: 5 });
  });
});
