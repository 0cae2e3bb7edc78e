import type { Scene } from '../../core/scene/types.js';
import { suspectItemRings, type StandoffRingFeature } from '../../core/standoff/rings.js';
import { resolveThreats, type Threat } from '../../core/threats/threats.js';
import { formatKg, formatM } from './format.js';

/** A suspicious item dropped on the map: a transient marker of the window, not a scene feature. */
export interface SuspectItem {
  id: string;
  /** WGS 84 [lon, lat]. */
  lonLat: [number, number];
  /** A chart threat id or `custom:<kg>` (core/threats `resolveThreats`). */
  threat: string;
}

/** The item's threat row; an unknown id falls back to the briefcase row rather than failing the map. */
export function itemThreat(threatId: string): Threat {
  try {
    return resolveThreats([threatId])[0];
  } catch {
    return resolveThreats(['briefcase'])[0];
  }
}

/**
 * The chart's words for an item's zones, e.g. "Briefcase / suitcase bomb 23 kg TNT — evacuate
 * 46 m / shelter 564 m": inside the mandatory distance everyone evacuates; out to the preferred
 * distance people shelter inside away from windows (NCTC chart, blast-standoff.md §1).
 */
export function itemLabel(threat: Threat): string {
  return `${threat.name} ${formatKg(threat.tntKg)} TNT — evacuate ${formatM(threat.mandatoryM)} / shelter ${formatM(threat.preferredM)}`;
}

// The rings only need a frame: an empty scene makes core centre it on the item (exact near it).
const NO_FEATURES: Scene = { type: 'FeatureCollection', bulwark: { version: 1 }, features: [] };

/**
 * The evacuation disc and the shelter annulus around an item, WGS 84, from core
 * `suspectItemRings` (discs of the chart's mandatory and preferred distances). Ids are
 * `<item id>:evacuation` / `<item id>:shelter`; properties add `item_id`.
 */
export function itemRingFeatures(item: SuspectItem): StandoffRingFeature[] {
  const threat = itemThreat(item.threat);
  return suspectItemRings(NO_FEATURES, item.lonLat, { threats: [threat.id] }).map((f) => ({
    ...f,
    id: `${item.id}:${String(f.properties.zone)}`,
    properties: { ...f.properties, item_id: item.id },
  }));
}
