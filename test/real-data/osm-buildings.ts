import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFeature } from '../../core/scene/validate.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';

/** The real OpenStreetMap extract of Monaco (© OpenStreetMap contributors, ODbL), shared/data. */
export const MONACO_PBF = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/monaco/monaco-2019.osm.pbf');

/**
 * Buildings of an OSM extract inside a lon/lat window, as a scene — read by GDAL's OSM driver
 * (independent of our code), so tests run our analyses on real street layouts. Building
 * outlines that scene format v1 refuses (self-intersecting rings happen in OSM) are left out
 * and counted.
 */
export function osmBuildingsScene(bbox: [number, number, number, number]): { scene: Scene; refused: number; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-osm-'));
  const out = join(dir, 'buildings.geojson');
  const r = spawnSync('ogr2ogr', ['-f', 'GeoJSON', out, MONACO_PBF, 'multipolygons', '-where', 'building IS NOT NULL', '-spat', ...bbox.map(String)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ogr2ogr failed: ${r.stderr}`);
  const raw = JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: SceneFeature['geometry']; properties: { osm_id?: string; osm_way_id?: string } }[] };
  const features: SceneFeature[] = [];
  let refused = 0;
  for (const f of raw.features) {
    const id = `osm-${f.properties.osm_id ?? `w${f.properties.osm_way_id}`}`;
    const feature: SceneFeature = { type: 'Feature', id, geometry: f.geometry, properties: { kind: 'building' } };
    if (validateFeature(feature).some((x) => x.severity === 'error')) refused++;
    else features.push(feature);
  }
  return { scene: { type: 'FeatureCollection', bulwark: { version: 1, name: 'Monaco buildings (OSM)' }, features }, refused, path: out };
}
