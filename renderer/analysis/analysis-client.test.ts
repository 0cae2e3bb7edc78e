import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import type { Scene } from '../../core/scene/types.js';
import { AnalysisClient, createDebouncedAnalysis } from './analysis-client.js';
import type { WorkerResponse } from './analysis-messages.js';
import { FakeAnalysisPort as FakePort } from './test-support/fake-analysis-port.js';
import { handleAnalysisRequests, type WorkerScope } from './handle-analysis-requests.js';

const scene = (name: string): Scene => ({ type: 'FeatureCollection', bulwark: { version: 1, name }, features: [] });
const resultNamed = (name: string): AnalysisResult => ({ features: [], notices: [], summary: { layers: { results: [{ target_id: name, vehicle_layers_crossed: 0, pedestrian_layers_crossed: 0, single_layer: false, p_interruption: null, vehicle_route: [], pedestrian_route: [], layers: [] }] } } });

function setup() {
  const ports: FakePort[] = [];
  const client = new AnalysisClient(() => {
    const p = new FakePort();
    ports.push(p);
    return p;
  });
  return { client, ports };
}

describe('AnalysisClient', () => {
  it('posts the scene, forwards progress and resolves with the result', async () => {
    const { client, ports } = setup();
    const progress: [number, string][] = [];
    const run = client.run(scene('a'), { only: ['coverage'] }, (f, s) => progress.push([f, s]));
    const [msg] = ports[0].posted;
    expect(msg).toMatchObject({ type: 'run', scene: { bulwark: { name: 'a' } }, options: { only: ['coverage'] } });
    ports[0].answer({ type: 'progress', runId: msg.runId, fraction: 0.5, stage: 'coverage' });
    ports[0].answer({ type: 'result', runId: msg.runId, result: resultNamed('a'), elapsedMs: 12 });
    await expect(run.promise).resolves.toEqual(resultNamed('a'));
    expect(progress).toEqual([[0.5, 'coverage']]);
    expect(ports[0].terminated).toBe(false);
  });

  it('cancel terminates the worker, rejects with AbortError, and the next run gets a fresh worker', async () => {
    const { client, ports } = setup();
    const run = client.run(scene('a'), {});
    run.cancel();
    await expect(run.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(ports[0].terminated).toBe(true);
    const next = client.run(scene('b'), {});
    expect(client.spawned).toBe(2);
    ports[1].answer({ type: 'result', runId: ports[1].posted[0].runId, result: resultNamed('b'), elapsedMs: 1 });
    await expect(next.promise).resolves.toEqual(resultNamed('b'));
  });

  it('a newer run supersedes the one in flight and a stale message is dropped', async () => {
    const { client, ports } = setup();
    const first = client.run(scene('old'), {});
    const oldId = ports[0].posted[0].runId;
    const second = client.run(scene('new'), {});
    await expect(first.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(ports[0].terminated).toBe(true);
    const newId = ports[1].posted[0].runId;
    expect(newId).not.toBe(oldId);
    // A message of the old run (e.g. already queued when it was stopped) must not settle the new one.
    ports[1].answer({ type: 'result', runId: oldId, result: resultNamed('old'), elapsedMs: 1 });
    ports[1].answer({ type: 'result', runId: newId, result: resultNamed('new'), elapsedMs: 1 });
    await expect(second.promise).resolves.toEqual(resultNamed('new'));
  });

  it('a scene that cannot be posted rejects the run instead of leaving it pending', async () => {
    const port = new FakePort();
    port.postMessage = () => {
      throw new DOMException('function could not be cloned', 'DataCloneError');
    };
    const client = new AnalysisClient(() => port);
    await expect(client.run(scene('a'), {}).promise).rejects.toMatchObject({ name: 'DataCloneError' });
  });

  it('an analysis error and a worker crash reject with their message', async () => {
    const { client, ports } = setup();
    const run = client.run(scene('a'), {});
    ports[0].answer({ type: 'error', runId: ports[0].posted[0].runId, name: 'Error', message: 'feature cam-3: hfov_deg must be in (0, 360]' });
    await expect(run.promise).rejects.toThrow('feature cam-3: hfov_deg must be in (0, 360]');
    const crash = client.run(scene('b'), {});
    ports[0].onerror?.({ message: 'SyntaxError in worker' });
    await expect(crash.promise).rejects.toThrow('Analysis worker failed: SyntaxError in worker');
    expect(ports[0].terminated).toBe(true);
  });
});

describe('createDebouncedAnalysis', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('edits within the delay collapse into one run of the newest snapshot', async () => {
    const { client, ports } = setup();
    const delivered: string[] = [];
    const runner = createDebouncedAnalysis(client, { onResult: (_r, s) => delivered.push(s.bulwark.name!) }, 300);
    runner.schedule(scene('edit-1'), {});
    vi.advanceTimersByTime(200);
    runner.schedule(scene('edit-2'), {});
    vi.advanceTimersByTime(200);
    runner.schedule(scene('edit-3'), {});
    expect(ports).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(ports).toHaveLength(1);
    expect(ports[0].posted.map((m) => m.scene.bulwark.name)).toEqual(['edit-3']);
    ports[0].answer({ type: 'result', runId: ports[0].posted[0].runId, result: resultNamed('edit-3'), elapsedMs: 1 });
    await vi.runAllTimersAsync();
    expect(delivered).toEqual(['edit-3']);
  });

  it('an edit during a run stops it; only the newest result is delivered and the superseded run is not an error', async () => {
    const { client, ports } = setup();
    const delivered: string[] = [];
    const errors: Error[] = [];
    let starts = 0;
    const runner = createDebouncedAnalysis(client, { onStart: () => starts++, onResult: (_r, s) => delivered.push(s.bulwark.name!), onError: (e) => errors.push(e) }, 300);
    runner.schedule(scene('before'), {});
    vi.advanceTimersByTime(300);
    const oldId = ports[0].posted[0].runId;
    runner.schedule(scene('after'), {});
    vi.advanceTimersByTime(300);
    expect(ports[0].terminated).toBe(true);
    // The old worker's late answer goes nowhere: it was terminated and its run id is stale.
    ports[0].answer({ type: 'result', runId: oldId, result: resultNamed('before'), elapsedMs: 1 });
    ports[1].answer({ type: 'result', runId: ports[1].posted[0].runId, result: resultNamed('after'), elapsedMs: 1 });
    await vi.runAllTimersAsync();
    expect(delivered).toEqual(['after']);
    expect(errors).toEqual([]);
    expect(starts).toBe(2);
  });

  it('cancel drops the queued snapshot and stops the run; flush starts at once', async () => {
    const { client, ports } = setup();
    const delivered: string[] = [];
    const runner = createDebouncedAnalysis(client, { onResult: (_r, s) => delivered.push(s.bulwark.name!) }, 300);
    runner.schedule(scene('queued'), {});
    runner.cancel();
    vi.advanceTimersByTime(1000);
    expect(ports).toHaveLength(0);
    runner.schedule(scene('now'), {});
    runner.flush();
    expect(ports[0].posted.map((m) => m.scene.bulwark.name)).toEqual(['now']);
    runner.cancel();
    expect(ports[0].terminated).toBe(true);
    await vi.runAllTimersAsync();
    expect(delivered).toEqual([]);
  });
});

describe('handleAnalysisRequests (the worker body)', () => {
  function scope() {
    const out: WorkerResponse[] = [];
    const s: WorkerScope = { postMessage: (m) => out.push(m), onmessage: null };
    return { s, out };
  }

  it('posts throttled progress, then the result with its run id', () => {
    const { s, out } = scope();
    handleAnalysisRequests(s, (sc, _o, control) => {
      // 1000 progress calls of 0.001 each: only every 0.01 step (and stage changes) are posted.
      for (let i = 0; i <= 1000; i++) control?.onProgress?.(i / 1000, i < 500 ? 'coverage' : 'approach');
      return resultNamed(sc.bulwark.name!);
    }, () => 0);
    s.onmessage!({ data: { type: 'run', runId: 7, scene: scene('x'), options: {} } });
    const progress = out.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(90);
    expect(progress.length).toBeLessThan(110);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, stage: 'approach', runId: 7 });
    expect(out.at(-1)).toEqual({ type: 'result', runId: 7, result: resultNamed('x'), elapsedMs: 0 });
  });

  it('posts an error with its name and message', () => {
    const { s, out } = scope();
    handleAnalysisRequests(s, () => {
      throw new Error('feature b1: rating "V/abc" cannot be read');
    });
    s.onmessage!({ data: { type: 'run', runId: 3, scene: scene('x'), options: {} } });
    expect(out).toEqual([{ type: 'error', runId: 3, name: 'Error', message: 'feature b1: rating "V/abc" cannot be read' }]);
  });
});
