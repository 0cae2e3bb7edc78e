import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobEnvelope, decodeBlobGeometry, decodeGeometryBlob, encodeGeometryBlob } from './geometry-blob.js';
import type { GeoJsonGeometry } from './wkb.js';

/**
 * Our GeoPackage geometry blobs against the ones GDAL (ogr2ogr 3.6) writes for the same GeoJSON:
 * equal byte for byte, and GDAL's decode to the same geometry.
 */
const SAMPLES: Record<string, GeoJsonGeometry> = {
  point: { type: 'Point', coordinates: [7.42, 43.73] },
  line: { type: 'LineString', coordinates: [[7.42, 43.73], [7.5, 43.8], [7.51, 43.7]] },
  polygon: { type: 'Polygon', coordinates: [[[7.42, 43.73], [7.43, 43.73], [7.43, 43.74], [7.42, 43.73]]] },
  holed: {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[2, 2], [2, 4], [4, 4], [2, 2]],
    ],
  },
  multipolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [[[7.42, 43.73], [7.43, 43.73], [7.43, 43.74], [7.42, 43.73]]],
      [[[-1.5, -2.25], [-1, -2.25], [-1, -2], [-1.5, -2.25]]],
    ],
  },
  pointz: { type: 'Point', coordinates: [7.42, 43.73, 5] },
  emptyline: { type: 'LineString', coordinates: [] },
};

let dir: string;
let gdalBlobs: Map<string, Buffer>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-blob-'));
  const fc = {
    type: 'FeatureCollection',
    features: Object.entries(SAMPLES).map(([k, geometry]) => ({ type: 'Feature', properties: { k }, geometry })),
  };
  writeFileSync(join(dir, 'in.geojson'), JSON.stringify(fc));
  execFileSync('ogr2ogr', ['-f', 'GPKG', join(dir, 'gdal.gpkg'), join(dir, 'in.geojson'), '-nln', 'samples']);
  const db = new Database(join(dir, 'gdal.gpkg'), { readonly: true });
  gdalBlobs = new Map((db.prepare('SELECT k, geom FROM samples').raw().all() as [string, Buffer][]).map(([k, g]) => [k, g]));
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GeoPackage geometry blob', () => {
  for (const [name, geometry] of Object.entries(SAMPLES)) {
    it(`${name}: encodes byte for byte as GDAL does and decodes GDAL's blob back`, () => {
      const gdal = gdalBlobs.get(name)!;
      expect(gdal).toBeDefined();
      expect(Buffer.from(encodeGeometryBlob(geometry)).toString('hex')).toBe(gdal.toString('hex'));
      expect(decodeGeometryBlob(gdal).geometry).toEqual(geometry);
      expect(decodeBlobGeometry(gdal)).toEqual(geometry);
    });
  }

  it('writes the header the specification gives: GP, version 0, little-endian, xy envelope, srs 4326', () => {
    const blob = encodeGeometryBlob(SAMPLES.line);
    const view = new DataView(blob.buffer);
    expect([blob[0], blob[1], blob[2]]).toEqual([0x47, 0x50, 0]);
    expect(blob[3]).toBe(0b0000_0011); // envelope code 1 (bits 1-3), little-endian (bit 0)
    expect(view.getInt32(4, true)).toBe(4326);
    // [minx, maxx, miny, maxy] of the line's three vertices
    expect([8, 16, 24, 32].map((o) => view.getFloat64(o, true))).toEqual([7.42, 7.51, 43.7, 43.8]);
  });

  it('flags an empty geometry and gives it no envelope; decodes it as empty', () => {
    const blob = encodeGeometryBlob({ type: 'MultiPoint', coordinates: [] });
    expect(blob[3] & 0x10).toBe(0x10);
    expect((blob[3] >> 1) & 7).toBe(0);
    expect(decodeGeometryBlob(blob)).toMatchObject({ empty: true, geometry: { type: 'MultiPoint', coordinates: [] } });
    expect(blobEnvelope(blob)).toBeNull();
  });

  it('honours the empty flag on read even when the WKB holds a NaN point', () => {
    // Flags 0x11: empty, little-endian, no envelope; WKB Point(NaN NaN) as GDAL writes an empty point.
    const blob = Buffer.from('47500011e6100000' + '0101000000' + '000000000000f87f000000000000f87f', 'hex');
    expect(decodeGeometryBlob(blob).geometry).toEqual({ type: 'Point', coordinates: [] });
    expect(decodeBlobGeometry(blob)).toEqual({ type: 'Point', coordinates: [] });
  });

  it('round-trips Z, positions missing Z beside ones with it, and every other GeoJSON type', () => {
    const cases: GeoJsonGeometry[] = [
      { type: 'LineString', coordinates: [[1, 2, 3], [4, 5]] },
      { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
      { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] },
      { type: 'GeometryCollection', geometries: [SAMPLES.point, SAMPLES.holed] },
      { type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0, 2], [1, 1, 3], [0, 0, 1]]] },
    ];
    for (const g of cases) expect(decodeGeometryBlob(encodeGeometryBlob(g)).geometry).toEqual(g);
  });

  it('reads big-endian blobs too', () => {
    // Flags 0x00: big-endian, no envelope; srs 4326; WKB big-endian Point(1 2).
    const blob = Buffer.from('4750000000001' + '0e6' + '00' + '00000001' + '3ff0000000000000' + '4000000000000000', 'hex');
    expect(decodeGeometryBlob(blob)).toMatchObject({ srsId: 4326, geometry: { type: 'Point', coordinates: [1, 2] } });
  });

  it('gives the envelope of a point (which carries none in its header) from its coordinates', () => {
    expect(blobEnvelope(encodeGeometryBlob(SAMPLES.point))).toEqual([7.42, 7.42, 43.73, 43.73]);
  });

  it('refuses a blob without the GP magic', () => {
    expect(() => decodeGeometryBlob(Buffer.from('0101000000', 'hex'))).toThrow(/GP magic/);
  });
});
