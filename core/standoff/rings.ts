import { sceneFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { resolveThreats, type Threat } from '../threats/threats.js';
import { difference, disc, offsetRegion, type Region } from './polygon-ops.js';
import { featureRegion, regionGeometry } from './region-geometry.js';

/**
 * Evacuation and shelter-in-place zones of the NCTC bomb threat chart (blast-standoff.md §1):
 * inside the mandatory distance everyone evacuates, buildings included ("evacuation"); between the
 * mandatory and the preferred distance people shelter inside away from windows ("shelter"). Around
 * a target the zones are buffers of its outline (§5: "required-standoff zone around a footprint =
 * polygon buffer"); around a suspect item, discs. Computed in the local frame, round joins.
 */
export interface ThreatZones {
  /** Everything within the mandatory distance of the outline, the outline included. */
  evacuation: Region;
  /** Between the mandatory and the preferred distance (an annulus). */
  shelter: Region;
}

export function threatZones(outline: Region, threat: Threat): ThreatZones {
  const evacuation = offsetRegion(outline, threat.mandatoryM);
  const preferred = offsetRegion(outline, threat.preferredM);
  return { evacuation, shelter: difference(preferred, evacuation) };
}

/** Zones around a dropped point (a suspicious item): discs of the two radii. */
export function pointThreatZones(point: XY, threat: Threat): ThreatZones {
  const evacuation = disc(point, threat.mandatoryM);
  return { evacuation, shelter: difference(disc(point, threat.preferredM), evacuation) };
}

export type StandoffRingFeature = SceneFeature<'standoff_ring'>;

function ringFeatures(zones: ThreatZones, threat: Threat, frame: LocalFrame, idBase: string, extra: Record<string, string>): StandoffRingFeature[] {
  const out: StandoffRingFeature[] = [];
  const add = (zone: 'evacuation' | 'shelter', region: Region, distanceM: number) => {
    const geometry = regionGeometry(region, frame);
    if (!geometry) return;
    out.push({
      type: 'Feature',
      id: `${idBase}:${threat.id}:${zone}`,
      geometry,
      properties: { kind: 'standoff_ring', threat: threat.id, distance_m: distanceM, zone, ...extra },
    });
  };
  add('evacuation', zones.evacuation, threat.mandatoryM);
  add('shelter', zones.shelter, threat.preferredM);
  return out;
}

/**
 * `standoff_ring` features (WGS 84) around every site and crowd zone of a scene, or those named in
 * `targetIds`, for the chosen threats (all chart rows by default). `distance_m` is the zone's outer
 * distance from the outline; `target_id` names the target.
 */
export function standoffRings(scene: Scene, options: { threats?: string[]; targetIds?: string[] } = {}): StandoffRingFeature[] {
  const frame = sceneFrame(scene);
  const threats = resolveThreats(options.threats);
  const targets = scene.features.filter(
    (f) => (f.properties.kind === 'site' || f.properties.kind === 'crowd_zone') && (!options.targetIds || options.targetIds.includes(f.id)),
  );
  if (options.targetIds) {
    for (const id of options.targetIds) if (!targets.some((t) => t.id === id)) throw new Error(`standoff rings: no site or crowd zone with id ${id}`);
  }
  const out: StandoffRingFeature[] = [];
  for (const target of targets) {
    const outline = featureRegion(target, frame);
    for (const threat of threats) out.push(...ringFeatures(threatZones(outline, threat), threat, frame, `ring:${target.id}`, { target_id: target.id }));
  }
  return out;
}

/**
 * `standoff_ring` features around a suspicious item dropped at `lonLat`, in the scene's frame
 * (or one centred on the point when the scene is empty).
 */
export function suspectItemRings(scene: Scene, lonLat: readonly [number, number], options: { threats?: string[] } = {}): StandoffRingFeature[] {
  const frame = scene.features.length > 0 ? sceneFrame(scene) : sceneFrame({ features: [{ type: 'Feature', id: 'p', geometry: { type: 'Point', coordinates: [lonLat[0], lonLat[1]] }, properties: { kind: 'note' } }] });
  const centre = frame.toLocal(lonLat);
  const out: StandoffRingFeature[] = [];
  for (const threat of resolveThreats(options.threats)) out.push(...ringFeatures(pointThreatZones(centre, threat), threat, frame, 'ring:item', {}));
  return out;
}
