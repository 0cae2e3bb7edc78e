import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { applyBasemap, BASEMAP_LAYER_ID } from './basemap-layer.js';
import { baseStyle } from './base-style.js';

/**
 * The slice of a maplibre-gl map that applyBasemap touches, over a plain style object (jsdom has
 * no WebGL; the live map is exercised in test/e2e/settings.spec.ts).
 */
function styleMap(layers: { id: string; type: string }[]) {
  const sources = new Map<string, { tiles?: string[] }>();
  const order = [...layers];
  const calls: string[] = [];
  const map = {
    getSource: (id: string) => sources.get(id),
    getLayer: (id: string) => order.find((l) => l.id === id),
    getStyle: () => ({ layers: order }),
    addSource: (id: string, spec: { tiles?: string[] }) => (calls.push(`addSource ${spec.tiles?.[0]}`), sources.set(id, spec)),
    removeSource: (id: string) => (calls.push('removeSource'), sources.delete(id)),
    addLayer: (layer: { id: string; type: string }, before?: string) => {
      calls.push(`addLayer before ${before}`);
      const i = before ? order.findIndex((l) => l.id === before) : order.length;
      order.splice(i, 0, layer);
    },
    removeLayer: (id: string) => (calls.push('removeLayer'), order.splice(order.findIndex((l) => l.id === id), 1)),
  };
  return { map: map as unknown as MapLibreMap, order: () => order.map((l) => l.id), calls };
}

const A = 'https://a.example.org/{z}/{x}/{y}.png';
const B = 'https://b.example.org/{z}/{x}/{y}.png';

describe('applyBasemap', () => {
  it('puts the tiles right above the paper, below every plan and analysis layer', () => {
    const m = styleMap([{ id: 'background', type: 'background' }, { id: 'building-fill', type: 'fill' }, { id: 'rings', type: 'line' }]);
    applyBasemap(m.map, A);
    expect(m.order()).toEqual(['background', BASEMAP_LAYER_ID, 'building-fill', 'rings']);
  });

  it('the same URL again changes nothing; another swaps the source; none removes it', () => {
    const m = styleMap([{ id: 'background', type: 'background' }, { id: 'building-fill', type: 'fill' }]);
    applyBasemap(m.map, A);
    applyBasemap(m.map, A);
    expect(m.calls).toEqual([`addSource ${A}`, 'addLayer before building-fill']);
    applyBasemap(m.map, B);
    expect(m.calls.slice(2)).toEqual(['removeLayer', 'removeSource', `addSource ${B}`, 'addLayer before building-fill']);
    applyBasemap(m.map, null);
    expect(m.order()).toEqual(['background', 'building-fill']);
    expect(m.map.getSource('basemap')).toBeUndefined();
  });

  it('the initial style with a basemap is a valid style with the same layer', () => {
    const style = baseStyle(A);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.map((l) => l.id)).toEqual(['background', BASEMAP_LAYER_ID]);
    expect(baseStyle(null).sources).toEqual({});
  });
});
