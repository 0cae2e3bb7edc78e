import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { analysisImageIds } from './analysis-images.js';
import { ANALYSIS_LAYER_GROUPS, ANALYSIS_SOURCES, analysisLayers, analysisSources, pathSegments, type MapFeatureCollection } from './analysis-layers.js';
import { riversideResult } from './fixtures/riverside-market.js';

const data = (id: string, result = riversideResult()) => analysisSources(result)[id as keyof ReturnType<typeof analysisSources>].data as unknown as MapFeatureCollection;

describe('analysis map layers', () => {
  it('form a valid maplibre style with the sources they name (style-spec validator)', () => {
    const style = { version: 8 as const, sources: analysisSources(riversideResult()), layers: analysisLayers({ selectedPathId: 'path-market-square-M1', gapLevels: ['detect', 'identify'] }) };
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    // And with no result yet: empty sources, same layers.
    expect(validateStyleMin({ version: 8, sources: analysisSources(null), layers: analysisLayers() })).toEqual([]);
  });

  it('every group toggles layers that exist, and every layer belongs to one group', () => {
    const ids = analysisLayers().map((l) => l.id);
    const grouped = ANALYSIS_LAYER_GROUPS.flatMap((g) => g.layerIds);
    expect([...grouped].sort()).toEqual([...ids].sort());
    expect(ANALYSIS_LAYER_GROUPS.map((g) => g.id)).toEqual(['views', 'gaps', 'paths', 'barrier_checks', 'rings', 'breaches']);
  });

  it('splits each approach path into one segment per vertex pair with the mean speed', () => {
    const paths = riversideResult().features.filter((f) => f.properties.kind === 'approach_path');
    const segs = pathSegments(paths);
    // 3 paths of 6 vertices + 1 of 5 → 3·5 + 4 = 19 segments.
    expect(segs).toHaveLength(19);
    const m1 = segs.filter((s) => s.properties.path_id === 'path-market-square-M1');
    // Speeds 0, 53.1, 27.6, 27.6, 27.6, 64.2 → means 26.55, 40.35, 27.6, 27.6, 45.9.
    const means = m1.map((s) => s.properties.speed_kmh as number);
    [26.55, 40.35, 27.6, 27.6, 45.9].forEach((v, i) => expect(means[i]).toBeCloseTo(v, 9));
    expect(m1[4].properties).toMatchObject({ from_kmh: 27.6, to_kmh: 64.2 });
  });

  it('one badge per barrier with its worst verdict; impact labels at path ends; images for all', () => {
    const badges = data(ANALYSIS_SOURCES.barriers).features.map((f) => [f.properties.barrier_id, f.properties.badge_image]);
    expect(badges).toEqual([
      ['bollards-south', 'bulwark-badge-fail'],
      ['benches-east', 'bulwark-badge-unrated'],
    ]);
    const impacts = data(ANALYSIS_SOURCES.impacts).features;
    expect(impacts.map((f) => f.properties.label_image)).toEqual(['bulwark-speed-53.5', 'bulwark-speed-64.2', 'bulwark-speed-45.6', 'bulwark-speed-40.0']);
    const ids = analysisImageIds(riversideResult());
    for (const f of impacts) expect(ids).toContain(f.properties.label_image);
    expect(ids).toContain('bulwark-hatch');
    expect(ids).toContain('bulwark-badge-not_reached');
  });

  it('camera views carry their DORI rank so darker levels draw on top', () => {
    const views = data(ANALYSIS_SOURCES.views).features.filter((f) => f.properties.camera_id === 'cam-n');
    expect(views.map((f) => [f.properties.dori, f.properties.dori_rank])).toEqual([['detect', 1], ['observe', 2], ['recognise', 3], ['identify', 4]]);
  });
});
