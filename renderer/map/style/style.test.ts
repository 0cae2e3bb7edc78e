import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { INPUT_KINDS } from '../../../core/scene/kinds.js';
import { baseStyle } from './base-style.js';
import { cameraFovLayers, DRAW_ORDER, kindLayers } from './kind-layers.js';
import { metresPerPixel } from '../scale.js';

const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

function fullStyle(basemap: string | null): StyleSpecification {
  const style = baseStyle(basemap);
  for (const k of INPUT_KINDS) style.sources[`src-${k}`] = empty;
  style.sources.fov = empty;
  for (const k of DRAW_ORDER) style.layers.push(...kindLayers(k, `src-${k}`, { latDeg: 50.85 }));
  style.layers.push(...cameraFovLayers('fov'));
  return style;
}

describe('default style', () => {
  it('is valid MapLibre style with every kind layer', () => {
    expect(validateStyleMin(fullStyle(null))).toEqual([]);
    expect(validateStyleMin(fullStyle('https://tiles.example.org/{z}/{x}/{y}.png'))).toEqual([]);
  });

  it('needs no network: no glyphs, no sprite, no remote source unless a basemap is set', () => {
    const s = fullStyle(null);
    expect(s.glyphs).toBeUndefined();
    expect(s.sprite).toBeUndefined();
    expect(JSON.stringify(s)).not.toMatch(/https?:/);
    expect(s.layers.some((l) => l.type === 'symbol' && l.layout && 'text-field' in l.layout)).toBe(false);
  });

  it('draws every input kind, and the order lists each kind once', () => {
    expect([...DRAW_ORDER].sort()).toEqual([...INPUT_KINDS].sort());
    for (const k of INPUT_KINDS) expect(kindLayers(k, 's', { latDeg: 0 }).length).toBeGreaterThan(0);
  });

  it('draws each barrier type with its own layer, and roads at their width in metres', () => {
    const barrier = kindLayers('barrier', 's', { latDeg: 0 }).map((l) => l.id);
    for (const t of ['bollard', 'planter', 'wall', 'fence', 'gate', 'street_furniture', 'tree']) expect(barrier).toContain(`k-barrier-line-${t}`);
    const road = kindLayers('road', 's', { latDeg: 50.85 }).find((l) => l.id === 'k-road-line');
    const width = (road as { paint: { 'line-width': unknown[] } }).paint['line-width'];
    // ['interpolate', ['exponential', 2], ['zoom'], 0, ['max', 1, ['*', w, k0]], 24, ...]: k0 = 1 / m-per-px at zoom 0.
    const k0 = ((width[4] as unknown[])[2] as unknown[])[2] as number;
    expect(k0).toBeCloseTo(1 / metresPerPixel(50.85, 0), 12);
  });
});
