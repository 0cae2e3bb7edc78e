import { create } from 'zustand';
import type { GeometryType, InputKind } from '../../core/scene/kinds.js';
import type { ImportReport } from '../../data/api/contract.js';
import type { Finding } from '../../core/scene/validate.js';

export type Tool =
  | { type: 'select' }
  | { type: 'draw'; kind: InputKind; geometry: Exclude<GeometryType, 'MultiPolygon'> }
  | { type: 'measure'; what: 'distance' | 'area' };

/** A validation message shown next to the thing being edited: a property field or a map place. */
export interface EditProblem {
  featureId?: string;
  property?: string;
  message: string;
  lngLat?: [number, number];
}

export interface ImportOutcome {
  fileName: string;
  report?: ImportReport;
  error?: { message: string; findings: Finding[] };
}

export interface UiState {
  tool: Tool;
  selection: string[];
  hidden: Partial<Record<InputKind, boolean>>;
  locked: Partial<Record<InputKind, boolean>>;
  problem: EditProblem | null;
  measure: { text: string; lngLat: [number, number] } | null;
  importOutcome: ImportOutcome | null;
  /** Analysis layer groups the planner switched off (ANALYSIS_LAYER_GROUPS ids). */
  analysisHidden: Partial<Record<string, boolean>>;
}

export const useUi = create<UiState>()(() => ({
  tool: { type: 'select' },
  selection: [],
  hidden: {},
  locked: {},
  problem: null,
  measure: null,
  importOutcome: null,
  analysisHidden: {},
}));

/** Where the pointer is and how far the map is zoomed: changes on every mouse move, so kept apart. */
export interface ViewState {
  cursor: [number, number] | null;
  zoom: number;
  centerLat: number;
  /** Share of the project handed to the map while it loads (0–1), null when all of it is. */
  drawingFraction: number | null;
}

export const useView = create<ViewState>()(() => ({ cursor: null, zoom: 16, centerLat: 0, drawingFraction: null }));

export function setTool(tool: Tool): void {
  useUi.setState({ tool, measure: null, problem: null });
}
