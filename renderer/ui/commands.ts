import type { ShellCommand } from '../../data/api/contract.js';
import type { InputKind } from '../../core/scene/kinds.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { exportGeoJson, importText, redo, transact, undo } from '../state/edit.js';
import { getFeature, useProject } from '../state/project-store.js';
import { useUi } from '../state/ui-store.js';
import { kindNoun } from '../map/style/palette.js';
import { nextFeatureId } from '../map/feature-ids.js';
import type { DrawnGeometry, MapController } from '../map/map-controller.js';

/**
 * What the toolbar, the keyboard and the shell's menus can ask for, in one place so the three
 * always do the same thing.
 */
let controller: MapController | null = null;
let pickFile: (() => void) | null = null;

export function setMapController(c: MapController | null): void {
  controller = c;
}

/** The map of the window, once it is ready (null before and after). */
export function mapController(): MapController | null {
  return controller;
}

export function setFilePicker(open: (() => void) | null): void {
  pickFile = open;
}

export function zoomToProject(): void {
  controller?.fitToProject();
}

export async function deleteSelection(): Promise<void> {
  const { selection, locked } = useUi.getState();
  const deletable = selection.filter((id) => {
    const f = getFeature(id);
    return f && !locked[f.properties.kind as InputKind];
  });
  if (deletable.length === 0) return;
  const first = getFeature(deletable[0]);
  const note = deletable.length === 1 && first ? `Delete ${kindNoun(first.properties.kind)} ${first.id}` : `Delete ${deletable.length} features`;
  await transact({ delete: deletable, note });
}

/** Every feature of a visible, unlocked kind. */
export function selectAll(): void {
  const { hidden, locked } = useUi.getState();
  const ids: string[] = [];
  for (const [kind, m] of useProject.getState().byKind) {
    if (hidden[kind as InputKind] || locked[kind as InputKind]) continue;
    for (const item of m.keys()) ids.push(item);
  }
  useUi.setState({ selection: ids, problem: null });
}

export async function createDrawn(kind: InputKind, geometry: DrawnGeometry, at: [number, number]): Promise<void> {
  const existing = useProject.getState().byKind.get(kind)?.keys() ?? [];
  const id = nextFeatureId(kind, existing);
  const feature: SceneFeature = { type: 'Feature', id, geometry, properties: { kind } };
  const ok = await transact({ put: [feature], note: `Draw ${kindNoun(kind)} ${id}` }, { lngLat: at });
  if (ok) useUi.setState({ tool: { type: 'select' }, selection: [id] });
}

export async function moveGeometry(id: string, geometry: DrawnGeometry, at: [number, number]): Promise<void> {
  const f = getFeature(id);
  if (!f) return;
  const ok = await transact({ put: [{ ...f, geometry }], note: `Edit shape of ${kindNoun(f.properties.kind)} ${id}` }, { lngLat: at });
  // Refused: put the stored shape back into the editor.
  if (!ok) useUi.setState({ selection: [...useUi.getState().selection] });
}

/** The bearing handle on the map was released: the camera's bearing_deg through the edit path. */
export async function setCameraBearing(id: string, bearingDeg: number): Promise<void> {
  const f = getFeature(id);
  if (!f || f.geometry.type !== 'Point') return;
  const ok = await transact({ put: [{ ...f, properties: { ...f.properties, bearing_deg: bearingDeg } }], note: `Set bearing of camera ${id} to ${bearingDeg}°` }, { lngLat: f.geometry.coordinates as [number, number] });
  // Refused: redraw the stored bearing.
  if (!ok) useUi.setState({ selection: [...useUi.getState().selection] });
}

export async function importFile(file: File): Promise<void> {
  const text = await file.text();
  await importText(file.name, text, 'merge');
}

export async function downloadGeoJson(): Promise<void> {
  const text = await exportGeoJson();
  if (text === null) return;
  const name = (useProject.getState().info?.name ?? 'bulwark-plan').replace(/[^\w.-]+/g, '-');
  const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.geojson`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function runShellCommand(command: ShellCommand): void {
  switch (command) {
    case 'undo':
      void undo();
      break;
    case 'redo':
      void redo();
      break;
    case 'delete':
      void deleteSelection();
      break;
    case 'select-all':
      selectAll();
      break;
    case 'zoom-to-project':
      zoomToProject();
      break;
    case 'import':
      pickFile?.();
      break;
    case 'export-geojson':
      void downloadGeoJson();
      break;
  }
}
