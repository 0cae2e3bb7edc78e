import { describe, expect, it } from 'vitest';
import type { AnalysisImage, CanvasFactory } from './analysis-images.js';
import { ANALYSIS_LAYER_IDS, analysisLayers } from './analysis-layers.js';
import { applyAnalysisToMap, setAnalysisGroupVisible, type AnalysisMap } from './apply-analysis-to-map.js';
import { riversideResult } from './fixtures/riverside-market.js';

/** A test double of the slice of maplibre's Map the function uses: records what it is asked to do. */
function fakeMap() {
  const images = new Map<string, { width: number; height: number; pixelRatio?: number }>();
  const sources = new Map<string, { data: unknown; setData(d: unknown): void }>();
  const layers: { id: string; before?: string }[] = [];
  const filters = new Map<string, unknown>();
  const layout = new Map<string, unknown>();
  const map = {
    hasImage: (id: string) => images.has(id),
    addImage: (id: string, img: AnalysisImage, opts?: { pixelRatio?: number }) => void images.set(id, { width: img.width, height: img.height, pixelRatio: opts?.pixelRatio }),
    getSource: (id: string) => sources.get(id),
    addSource: (id: string, spec: { data: unknown }) => {
      const s = { data: spec.data, setData: (d: unknown) => void (s.data = d) };
      sources.set(id, s);
    },
    getLayer: (id: string) => layers.find((l) => l.id === id),
    addLayer: (layer: { id: string }, before?: string) => void layers.push({ id: layer.id, before }),
    setFilter: (id: string, f: unknown) => void filters.set(id, f),
    setLayoutProperty: (id: string, key: string, value: unknown) => void layout.set(`${id}.${key}`, value),
  };
  return { map: map as unknown as AnalysisMap, images, sources, layers, filters, layout };
}

/** Canvas stand-in: jsdom-free node has no canvas; the drawing itself is checked by the screenshot harness. */
const blankCanvas: CanvasFactory = (w, h) => ({
  getContext: () =>
    new Proxy({ getImageData: () => ({ data: new Uint8ClampedArray(w * h * 4) }) } as unknown as CanvasRenderingContext2D, {
      get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined),
      set: () => true,
    }),
});

describe('applyAnalysisToMap', () => {
  it('adds images, sources and layers once, then only updates data and filters', () => {
    const f = fakeMap();
    applyAnalysisToMap(f.map, riversideResult(), { beforeId: 'scene-labels', canvas: blankCanvas, selectedPathId: 'path-bus-stop-N2A', threat: 'car' });
    expect(f.layers.map((l) => l.id)).toEqual(analysisLayers().map((l) => l.id));
    expect(new Set(f.layers.map((l) => l.before))).toEqual(new Set(['scene-labels']));
    // Hatch + 4 badges + 4 impact labels (53.5, 64.2, 45.6, 40.0 km/h), drawn at pixel ratio 2.
    expect(f.images.size).toBe(9);
    expect(f.images.get('bulwark-speed-64.2')).toMatchObject({ pixelRatio: 2, height: 36 });
    expect(f.filters.get(ANALYSIS_LAYER_IDS.pathSelected)).toEqual(['==', ['get', 'path_id'], 'path-bus-stop-N2A']);
    expect(f.filters.get(ANALYSIS_LAYER_IDS.breachesFill)).toEqual(['==', ['get', 'threat'], 'car']);

    const fewer = riversideResult();
    fewer.features = fewer.features.filter((x) => x.properties.kind !== 'approach_path');
    applyAnalysisToMap(f.map, fewer, { canvas: blankCanvas });
    expect(f.layers).toHaveLength(analysisLayers().length);
    expect((f.sources.get('bulwark-analysis-paths')!.data as { features: unknown[] }).features).toEqual([]);
    expect(f.filters.get(ANALYSIS_LAYER_IDS.breachesFill)).toBeNull();
  });

  it('a layer group hides and shows all its layers', () => {
    const f = fakeMap();
    applyAnalysisToMap(f.map, riversideResult(), { canvas: blankCanvas });
    setAnalysisGroupVisible(f.map, 'gaps', false);
    expect(f.layout.get(`${ANALYSIS_LAYER_IDS.gapsFill}.visibility`)).toBe('none');
    expect(f.layout.get(`${ANALYSIS_LAYER_IDS.gapsLine}.visibility`)).toBe('none');
    expect(f.layout.has(`${ANALYSIS_LAYER_IDS.pathsLine}.visibility`)).toBe(false);
    setAnalysisGroupVisible(f.map, 'gaps', true);
    expect(f.layout.get(`${ANALYSIS_LAYER_IDS.gapsFill}.visibility`)).toBe('visible');
  });
});
