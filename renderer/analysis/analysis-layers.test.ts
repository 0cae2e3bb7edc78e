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
    expect(validateStyleMin({ version: 8, sources: analysisSources(riversideResult()), layers: analysisLayers({ threat: 'car', allPaths: true }) })).toEqual([]);
    // And with no result yet: empty sources, same layers.
    expect(validateStyleMin({ version: 8, sources: analysisSources(null), layers: analysisLayers() })).toEqual([]);
  });

  it('every group toggles layers that exist, and every layer belongs to one group', () => {
    const ids = analysisLayers().map((l) => l.id);
    const grouped = ANALYSIS_LAYER_GROUPS.flatMap((g) => g.layerIds);
    expect([...grouped].sort()).toEqual([...ids].sort());
    expect(ANALYSIS_LAYER_GROUPS.map((g) => g.id)).toEqual(['views', 'gaps', 'paths', 'barrier_checks', 'rings', 'breaches']);
  });

  it('cuts approach paths into pieces whose speed follows v² = u² + 2as', () => {
    const paths = riversideResult().features.filter((f) => f.properties.kind === 'approach_path');
    const m1 = pathSegments(paths).filter((s) => s.properties.path_id === 'path-market-square-M1');
    // M1 speeds 0, 53.1, 27.6, 27.6, 27.6, 64.2: 3 changing segments × 8 pieces + 2 holding = 26.
    expect(m1).toHaveLength(26);
    const last = m1.filter((s) => s.properties.segment === 4).map((s) => s.properties.speed_kmh as number);
    // Piece k of 8 at t = (k + 0.5)/8: v = √(27.6² + (64.2² − 27.6²)·t); 27.6² = 761.8, 64.2² = 4121.6:
    // first t = 1/16 → √(761.8 + 3359.9/16) = √971.7 = 31.2 km/h; last t = 15/16 → √(761.8 + 3149.9) = 62.5 km/h.
    expect(last[0]).toBeCloseTo(Math.sqrt(27.6 ** 2 + (64.2 ** 2 - 27.6 ** 2) / 16), 9);
    expect(last[0]).toBeCloseTo(31.2, 1);
    expect(last[7]).toBeCloseTo(62.5, 1);
    for (let k = 1; k < 8; k++) expect(last[k]).toBeGreaterThan(last[k - 1]);
    // The pieces join end to end and span the segment exactly.
    const coords = (paths.find((p) => p.id === 'path-market-square-M1')!.geometry as { coordinates: number[][] }).coordinates;
    const pieces = m1.filter((s) => s.properties.segment === 4).map((s) => (s.geometry as { coordinates: number[][] }).coordinates);
    expect(pieces[0][0]).toEqual(coords[4]);
    expect(pieces[7][1]).toEqual(coords[5]);
    for (let k = 1; k < 8; k++) expect(pieces[k][0]).toEqual(pieces[k - 1][1]);
    // A segment at a corner limit stays one piece at its constant speed.
    expect(m1.filter((s) => s.properties.segment === 2).map((s) => s.properties.speed_kmh)).toEqual([27.6]);
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

  it('marks the fastest path per target, which the path layers show unless every class is asked for', () => {
    const impacts = data(ANALYSIS_SOURCES.impacts).features;
    // Market square: M1 64.2 > N2A 53.5 > N3C 45.6 km/h; the bus stop has one path.
    expect(impacts.filter((f) => f.properties.worst).map((f) => f.properties.path_id)).toEqual(['path-market-square-M1', 'path-bus-stop-N2A']);
    const segs = data(ANALYSIS_SOURCES.paths).features;
    expect(new Set(segs.filter((f) => f.properties.worst).map((f) => f.properties.path_id))).toEqual(new Set(['path-market-square-M1', 'path-bus-stop-N2A']));
    const line = analysisLayers().find((l) => l.id === 'bulwark-analysis-paths-speed')!;
    expect('filter' in line && line.filter).toEqual(['==', ['get', 'worst'], true]);
    const all = analysisLayers({ allPaths: true }).find((l) => l.id === 'bulwark-analysis-paths-speed')!;
    expect('filter' in all).toBe(false);
    // The selected path shows whatever its class.
    expect(analysisLayers({ selectedPathId: 'path-market-square-N3C' }).find((l) => l.id === 'bulwark-analysis-path-selected')!).toMatchObject({ filter: ['==', ['get', 'path_id'], 'path-market-square-N3C'] });
  });

  it('camera views carry their DORI rank so darker levels draw on top', () => {
    const views = data(ANALYSIS_SOURCES.views).features.filter((f) => f.properties.camera_id === 'cam-n');
    expect(views.map((f) => [f.properties.dori, f.properties.dori_rank])).toEqual([['detect', 1], ['observe', 2], ['recognise', 3], ['identify', 4]]);
  });
});
