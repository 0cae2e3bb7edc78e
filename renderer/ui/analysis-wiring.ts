import type { Scene } from '../../core/scene/types.js';
import { createAnalysisController, type AnalysisController } from '../analysis/analysis-controller.js';
import { analysisStore } from '../analysis/analysis-store.js';
import { boundsOfFeatures } from '../analysis/bounds-of-features.js';
import { allFeatures, useProject } from '../state/project-store.js';
import { mapController } from './commands.js';
import { connectSuspectItems } from './suspect-item-wiring.js';

/**
 * The glue between the project and the analyses: one analysis controller for the window, fed a
 * scene snapshot after every committed edit and every load; the analyses run in the worker.
 */
let controller: AnalysisController | null = null;

export function analysisController(): AnalysisController | null {
  return controller;
}

/** The open project as a scene: a new features array, never mutated later (the worker gets it). */
export function sceneSnapshot(): Scene | null {
  const s = useProject.getState();
  if (!s.meta) return null;
  return { type: 'FeatureCollection', bulwark: s.meta, features: allFeatures() };
}

/** Starts re-running the analyses on edits; returns the disconnect. */
export function connectAnalysis(create: () => AnalysisController = () => createAnalysisController(analysisStore)): () => void {
  const c = create();
  controller = c;
  const push = () => {
    const scene = sceneSnapshot();
    if (scene) c.sceneChanged(scene);
  };
  push();
  const off = useProject.subscribe((s, prev) => {
    if (s.revision !== prev.revision || s.loadRevision !== prev.loadRevision) push();
  });
  // Suspicious items are drawn and computed on the main thread, beside the analyses.
  const offItems = connectSuspectItems();
  return () => {
    off();
    offItems();
    c.dispose();
    if (controller === c) controller = null;
  };
}

/** A panel's or a finding's click: zoom the map to those features and select the path among them. */
export function zoomToFeatures(ids: string[]): void {
  const st = analysisStore.getState();
  const b = boundsOfFeatures(ids, sceneSnapshot() ?? st.resultScene, st.result);
  if (b) mapController()?.zoomTo(b);
  st.selectPathAmong(ids);
}
