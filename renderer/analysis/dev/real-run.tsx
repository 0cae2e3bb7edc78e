import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnalysisClient } from '../analysis-client.js';
import { DEFAULT_ANALYSIS_SETTINGS, analysisRequest } from '../analysis-store.js';
import { riversideScene } from '../fixtures/riverside-market.js';
import { HarnessLayout } from './HarnessLayout.js';

/**
 * The real thing: core's analyzeScene runs in the module worker on the Riverside scene.
 * First a run is cancelled mid-way (after its first progress message), then one runs to the end;
 * what happened is left in `window.__runReport` for the screenshot script.
 */
const scene = riversideScene();
const settings = { ...DEFAULT_ANALYSIS_SETTINGS, threats: ['car', 'suv_van', 'briefcase'], responseTimeS: 90 };
const { scene: snapshot, options } = analysisRequest(scene, settings);
const client = new AnalysisClient();

async function main() {
  const tCancel = performance.now();
  let cancelAtMs = 0;
  const cancelled = client.run(snapshot, options, () => {
    if (cancelAtMs) return;
    cancelAtMs = performance.now() - tCancel;
    cancelled.cancel();
  });
  const cancelOutcome = await cancelled.promise.then(() => 'resolved', (e: Error) => e.name);

  const progress: [number, string][] = [];
  const t0 = performance.now();
  const result = await client.run(snapshot, options, (f, s) => progress.push([f, s])).promise;
  const runMs = performance.now() - t0;
  const kinds: Record<string, number> = {};
  for (const f of result.features) kinds[f.properties.kind] = (kinds[f.properties.kind] ?? 0) + 1;
  (window as unknown as { __runReport: unknown }).__runReport = {
    cancelOutcome,
    cancelAfterFirstProgressMs: Math.round(cancelAtMs),
    workersSpawned: client.spawned,
    runMs: Math.round(runMs),
    progressMessages: progress.length,
    stages: [...new Set(progress.map((p) => p[1]))],
    lastProgress: progress.at(-1),
    kinds,
    summary: Object.keys(result.summary),
  };
  // Show the speed profile of the fastest approach found.
  const paths = result.features.filter((f) => f.properties.kind === 'approach_path');
  const fastest = [...paths].sort((a, b) => Number(b.properties.impact_speed_kmh) - Number(a.properties.impact_speed_kmh))[0];
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <HarnessLayout title="Bulwark · real run in the worker" scene={scene} result={result} status={{ state: 'done' }} selectedPathId={fastest?.id ?? null} settings={settings} />
    </StrictMode>,
  );
}

main().catch((e: Error) => {
  (window as unknown as { __runReport: unknown }).__runReport = { error: `${e.name}: ${e.message}` };
  document.body.textContent = `Analysis failed: ${e.message}`;
  (window as unknown as { __harnessReady: boolean }).__harnessReady = true;
});
