import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../scene/types.js';
import { analyzeStandoff } from './analyze-standoff.js';
import { standoffRings } from './rings.js';
import { analyzeLayers } from '../layers/analyze-layers.js';

/**
 * Fixtures in the Turf manner: `fixtures/NAME.in.geojson` (a scene; options in `bulwark.options`)
 * → `fixtures/NAME.out.geojson` (rings, breaches and the summaries, styled for geojson.io / QGIS).
 * Regenerate with `REGEN=1` and look at the picture before committing.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const STYLE: Record<string, Record<string, string | number>> = {
  evacuation: { stroke: '#c0392b', fill: '#c0392b', 'fill-opacity': 0.15 },
  shelter: { stroke: '#e67e22', fill: '#e67e22', 'fill-opacity': 0.08 },
  breach: { stroke: '#8e44ad', fill: '#8e44ad', 'fill-opacity': 0.35 },
};

/** Coordinates to 1e-8° (≈1 mm): the file stays readable and stable across platforms. */
const round = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(round) : typeof value === 'number' ? Math.round(value * 1e8) / 1e8 : value;

function run(scene: Scene) {
  const options = (scene.bulwark.options ?? {}) as { threats?: string[] };
  const standoff = analyzeStandoff(scene, { threats: options.threats });
  const layers = analyzeLayers(scene, {});
  const rings = standoffRings(scene, { threats: options.threats });
  const features = [
    ...rings.map((f) => ({ ...f, properties: { ...f.properties, ...STYLE[f.properties.zone as string] } })),
    ...standoff.features.map((f) => ({ ...f, properties: { ...f.properties, ...STYLE.breach } })),
  ].map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) } }));
  return {
    type: 'FeatureCollection',
    bulwark: { version: 1, summary: { standoff: standoff.summary, layers: layers.summary }, notes: standoff.notes },
    features,
  };
}

describe('standoff fixtures', () => {
  const names = readdirSync(dir).filter((n) => n.endsWith('.in.geojson')).map((n) => n.replace('.in.geojson', ''));
  it('has at least one fixture', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, () => {
      const scene = JSON.parse(readFileSync(join(dir, `${name}.in.geojson`), 'utf8')) as Scene;
      const out = run(scene);
      const outPath = join(dir, `${name}.out.geojson`);
      if (process.env.REGEN || !existsSync(outPath)) writeFileSync(outPath, JSON.stringify(out, null, 1) + '\n');
      expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});
