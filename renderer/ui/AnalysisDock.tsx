import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { THREATS } from '../../core/threats/threats.js';
import { useAnalysisStore, analysisStore } from '../analysis/analysis-store.js';
import { CoveragePanel, FindingsPanel, LayersView, SpeedProfileChart, StandoffTable, SuspectItemsPanel } from '../analysis/panels/index.js';
import { threatOptions } from '../analysis/picker-options.js';
import { itemThreat } from '../analysis/suspect-item-rings.js';
import { itemsInZones } from '../analysis/items-in-zones.js';
import { suspectItemsStore, useSuspectItems } from '../analysis/suspect-items-store.js';
import { useProject } from '../state/project-store.js';
import { selectSuspectItem, zoomToSuspectItem } from './suspect-item-wiring.js';
import { nameLookup } from '../analysis/panels/names.js';
import { formatKmh, formatM } from '../analysis/format.js';
import { approachPathsByTarget } from './approach-paths.js';
import { sceneSnapshot, zoomToFeatures } from './analysis-wiring.js';

const TABS = [
  { id: 'findings', label: 'Findings' },
  { id: 'coverage', label: 'Coverage' },
  { id: 'approach', label: 'Approach' },
  { id: 'standoff', label: 'Standoff' },
  { id: 'layers', label: 'Layers' },
  { id: 'items', label: 'Suspicious items' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const THREAT_NAMES = Object.fromEntries(THREATS.map((t) => [t.id, t.name]));
const ITEM_THREAT_OPTIONS = threatOptions(THREATS);

/** The collapsible dock under the map: what the analyses found, one tab per analysis. */
export function AnalysisDock({ open, onToggle }: { open: boolean; onToggle(): void }): ReactElement {
  const [tab, setTab] = useState<TabId>('findings');
  const findings = useAnalysisStore((s) => s.findings);
  const running = useAnalysisStore((s) => s.status.state === 'running');
  const analysed = useAnalysisStore((s) => s.result !== null);
  const critical = findings.filter((f) => f.severity === 'critical').length;
  const itemCount = useSuspectItems((s) => s.items.length);
  // A dropped item brings its list forward: the advisor reads what falls in its zones at once.
  const lastCount = useRef(itemCount);
  useEffect(() => {
    if (itemCount > lastCount.current) {
      setTab('items');
      if (!open) onToggle();
    }
    lastCount.current = itemCount;
  }, [itemCount, open, onToggle]);
  return (
    <section className={`dock${open ? '' : ' is-collapsed'}`} aria-label="Analysis results" data-testid="dock">
      <div className="dock-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && tab === t.id}
            className={open && tab === t.id ? 'dock-tab active' : 'dock-tab'}
            data-testid={`dock-tab-${t.id}`}
            onClick={() => {
              setTab(t.id);
              if (!open) onToggle();
            }}
          >
            {t.label}
            {t.id === 'findings' && findings.length > 0 ? <span className={critical ? 'dock-badge bad' : 'dock-badge'}>{findings.length}</span> : null}
            {t.id === 'items' && itemCount > 0 ? <span className="dock-badge bad">{itemCount}</span> : null}
          </button>
        ))}
        <div className="spacer" />
        <button type="button" className="icon-button dock-toggle" title={open ? 'Hide the results' : 'Show the results'} aria-expanded={open} data-testid="dock-toggle" onClick={onToggle}>
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open ? (
        <div className="dock-body" role="tabpanel" data-testid={`dock-panel-${tab}`}>
          {tab === 'findings' && <FindingsPanel findings={findings} onZoomTo={zoomToFeatures} stale={running} analysed={analysed} />}
          {tab === 'coverage' && <CoverageTab />}
          {tab === 'approach' && <ApproachTab />}
          {tab === 'standoff' && <StandoffTab />}
          {tab === 'layers' && <LayersTab />}
          {tab === 'items' && <SuspectItemsTab />}
        </div>
      ) : null}
    </section>
  );
}

/** The dropped items, each with what its zones reach in the plan as it is now. */
function SuspectItemsTab(): ReactElement {
  const items = useSuspectItems((s) => s.items);
  const selectedId = useSuspectItems((s) => s.selectedId);
  const revision = useProject((s) => s.revision);
  const loadRevision = useProject((s) => s.loadRevision);
  const none = items.length === 0;
  // A big plan's snapshot is not free: taken only while there are items to measure against.
  const scene = useMemo(() => (none ? null : sceneSnapshot()), [none, revision, loadRevision]);
  const rows = useMemo(() => items.map((item) => ({ item, exposure: itemsInZones(scene, item.lonLat, itemThreat(item.threat)) })), [items, scene]);
  const st = suspectItemsStore.getState();
  return (
    <SuspectItemsPanel
      rows={rows}
      selectedId={selectedId}
      threatOptions={ITEM_THREAT_OPTIONS}
      onSelect={(id) => selectSuspectItem(id)}
      onRemove={st.remove}
      onThreatChange={st.setThreat}
      onZoomToItem={zoomToSuspectItem}
      onZoomTo={zoomToFeatures}
    />
  );
}

function CoverageTab(): ReactElement {
  const result = useAnalysisStore((s) => s.result);
  const scene = useAnalysisStore((s) => s.resultScene);
  return <CoveragePanel result={result} scene={scene} onZoomTo={zoomToFeatures} />;
}

function StandoffTab(): ReactElement {
  const result = useAnalysisStore((s) => s.result);
  const scene = useAnalysisStore((s) => s.resultScene);
  return <StandoffTable result={result} scene={scene} threatNames={THREAT_NAMES} onZoomTo={zoomToFeatures} />;
}

function LayersTab(): ReactElement {
  const result = useAnalysisStore((s) => s.result);
  const scene = useAnalysisStore((s) => s.resultScene);
  const responseTimeS = useAnalysisStore((s) => s.responseTimeS);
  return <LayersView result={result} scene={scene} responseTimeS={responseTimeS} onZoomTo={zoomToFeatures} />;
}

/** The speed profile of the selected path, beside the paths of each target to pick from. */
function ApproachTab(): ReactElement {
  const result = useAnalysisStore((s) => s.result);
  const scene = useAnalysisStore((s) => s.resultScene);
  const selectedPathId = useAnalysisStore((s) => s.selectedPathId);
  const groups = approachPathsByTarget(result);
  const name = nameLookup(scene);
  const selected = result?.features.find((f) => f.id === selectedPathId) ?? groups[0]?.paths[0] ?? null;
  if (groups.length === 0) return <p className="an-empty dock-empty">No approach paths: the scene has no crowd zone a vehicle can reach, or the analysis has not run yet.</p>;
  return (
    <div className="approach-tab">
      <div className="approach-chart">
        <SpeedProfileChart path={selected} targetName={selected ? name(String(selected.properties.target_id)) : undefined} width={560} height={190} />
      </div>
      <div className="approach-list an-panel" aria-label="Approach paths">
        {groups.map((g) => (
          <div key={g.targetId} className="approach-target">
            <h3>{name(g.targetId)}</h3>
            <ul>
              {g.paths.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={p.id === selected?.id ? 'approach-path active' : 'approach-path'}
                    data-testid={`path-${p.id}`}
                    onClick={() => {
                      analysisStore.getState().selectPath(p.id);
                      zoomToFeatures([p.id]);
                    }}
                  >
                    <span className="an-code">{String(p.properties.vehicle)}</span>
                    <span className="an-num">{typeof p.properties.impact_speed_kmh === 'number' ? formatKmh(p.properties.impact_speed_kmh) : '—'}</span>
                    <span className="an-num an-muted">{typeof p.properties.length_m === 'number' ? formatM(p.properties.length_m) : ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
