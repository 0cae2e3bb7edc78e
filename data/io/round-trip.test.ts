import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_KINDS, KIND_GEOMETRIES, type GeometryType, type InputKind } from '../../core/scene/kinds.js';
import { KIND_PROPERTIES, type PropertySpec } from '../../core/scene/properties.js';
import type { Scene, SceneFeature, SceneGeometry } from '../../core/scene/types.js';
import { validateScene } from '../../core/scene/validate.js';
import { ApiError } from '../api/contract.js';
import { createGpkgProjectStore } from '../store/gpkg-project-store.js';
import { parseSceneText } from './parse-scene-text.js';
import { readSceneFile } from './read-scene-file.js';
import { sceneToGeoJsonChunks, sceneToGeoJsonText } from './scene-to-geojson-text.js';
import { exportProjectGeoJsonFile } from './write-geojson-file.js';
import { writeSceneFile } from './write-scene-file.js';

/** GeoJSON → GeoPackage → GeoJSON loses nothing: properties, ids, unknown properties and kinds, geometry types, order, `bulwark`. */
const FIXTURE = new URL('./fixtures/every-kind.geojson', import.meta.url);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lon = fc.double({ min: -179, max: 179, noNaN: true });
const lat = fc.double({ min: -85, max: 85, noNaN: true });
const pos = fc.tuple(lon, lat).map(([x, y]) => [x, y] as [number, number]);
/** A non-degenerate triangle, closed: never self-intersecting, so always a valid ring. */
const triangle = fc
  .tuple(pos, fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.double({ min: 1e-4, max: 1, noNaN: true }))
  .map(([[x, y], w, h]) => [[x, y], [x + w, y], [x, y + h], [x, y]] as [number, number][]);

function geometryOf(type: GeometryType): fc.Arbitrary<SceneGeometry> {
  switch (type) {
    case 'Point':
      return fc.oneof(pos, fc.tuple(lon, lat, fc.double({ min: -100, max: 3000, noNaN: true }))).map((c) => ({ type, coordinates: c as [number, number] }));
    case 'LineString':
      return fc.tuple(pos, fc.array(pos, { minLength: 1, maxLength: 4 })).map(([a, rest]) => ({ type, coordinates: [a, [a[0] + 0.001, a[1]] as [number, number], ...rest] }));
    case 'Polygon':
      return triangle.map((r) => ({ type, coordinates: [r] }));
    case 'MultiPolygon':
      return fc.array(triangle, { minLength: 1, maxLength: 3 }).map((ts) => ({ type, coordinates: ts.map((r) => [r]) }));
  }
}

function valueOf(spec: PropertySpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'number': {
      const min = spec.min ?? -1e6;
      const max = spec.max ?? 1e6;
      if (spec.integer) return fc.integer({ min: Math.ceil(min + (spec.minExclusive ? 1 : 0)), max });
      return fc.double({ min, max, noNaN: true }).filter((v) => !(spec.minExclusive && v <= min));
    }
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: 12 });
  }
}

const unknownKey = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }).map((k) => `x_${k}`);
const unknownProps = fc.dictionary(unknownKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

function featureOf(kind: InputKind): fc.Arbitrary<Omit<SceneFeature, 'id'>> {
  const specs = KIND_PROPERTIES[kind];
  // An explicit null is a valid value for every property but `name` (core/scene/validate.ts).
  const known = fc.record(Object.fromEntries(specs.map((s) => [s.key, s.key === 'name' ? valueOf(s) : fc.option(valueOf(s), { nil: null })])), { requiredKeys: [] });
  return fc.record({
    geometry: fc.constantFrom(...KIND_GEOMETRIES[kind]).chain(geometryOf),
    known,
    extra: unknownProps,
  }).map(({ geometry, known, extra }) => ({ type: 'Feature' as const, geometry, properties: { kind, ...extra, ...known } as SceneFeature['properties'] }));
}

const unknownKindFeature = fc
  .record({
    kind: fc.constantFrom('x_kiosk', 'x_drone_zone', 'tree_pit'),
    geometry: fc.oneof(geometryOf('Point'), geometryOf('Polygon'), fc.array(pos, { minLength: 0, maxLength: 3 }).map((c) => ({ type: 'MultiPoint', coordinates: c }) as unknown as SceneGeometry)),
    props: unknownProps,
  })
  .map(({ kind, geometry, props }) => ({ type: 'Feature' as const, geometry, properties: { ...props, kind } as SceneFeature['properties'] }));

const sceneArb: fc.Arbitrary<Scene> = fc
  .record({
    features: fc.array(fc.oneof(fc.constantFrom(...INPUT_KINDS).chain(featureOf), unknownKindFeature), { maxLength: 25 }),
    ids: fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), { minLength: 25, maxLength: 25 }),
    meta: fc.record(
      {
        name: fc.string({ unit: 'grapheme', maxLength: 20 }),
        marking: fc.constantFrom('OFFICIAL', 'OFFICIAL-SENSITIVE'),
        settings: fc.record({ dori_preset: fc.constantFrom('IEC62676-4:2014', 'IEC62676-4:2025') }, { requiredKeys: [] }),
        x_extension: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ features, ids, meta }) => ({
    type: 'FeatureCollection' as const,
    bulwark: { version: 1 as const, ...meta },
    features: features.map((f, i) => ({ ...f, id: ids[i] }) as SceneFeature),
  }));

describe('scene files', () => {
  it('round-trips the hand-made scene with every kind: GeoJSON → GeoPackage → GeoJSON, byte for byte', () => {
    const original = readSceneFile(FIXTURE.pathname).scene;
    const gpkg = join(dir, 'every.gpkg');
    writeSceneFile(gpkg, original);
    const back = readSceneFile(gpkg);
    expect(back.scene).toEqual(original);
    expect(back.findings).toEqual([expect.objectContaining({ featureId: 'x-1', severity: 'warning' })]);
    expect(sceneToGeoJsonText(back.scene)).toBe(sceneToGeoJsonText(original));
    const out = join(dir, 'every.geojson');
    writeSceneFile(out, back.scene);
    expect(readFileSync(out, 'utf8')).toBe(sceneToGeoJsonText(original));
    expect(readSceneFile(out).scene).toEqual(original);
  });

  it('round-trips any valid scene (property test)', () => {
    let n = 0;
    fc.assert(
      fc.property(sceneArb, (generated) => {
        // The file is text: what a reader sees is what JSON gives back (no -0, no undefined).
        const { scene } = parseSceneText(JSON.stringify(generated), 'gen.geojson');
        const path = join(dir, `gen-${n++}.gpkg`);
        writeSceneFile(path, scene);
        const back = readSceneFile(path).scene;
        expect(back).toEqual(scene);
        expect(parseSceneText(sceneToGeoJsonText(back), 'back.geojson').scene).toEqual(scene);
        rmSync(path);
      }),
      { numRuns: 25, seed: 20261128 },
    );
  });

  it('writes deterministic GeoJSON text that is RFC 7946 shaped', () => {
    const { scene } = readSceneFile(FIXTURE.pathname);
    const text = sceneToGeoJsonText(scene);
    expect(sceneToGeoJsonText(structuredClone(scene))).toBe(text);
    const chunks = [...sceneToGeoJsonChunks(scene, 5)];
    expect(chunks.length).toBe(5); // 24 features in pieces of 5
    expect(chunks.join('')).toBe(text);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['type', 'bulwark', 'features']);
    expect(Object.keys(doc.features[0])).toEqual(['type', 'id', 'properties', 'geometry']);
    expect(validateScene(doc).valid).toBe(true);
    expect(text.split('\n')).toHaveLength(scene.features.length + 5); // header, bulwark, features, one per feature, end, ''
  });

  it('refuses an unknown extension naming what it reads', () => {
    expect(() => readSceneFile(join(dir, 'plan.xyz'))).toThrow(new ApiError('unreadable', "plan.xyz: unknown format '.xyz' (reads .geojson, .json, .gpkg)"));
    expect(() => readSceneFile(join(dir, 'missing.geojson'))).toThrow(/missing\.geojson: no such file/);
  });

  it('exports an open project to GeoJSON page by page, the same text as the whole scene', () => {
    const store = createGpkgProjectStore(join(dir, 'export.gpkg'), { scene: readSceneFile(FIXTURE.pathname).scene });
    try {
      const out = join(dir, 'export.geojson');
      exportProjectGeoJsonFile(store, out);
      expect(readFileSync(out, 'utf8')).toBe(sceneToGeoJsonText(store.readScene()));
    } finally {
      store.close();
    }
  });

  it('refuses to write over a project that is open', () => {
    const path = join(dir, 'open.gpkg');
    const store = createGpkgProjectStore(path);
    try {
      expect(() => writeSceneFile(path, { type: 'FeatureCollection', bulwark: { version: 1 }, features: [] })).toThrow(/open\.gpkg is open/);
    } finally {
      store.close();
    }
    writeSceneFile(path, { type: 'FeatureCollection', bulwark: { version: 1, name: 'Replaced' }, features: [] });
    expect(readSceneFile(path).scene.bulwark.name).toBe('Replaced');
  });
});
