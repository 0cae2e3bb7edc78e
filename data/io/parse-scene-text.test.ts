import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/contract.js';
import { jsonSyntaxError } from './json-syntax-error.js';
import { parseSceneText } from './parse-scene-text.js';

function error(text: string): ApiError {
  try {
    parseSceneText(text, 'site.geojson');
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('parsed');
}

describe('parseSceneText', () => {
  it('reads a null name (a GIS export\'s empty attribute cell) as no name', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', bulwark: { version: 1 }, features: [
      { type: 'Feature', id: 'b1', properties: { kind: 'building', name: null }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]] } },
    ] });
    const { scene, findings } = parseSceneText(text, 'osm.geojson');
    expect(findings).toEqual([]);
    expect('name' in scene.features[0].properties).toBe(false);
    // A name that is there but not text is still an error, naming the feature.
    expect(error(text.replace('"name":null', '"name":7')).message).toBe('site.geojson: feature b1: name must be text, got 7');
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [,]\n}';
    const err = error(text);
    expect(err.code).toBe('unreadable');
    // line 3 is `  "features": [,]`; the comma is its 16th character
    expect(err.message).toBe("site.geojson is not valid JSON: line 3, column 16: unexpected ','");
  });

  it('locates the errors V8 reports without a position', () => {
    expect(jsonSyntaxError('{"a":}')).toMatchObject({ line: 1, column: 6, message: "unexpected '}'" });
    expect(jsonSyntaxError('{\n "a": tru }')).toMatchObject({ line: 2, column: 7 });
    expect(jsonSyntaxError('{"a":1,}')).toMatchObject({ column: 8, message: "expected a property name in double quotes, found '}'" });
    expect(jsonSyntaxError('[1, 2')).toMatchObject({ column: 6, message: "expected ',' or ']' in an array, found end of file" });
    expect(jsonSyntaxError('"a\nb"')).toMatchObject({ line: 1, column: 3 });
    expect(jsonSyntaxError('{"a": [1, {"b": null}]} ')).toBeNull();
  });

  it('reports an invalid scene as invalid_scene with every finding', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      bulwark: { version: 1 },
      features: [
        { type: 'Feature', id: 'cam-3', properties: { kind: 'camera', hfov_deg: 400 }, geometry: { type: 'Point', coordinates: [7.4, 43.7] } },
        { type: 'Feature', id: 'b1', properties: { kind: 'building' }, geometry: { type: 'Point', coordinates: [7.4, 43.7] } },
      ],
    });
    const err = error(text);
    expect(err.code).toBe('invalid_scene');
    expect(err.message).toBe('site.geojson: feature cam-3: hfov_deg must be in (0, 360], got 400 (and 1 more)');
    expect(err.findings.map((f) => f.featureId)).toEqual(['cam-3', 'b1']);
  });

  it('refuses a version it does not read, naming it', () => {
    const err = error('{"type":"FeatureCollection","bulwark":{"version":2},"features":[]}');
    expect(err.code).toBe('invalid_scene');
    expect(err.message).toMatch(/unknown bulwark.version 2; this reader reads version 1/);
  });

  it('returns a valid scene with its warnings, a byte-order mark ignored', () => {
    const text = '\ufeff{"type":"FeatureCollection","bulwark":{"version":1},"features":[{"type":"Feature","id":"x","properties":{"kind":"kiosk"},"geometry":{"type":"Point","coordinates":[1,2]}}]}';
    const { scene, findings } = parseSceneText(text, 'a.json');
    expect(scene.features[0].id).toBe('x');
    expect(findings).toEqual([{ severity: 'warning', featureId: 'x', property: 'kind', message: 'unknown kind "kiosk": kept, ignored by analyses' }]);
  });
});
