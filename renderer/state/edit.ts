import type { BulwarkApi, Change, ChangeResult, ImportReport } from '../../data/api/contract.js';
import { validateFeature, formatFinding, type Finding } from '../../core/scene/validate.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { EMPTY_HISTORY, useProject } from './project-store.js';
import { useUi, type EditProblem } from './ui-store.js';

/**
 * The one edit path (Placemark's `transact`): the only caller of `api.transact/undo/redo` and
 * the only writer of the project store. Each change is validated with the scene format first;
 * an invalid one is not sent and its message is shown next to what was edited.
 */
let api: BulwarkApi | null = null;

export function connectEdits(a: BulwarkApi): void {
  api = a;
}

function theApi(): BulwarkApi {
  if (!api) throw new Error('edit path used before connectEdits(api)');
  return api;
}

function errorOf(e: unknown): { message: string; findings?: Finding[]; featureId?: string } {
  const findings = (e as { findings?: Finding[] })?.findings;
  const message = e instanceof Error ? e.message : String(e);
  return { message, findings: findings?.length ? findings : undefined, featureId: findings?.find((f) => f.featureId)?.featureId };
}

/** Replaces everything the window knows with a scene (open, reload, import). */
function setScene(scene: Scene | null, info: Awaited<ReturnType<BulwarkApi['projectInfo']>>, history = EMPTY_HISTORY): void {
  const byKind = new Map<string, Map<string, SceneFeature>>();
  const kindOf = new Map<string, string>();
  const revisions: Record<string, number> = {};
  for (const f of scene?.features ?? []) {
    const k = f.properties.kind;
    let m = byKind.get(k);
    if (!m) byKind.set(k, (m = new Map()));
    m.set(f.id, f);
    kindOf.set(f.id, k);
  }
  const prev = useProject.getState();
  for (const k of byKind.keys()) revisions[k] = (prev.revisions[k] ?? 0) + 1;
  useProject.setState({
    info,
    meta: scene?.bulwark ?? null,
    byKind,
    kindOf,
    revisions,
    revision: prev.revision + 1,
    loadRevision: prev.loadRevision + 1,
    history,
    error: null,
    loading: false,
  });
}

/** Loads the open project (or nothing, when none is open). */
export async function loadProject(): Promise<void> {
  const a = theApi();
  useProject.setState({ loading: true });
  try {
    const info = await a.projectInfo();
    if (!info) {
      setScene(null, null);
      return;
    }
    const started = performance.now();
    const [scene, history] = await Promise.all([a.loadScene(), a.historyState()]);
    const loaded = performance.now();
    setScene(scene, info, history);
    performance.measure('bulwark:load-api', { start: started, end: loaded });
    performance.measure('bulwark:load-apply', { start: loaded, end: performance.now() });
    useUi.setState({ selection: [], problem: null });
  } catch (e) {
    useProject.setState({ loading: false, error: errorOf(e) });
  }
}

/** Applies a committed change to the store: put features replace, deleted ids vanish. */
function apply(result: ChangeResult, note: string | null): void {
  const s = useProject.getState();
  const touched = new Set<string>();
  for (const id of result.deleted) {
    const k = s.kindOf.get(id);
    if (k === undefined) continue;
    s.byKind.get(k)?.delete(id);
    s.kindOf.delete(id);
    touched.add(k);
  }
  for (const f of result.put) {
    const old = s.kindOf.get(f.id);
    if (old !== undefined && old !== f.properties.kind) {
      s.byKind.get(old)?.delete(f.id);
      touched.add(old);
    }
    const k = f.properties.kind;
    let m = s.byKind.get(k);
    if (!m) s.byKind.set(k, (m = new Map()));
    m.set(f.id, f);
    s.kindOf.set(f.id, k);
    touched.add(k);
  }
  const revisions = { ...s.revisions };
  for (const k of touched) revisions[k] = (revisions[k] ?? 0) + 1;
  // The vehicle table lives in the scene's `bulwark` member; a new object, so pickers redraw.
  let meta = s.meta;
  if (result.vehicles !== undefined && meta) {
    meta = { ...meta };
    if (result.vehicles === null) delete meta.vehicles;
    else meta.vehicles = result.vehicles;
  }
  useProject.setState({ meta, revisions, revision: s.revision + 1, history: result.history, lastSavedNote: note ?? s.lastSavedNote, error: null });
  // A selection of features that no longer exist is dropped.
  const sel = useUi.getState().selection;
  if (sel.some((id) => !s.kindOf.has(id))) useUi.setState({ selection: sel.filter((id) => s.kindOf.has(id)) });
}

async function pending<T>(work: () => Promise<T>): Promise<T> {
  useProject.setState((s) => ({ pending: s.pending + 1 }));
  try {
    return await work();
  } finally {
    useProject.setState((s) => ({ pending: s.pending - 1 }));
  }
}

/**
 * Commits one change. Returns false, sending nothing, when a feature is invalid: the first
 * error is shown as the edit problem (with `place` for a map callout). API errors are shown
 * too, and the window keeps the last committed state.
 */
export async function transact(change: Change, place?: Pick<EditProblem, 'lngLat'>): Promise<boolean> {
  for (const f of change.put ?? []) {
    const errors = validateFeature(f).filter((x) => x.severity === 'error');
    if (errors.length) {
      const first = errors[0];
      useUi.setState({ problem: { featureId: f.id, property: first.property, message: formatFinding(first), lngLat: place?.lngLat } });
      return false;
    }
  }
  try {
    const started = performance.now();
    const result = await pending(() => theApi().transact(change));
    const applied = performance.now();
    apply(result, change.note);
    // Named timings (DevTools and the e2e tests read them): the API round trip, and our update
    // of the store and the map that follows it.
    performance.measure('bulwark:transact-api', { start: started, end: applied });
    performance.measure('bulwark:transact-apply', { start: applied, end: performance.now() });
    useUi.setState({ problem: null });
    return true;
  } catch (e) {
    const err = errorOf(e);
    useProject.setState({ error: err });
    useUi.setState({ problem: { featureId: err.featureId ?? change.put?.[0]?.id, message: err.message, lngLat: place?.lngLat } });
    return false;
  }
}

export async function undo(): Promise<void> {
  await historyStep('undo');
}

export async function redo(): Promise<void> {
  await historyStep('redo');
}

async function historyStep(which: 'undo' | 'redo'): Promise<void> {
  try {
    const result = await pending(() => theApi()[which]());
    if (result) apply(result, null);
  } catch (e) {
    useProject.setState({ error: errorOf(e) });
  }
}

/**
 * Imports a GeoJSON file's text. The API writes nothing unless all of it is valid; on findings
 * the project is left as it was and the report is shown. On success the project is reloaded.
 */
export async function importText(fileName: string, text: string, mode: 'merge' | 'replace' = 'merge'): Promise<ImportReport | null> {
  try {
    const report = await pending(() => theApi().importScene({ fileName, text, mode }));
    const refused = report.findings.some((f) => f.severity === 'error');
    useUi.setState({ importOutcome: { fileName, report } });
    if (!refused) await loadProject();
    return report;
  } catch (e) {
    const err = errorOf(e);
    useUi.setState({ importOutcome: { fileName, error: { message: err.message, findings: err.findings ?? [] } } });
    return null;
  }
}

export async function exportGeoJson(): Promise<string | null> {
  try {
    const out = await theApi().exportScene({ format: 'geojson' });
    return out.text ?? null;
  } catch (e) {
    useProject.setState({ error: errorOf(e) });
    return null;
  }
}

export function dismissError(): void {
  useProject.setState({ error: null });
}
