import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../scene/types.js';
import { analyzeCoverage } from './analyze-coverage.js';

/**
 * Fixtures in the Turf manner: `fixtures/NAME.in.geojson` (a scene) → `fixtures/NAME.out.geojson`
 * (the scene's features, then the analysis features with simplestyle colours, and the summary in
 * `bulwark.summary.coverage`), regenerated with `REGEN=1` and reviewed as pictures.
 */
const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.in.geojson')).map((f) => f.replace('.in.geojson', ''));

/** Numbers to 1e-7 (≈ 1 cm in degrees, 0.1 µm² in areas): floating-point noise across machines. */
const stable = (v: unknown): unknown =>
  typeof v === 'number' ? Math.round(v * 1e7) / 1e7 : Array.isArray(v) ? v.map(stable) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stable(x)])) : v;

describe('coverage fixtures', () => {
  it('there are fixtures', () => expect(names.length).toBeGreaterThanOrEqual(2));
  for (const name of names) {
    it(name, () => {
      const scene = JSON.parse(readFileSync(`${dir}${name}.in.geojson`, 'utf8')) as Scene;
      const result = analyzeCoverage(scene);
      const out = {
        type: 'FeatureCollection',
        bulwark: { version: 1, summary: { coverage: result.summary }, findings: result.findings },
        features: [...scene.features, ...result.features],
      };
      const path = `${dir}${name}.out.geojson`;
      if (process.env.REGEN) writeFileSync(path, JSON.stringify(out, null, 1) + '\n');
      expect(stable(out)).toEqual(stable(JSON.parse(readFileSync(path, 'utf8'))));
    });
  }
});
