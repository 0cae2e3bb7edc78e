import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisClient } from './analysis-client.js';
import { createAnalysisController } from './analysis-controller.js';
import { analysisRequest, createAnalysisStore } from './analysis-store.js';
import { riversideResult, riversideScene } from './fixtures/riverside-market.js';
import { FakeAnalysisPort } from './test-support/fake-analysis-port.js';

/** A client whose every (re)spawned worker is a fake port, kept in order of creation. */
function clientWithFakeWorkers(): { ports: FakeAnalysisPort[]; client: AnalysisClient } {
  const ports: FakeAnalysisPort[] = [];
  const client = new AnalysisClient(() => {
    const p = new FakeAnalysisPort();
    ports.push(p);
    return p;
  });
  return { ports, client };
}

describe('analysis store', () => {
  it('derives findings on a finished run and keeps the selected path only if it still exists', () => {
    const store = createAnalysisStore({ responseTimeS: 90 });
    store.getState().selectPath('path-market-square-M1');
    store.getState().runStarted();
    store.getState().progressed(0.4, 'approach');
    expect(store.getState().status).toEqual({ state: 'running', fraction: 0.4, stage: 'approach' });
    store.getState().finished(riversideResult(), riversideScene());
    const s = store.getState();
    expect(s.status).toEqual({ state: 'done' });
    expect(s.findings[0].id).toBe('barrier_fail:bollards-south');
    expect(s.findings.find((f) => f.kind === 'single_layer')!.message).toContain('at 90 s response');
    expect(s.selectedPathId).toBe('path-market-square-M1');
    const without = riversideResult();
    without.features = without.features.filter((f) => f.id !== 'path-market-square-M1');
    store.getState().selectPath('path-market-square-M1');
    store.getState().finished(without, riversideScene());
    expect(store.getState().selectedPathId).toBeNull();
  });

  it('a finding’s features select its first approach path; ids without a path leave the selection', () => {
    const store = createAnalysisStore();
    store.getState().finished(riversideResult(), riversideScene());
    store.getState().selectPathAmong(['market-square', 'path-market-square-N2A', 'path-market-square-M1']);
    expect(store.getState().selectedPathId).toBe('path-market-square-N2A');
    store.getState().selectPathAmong(['market-hall', 'breach-car-market-hall']);
    expect(store.getState().selectedPathId).toBe('path-market-square-N2A');
  });

  it('late progress after a cancel does not bring the status back to running', () => {
    const store = createAnalysisStore();
    store.getState().runStarted();
    store.getState().cancelled();
    store.getState().progressed(0.9, 'coverage');
    expect(store.getState().status).toEqual({ state: 'cancelled' });
  });

  it('the request carries the chosen DORI preset in the scene and the options for the core', () => {
    const { scene, options } = analysisRequest(riversideScene(), { vehicles: ['N3C'], threats: ['car'], doriPreset: 'IEC62676-4:2025', responseTimeS: 60 });
    expect(scene.bulwark.settings?.dori_preset).toBe('IEC62676-4:2025');
    expect(scene.features).toHaveLength(riversideScene().features.length);
    expect(options).toEqual({ vehicles: ['N3C'], threats: ['car'], responseTimeS: 60 });
  });
});

describe('threat of the target rings', () => {
  it('the chosen ring threat moves to the front of the threats and stays there through picker changes', () => {
    const store = createAnalysisStore({ threats: ['car', 'suv_van', 'briefcase'] });
    store.getState().setRingThreat('briefcase');
    expect(store.getState().threats).toEqual(['briefcase', 'car', 'suv_van']);
    // The picker hands back chart order; the ring threat keeps the front while chosen.
    store.getState().setThreats(['pipe_bomb', 'briefcase', 'car', 'suv_van']);
    expect(store.getState().threats).toEqual(['briefcase', 'pipe_bomb', 'car', 'suv_van']);
    store.getState().setThreats(['pipe_bomb', 'car']);
    expect(store.getState().threats).toEqual(['pipe_bomb', 'car']);
    // A threat that is not chosen cannot be the rings'.
    store.getState().setRingThreat('semi_trailer');
    expect(store.getState().threats).toEqual(['pipe_bomb', 'car']);
  });
});

describe('analysis controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('re-runs after an edit and after a settings change, and puts the newest result in the store', async () => {
    const { ports, client } = clientWithFakeWorkers();
    const store = createAnalysisStore();
    const controller = createAnalysisController(store, client, 250);
    controller.sceneChanged(riversideScene());
    vi.advanceTimersByTime(250);
    expect(store.getState().status.state).toBe('running');
    const first = ports[0].posted[0];
    expect(first.options.vehicles).toEqual(['M1', 'N1G', 'N1', 'N2A', 'N2B', 'N3C', 'N3D', 'N3E', 'N3F', 'N3G']);

    store.getState().setVehicles(['N2A']);
    vi.advanceTimersByTime(250);
    // The settings change superseded the first run: its worker is gone, a new one got N2A only.
    expect(ports[0].terminated).toBe(true);
    const second = ports[1].posted[0];
    expect(second.options.vehicles).toEqual(['N2A']);
    ports[1].answer({ type: 'progress', runId: second.runId, fraction: 0.5, stage: 'approach' });
    expect(store.getState().status).toEqual({ state: 'running', fraction: 0.5, stage: 'approach' });
    ports[1].answer({ type: 'result', runId: second.runId, result: riversideResult(), elapsedMs: 5 });
    await vi.runAllTimersAsync();
    expect(store.getState().status.state).toBe('done');
    expect(store.getState().findings.length).toBe(10);

    controller.runNow();
    controller.cancel();
    expect(store.getState().status).toEqual({ state: 'cancelled' });
    expect(store.getState().result).not.toBeNull();
    controller.dispose();
  });

  it('choosing the ring threat reorders the threats without re-running the analyses', () => {
    const { ports, client } = clientWithFakeWorkers();
    const store = createAnalysisStore();
    const controller = createAnalysisController(store, client, 100);
    controller.sceneChanged(riversideScene());
    vi.advanceTimersByTime(100);
    expect(ports.flatMap((p) => p.posted)).toHaveLength(1);
    store.getState().setRingThreat('briefcase');
    vi.advanceTimersByTime(100);
    expect(ports.flatMap((p) => p.posted)).toHaveLength(1);
    expect(ports[0].terminated).toBe(false);
    // A real change of threats still re-runs.
    store.getState().setThreats(['car']);
    vi.advanceTimersByTime(100);
    expect(ports.flatMap((p) => p.posted)).toHaveLength(2);
    controller.dispose();
  });

  it('a plan above the auto-run limit waits for Run: no run after an edit or a settings change', () => {
    const { ports, client } = clientWithFakeWorkers();
    const scene = riversideScene();
    const store = createAnalysisStore();
    // A limit one below this plan's size makes it "large".
    const controller = createAnalysisController(store, client, 100, scene.features.length - 1);
    controller.sceneChanged(scene);
    vi.advanceTimersByTime(500);
    expect(ports.flatMap((p) => p.posted)).toHaveLength(0);
    expect(store.getState().status).toEqual({ state: 'manual', featureCount: scene.features.length });
    store.getState().setVehicles(['N2A']);
    vi.advanceTimersByTime(500);
    expect(ports.flatMap((p) => p.posted)).toHaveLength(0);
    controller.runNow();
    expect(ports.flatMap((p) => p.posted)).toHaveLength(1);
    expect(ports[0].posted[0].options.vehicles).toEqual(['N2A']);
    expect(store.getState().status.state).toBe('running');
    // An edit during that run stops it and the bar goes back to "run by hand", never stuck at running.
    controller.sceneChanged(scene);
    expect(ports[0].terminated).toBe(true);
    expect(store.getState().status).toEqual({ state: 'manual', featureCount: scene.features.length });
    controller.dispose();
  });

  it('an analysis error shows in the status', async () => {
    const port = new FakeAnalysisPort();
    const store = createAnalysisStore();
    const controller = createAnalysisController(store, new AnalysisClient(() => port), 10);
    controller.sceneChanged(riversideScene());
    controller.runNow();
    port.answer({ type: 'error', runId: port.posted[0].runId, name: 'Error', message: 'feature cam-e: hfov_deg must be in (0, 360], got 400' });
    await vi.runAllTimersAsync();
    expect(store.getState().status).toEqual({ state: 'error', message: 'feature cam-e: hfov_deg must be in (0, 360], got 400' });
    controller.dispose();
  });
});
