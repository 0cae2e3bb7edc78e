import type { ReactElement } from 'react';
import { INPUT_KINDS, type InputKind } from '../../core/scene/kinds.js';
import { useProject } from '../state/project-store.js';
import { useUi } from '../state/ui-store.js';
import { DRAW_ORDER } from '../map/style/kind-layers.js';
import { KIND_LABELS } from '../map/style/palette.js';
import { KindIcon, UiIcon } from './icons.js';
import { ANALYSIS_COLOURS, ANALYSIS_LAYER_GROUPS, DORI_COLOURS, type AnalysisLayerGroup } from '../analysis/analysis-layers.js';
import { useAnalysisStore } from '../analysis/analysis-store.js';
import { groupCounts } from './group-counts.js';

/** A colour per analysis group, as drawn on the map, so a row reads as a legend too. */
const GROUP_SWATCH: Record<AnalysisLayerGroup['id'], string> = {
  views: DORI_COLOURS.observe,
  gaps: ANALYSIS_COLOURS.warning,
  paths: '#2c4f86',
  barrier_checks: ANALYSIS_COLOURS.ok,
  rings: ANALYSIS_COLOURS.neutral,
  breaches: ANALYSIS_COLOURS.problem,
};

/** Kinds listed top to bottom as they stack on the map: symbols first, context last. */
const LIST_ORDER: readonly InputKind[] = [...DRAW_ORDER].reverse();

/** The left panel: one row per kind (visibility, lock, count); analysis layers go below. */
export function LayersPanel(): ReactElement {
  useProject((s) => s.revisions);
  const byKind = useProject.getState().byKind;
  const hidden = useUi((s) => s.hidden);
  const locked = useUi((s) => s.locked);
  const analysisHidden = useUi((s) => s.analysisHidden);
  const result = useAnalysisStore((s) => s.result);
  const counts = groupCounts(result);
  const toggle = (which: 'hidden' | 'locked', kind: InputKind) => {
    const current = useUi.getState()[which];
    const next = { ...current, [kind]: !current[kind] };
    const patch: Partial<ReturnType<typeof useUi.getState>> = { [which]: next };
    // A hidden or locked kind cannot stay selected.
    if (next[kind]) patch.selection = useUi.getState().selection.filter((id) => !byKind.get(kind)?.has(id));
    useUi.setState(patch);
  };
  return (
    <aside className="panel layers-panel" aria-label="Layers">
      <h2 className="panel-title">Layers</h2>
      <ul className="layer-list">
        {LIST_ORDER.filter((k) => INPUT_KINDS.includes(k)).map((kind) => {
          const count = byKind.get(kind)?.size ?? 0;
          return (
            <li key={kind} className={`layer-row${hidden[kind] ? ' is-hidden' : ''}`} data-testid={`layer-${kind}`}>
              <KindIcon kind={kind} />
              <span className="layer-name">{KIND_LABELS[kind]}</span>
              <span className="layer-count" data-testid={`count-${kind}`}>{count.toLocaleString('en-GB')}</span>
              <button type="button" className="icon-button" aria-pressed={!hidden[kind]} title={hidden[kind] ? `Show ${KIND_LABELS[kind].toLowerCase()}` : `Hide ${KIND_LABELS[kind].toLowerCase()}`} data-testid={`visibility-${kind}`} onClick={() => toggle('hidden', kind)}>
                {hidden[kind] ? <UiIcon.eyeOff /> : <UiIcon.eye />}
              </button>
              <button type="button" className={`icon-button${locked[kind] ? ' on' : ''}`} aria-pressed={!!locked[kind]} title={locked[kind] ? `Unlock ${KIND_LABELS[kind].toLowerCase()}` : `Lock ${KIND_LABELS[kind].toLowerCase()} (no selection or editing)`} data-testid={`lock-${kind}`} onClick={() => toggle('locked', kind)}>
                {locked[kind] ? <UiIcon.lock /> : <UiIcon.unlock />}
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="panel-title">Analysis</h2>
      <ul className="layer-list">
        {ANALYSIS_LAYER_GROUPS.map((g) => {
          const off = !!analysisHidden[g.id];
          return (
            <li key={g.id} className={`layer-row analysis-row${off ? ' is-hidden' : ''}`} data-testid={`analysis-layer-${g.id}`}>
              <span className="analysis-swatch" style={{ background: GROUP_SWATCH[g.id] }} />
              <span className="layer-name" title={g.label}>{g.label}</span>
              <span className="layer-count">{counts.get(g.id) ? counts.get(g.id)!.toLocaleString('en-GB') : ''}</span>
              <button type="button" className="icon-button" aria-pressed={!off} title={off ? `Show ${g.label.toLowerCase()}` : `Hide ${g.label.toLowerCase()}`} data-testid={`analysis-visibility-${g.id}`} onClick={() => useUi.setState({ analysisHidden: { ...analysisHidden, [g.id]: !off } })}>
                {off ? <UiIcon.eyeOff /> : <UiIcon.eye />}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
