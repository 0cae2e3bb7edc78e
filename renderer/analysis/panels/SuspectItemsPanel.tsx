import { useState, type ReactElement } from 'react';
import type { Threat } from '../../../core/threats/threats.js';
import { formatM } from '../format.js';
import type { ExposedFeature, ItemExposure } from '../items-in-zones.js';
import { itemThreat, type SuspectItem } from '../suspect-item-rings.js';
import type { ChoiceOption } from './AnalysisToolbar.js';
import './analysis-panels.css';

export interface SuspectItemRow {
  item: SuspectItem;
  exposure: ItemExposure;
}

export interface SuspectItemsPanelProps {
  rows: readonly SuspectItemRow[];
  selectedId: string | null;
  /** The chart rows to choose from (a custom mass is typed in). */
  threatOptions: readonly ChoiceOption[];
  onSelect(id: string): void;
  onRemove(id: string): void;
  onThreatChange(id: string, threat: string): void;
  /** Zoom to the item's evacuation zone. */
  onZoomToItem(id: string): void;
  /** Zoom to plan features (a crowd zone, site or building in the zone). */
  onZoomTo(ids: string[]): void;
}

const KIND_WORD: Record<ExposedFeature['kind'], string> = { crowd_zone: 'crowd zone', site: 'site', building: 'building' };
const CUSTOM = 'custom';
/** Names listed per zone before "and N more" (the count is always complete). */
const LISTED = 8;

/** 51.50123° N, 0.12345° W: five decimals are about a metre. */
export function formatLonLat([lon, lat]: readonly [number, number]): string {
  return `${Math.abs(lat).toFixed(5)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(5)}° ${lon >= 0 ? 'E' : 'W'}`;
}

function countWords(list: readonly ExposedFeature[]): string {
  if (list.length === 0) return 'none';
  const by = (k: ExposedFeature['kind']) => list.filter((f) => f.kind === k).length;
  return (['crowd_zone', 'site', 'building'] as const)
    .filter((k) => by(k) > 0)
    .map((k) => `${by(k)} ${KIND_WORD[k]}${by(k) === 1 ? '' : 's'}`)
    .join(', ');
}

function ThreatChoice({ item, threat, options, onChange }: { item: SuspectItem; threat: Threat; options: readonly ChoiceOption[]; onChange(t: string): void }): ReactElement {
  const custom = item.threat.startsWith('custom:');
  const [kg, setKg] = useState(custom ? String(threat.tntKg) : '100');
  return (
    <span className="si-threat">
      <select
        aria-label={`Threat of ${item.id}`}
        data-testid={`suspect-threat-${item.id}`}
        value={custom ? CUSTOM : item.threat}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(v === CUSTOM ? `custom:${Number(kg) > 0 ? Number(kg) : 100}` : v);
        }}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
        <option value={CUSTOM}>Custom mass…</option>
      </select>
      {custom ? (
        <label className="si-kg" title={threat.scaling}>
          <input
            type="number"
            min={0.1}
            step={1}
            value={kg}
            aria-label={`TNT-equivalent mass of ${item.id} in kg`}
            data-testid={`suspect-kg-${item.id}`}
            onChange={(e) => {
              setKg(e.currentTarget.value);
              const v = e.currentTarget.valueAsNumber;
              if (Number.isFinite(v) && v > 0) onChange(`custom:${v}`);
            }}
          />
          <span className="an-unit">kg TNT</span>
          <span className="an-verify" title={threat.scaling}>
            W^(1/3) scaled
          </span>
        </label>
      ) : null}
    </span>
  );
}

function Exposed({ title, list, onZoomTo, testId }: { title: string; list: readonly ExposedFeature[]; onZoomTo(ids: string[]): void; testId: string }): ReactElement {
  return (
    <div className="si-exposed" data-testid={testId}>
      <span className="si-exposed-title">
        {title}: <strong>{countWords(list)}</strong>
      </span>
      {list.length > 0 ? (
        <span className="si-names">
          {list.slice(0, LISTED).map((f) => (
            <button key={f.id} type="button" className="an-link" title={`${KIND_WORD[f.kind]} ${f.id}: ${f.distanceM === 0 ? 'the item is inside it' : `${formatM(f.distanceM)} from the item`}${f.whole ? ', wholly inside the zone' : ''}`} onClick={() => onZoomTo([f.id])}>
              {f.name}
            </button>
          ))}
          {list.length > LISTED ? <span className="an-muted">and {list.length - LISTED} more</span> : null}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The suspicious items dropped on the map: where each is, its threat (changeable), the chart's
 * evacuation and shelter distances, and which crowd zones, sites and buildings fall in each zone,
 * each name a click-to-zoom.
 */
export function SuspectItemsPanel(props: SuspectItemsPanelProps): ReactElement {
  const { rows, selectedId } = props;
  if (rows.length === 0) {
    return (
      <p className="an-empty dock-empty" data-testid="suspect-items-empty">
        No suspicious item. Pick the Suspicious item tool (I) and click the map where the item is: its evacuation and shelter rings are drawn at once.
      </p>
    );
  }
  return (
    <ul className="an-panel si-list" aria-label="Suspicious items">
      {rows.map(({ item, exposure }, i) => {
        const threat = itemThreat(item.threat);
        return (
          <li key={item.id} className={item.id === selectedId ? 'si-item selected' : 'si-item'} data-testid={`suspect-item-${item.id}`} onClick={() => props.onSelect(item.id)}>
            <div className="si-head">
              <span className="si-badge">!</span>
              <button type="button" className="an-link si-name" title="Zoom to the item's evacuation zone" data-testid={`suspect-zoom-${item.id}`} onClick={() => props.onZoomToItem(item.id)}>
                Item {i + 1}
              </button>
              <span className="an-muted an-num">{formatLonLat(item.lonLat)}</span>
              <ThreatChoice item={item} threat={threat} options={props.threatOptions} onChange={(t) => props.onThreatChange(item.id, t)} />
              <span className="si-distances an-num" data-testid={`suspect-distances-${item.id}`}>
                <span className="si-evac">evacuate {formatM(threat.mandatoryM)}</span> · <span className="si-shelter">shelter {formatM(threat.preferredM)}</span>
              </span>
              <button type="button" className="text-button si-remove" title="Remove the item and its rings (Delete)" data-testid={`suspect-remove-${item.id}`} onClick={(e) => {
                e.stopPropagation();
                props.onRemove(item.id);
              }}>
                Remove
              </button>
            </div>
            <Exposed title="In the evacuation zone" list={exposure.evacuate} onZoomTo={props.onZoomTo} testId={`suspect-evacuate-${item.id}`} />
            <Exposed title="In the shelter zone" list={exposure.shelter} onZoomTo={props.onZoomTo} testId={`suspect-shelter-${item.id}`} />
          </li>
        );
      })}
    </ul>
  );
}
