import { redo, undo } from '../state/edit.js';
import { setTool, useUi } from '../state/ui-store.js';
import { DRAW_TOOLS } from './tools.js';
import { deleteSelection, selectAll, zoomToProject } from './commands.js';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** The window's shortcuts; keys typed into a field belong to the field. */
export function handleKey(e: KeyboardEvent): void {
  if (typing(e.target)) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') {
    e.preventDefault();
    void (e.shiftKey ? redo() : undo());
    return;
  }
  if (mod && key === 'y') {
    e.preventDefault();
    void redo();
    return;
  }
  if (mod && key === 'a') {
    e.preventDefault();
    selectAll();
    return;
  }
  if (mod || e.altKey) return;
  if (e.key === 'Escape') {
    // Terra Draw cancels an unfinished sketch on the same key; then back to selecting.
    const { tool, selection } = useUi.getState();
    if (tool.type !== 'select') setTool({ type: 'select' });
    else if (selection.length) useUi.setState({ selection: [], problem: null });
    return;
  }
  if (e.key === 'Delete' || e.key === 'Backspace') {
    if (useUi.getState().tool.type === 'select') {
      e.preventDefault();
      void deleteSelection();
    }
    return;
  }
  if (e.key === 'Home') {
    zoomToProject();
    return;
  }
  if (key === 'v') {
    setTool({ type: 'select' });
    return;
  }
  if (key === 'm') {
    setTool({ type: 'measure', what: e.shiftKey ? 'area' : 'distance' });
    return;
  }
  const t = DRAW_TOOLS.find((x) => x.key === key);
  if (t && !useUi.getState().locked[t.kind]) setTool({ type: 'draw', kind: t.kind, geometry: e.shiftKey && t.alternative ? t.alternative : t.geometry });
}
