import { geometryHasZ, geometryIsEmpty, readWkb, wkbByteLength, writeWkb, type GeoJsonGeometry, type GeoJsonPosition } from './wkb.js';

/**
 * The GeoPackage geometry blob (OGC 12-128r18 §2.1.3, "GeoPackageBinary"): magic 'GP', version 0,
 * a flags byte, the srs_id, an optional envelope, then ISO WKB. We write little-endian, a 2-D
 * envelope [minx, maxx, miny, maxy] for everything but points (GDAL does the same, so our blobs
 * equal GDAL's byte for byte), and the empty flag with no envelope for empty geometries.
 */

export const GPKG_WGS84_SRS_ID = 4326;

/** Envelope as the blob stores it: [minX, maxX, minY, maxY]. */
export type BlobEnvelope = [number, number, number, number];

function forEachPosition(g: GeoJsonGeometry, f: (p: GeoJsonPosition) => void): void {
  switch (g.type) {
    case 'Point':
      if (g.coordinates.length) f(g.coordinates);
      return;
    case 'LineString':
    case 'MultiPoint':
      for (const p of g.coordinates) f(p);
      return;
    case 'Polygon':
    case 'MultiLineString':
      for (const r of g.coordinates) for (const p of r) f(p);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) f(p);
      return;
    case 'GeometryCollection':
      for (const c of g.geometries) forEachPosition(c, f);
      return;
  }
}

/** The 2-D bounding box of a geometry, or null when it is empty. */
export function geometryEnvelope(g: GeoJsonGeometry): BlobEnvelope | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  forEachPosition(g, (p) => {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  });
  return minX <= maxX ? [minX, maxX, minY, maxY] : null;
}

/** Encodes a GeoJSON geometry as a GeoPackage geometry blob. */
export function encodeGeometryBlob(g: GeoJsonGeometry, srsId = GPKG_WGS84_SRS_ID): Uint8Array {
  const empty = geometryIsEmpty(g);
  const hasZ = geometryHasZ(g);
  const envelope = empty || g.type === 'Point' ? null : geometryEnvelope(g);
  const headerLength = 8 + (envelope ? 32 : 0);
  const bytes = new Uint8Array(headerLength + wkbByteLength(g, hasZ));
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x47; // 'G'
  bytes[1] = 0x50; // 'P'
  bytes[2] = 0; // version 1 of the blob format is stored as 0
  // flags: bit 0 byte order (1 = little-endian), bits 1-3 envelope code (1 = xy), bit 4 empty.
  bytes[3] = 1 | ((envelope ? 1 : 0) << 1) | ((empty ? 1 : 0) << 4);
  view.setInt32(4, srsId, true);
  if (envelope) for (let i = 0; i < 4; i++) view.setFloat64(8 + 8 * i, envelope[i], true);
  writeWkb(view, headerLength, g, hasZ);
  return bytes;
}

export interface BlobHeader {
  srsId: number;
  empty: boolean;
  envelope: BlobEnvelope | null;
  /** Offset of the WKB after the header. */
  wkbOffset: number;
  littleEndian: boolean;
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

/** Reads and checks the header of a GeoPackage geometry blob. */
export function readBlobHeader(bytes: Uint8Array): BlobHeader {
  if (bytes.length < 8 || bytes[0] !== 0x47 || bytes[1] !== 0x50) throw new Error('not a GeoPackage geometry blob (no GP magic)');
  if (bytes[2] !== 0) throw new Error(`unsupported GeoPackage geometry blob version ${bytes[2]}`);
  const flags = bytes[3];
  if (flags & 0x20) throw new Error('extended GeoPackage geometry blobs are not supported');
  const littleEndian = (flags & 1) === 1;
  const code = (flags >> 1) & 7;
  if (code > 4) throw new Error(`invalid envelope code ${code} in geometry blob`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const srsId = view.getInt32(4, littleEndian);
  const doubles = ENVELOPE_DOUBLES[code];
  if (bytes.length < 8 + doubles * 8) throw new Error('geometry blob is truncated');
  const envelope: BlobEnvelope | null = code
    ? [view.getFloat64(8, littleEndian), view.getFloat64(16, littleEndian), view.getFloat64(24, littleEndian), view.getFloat64(32, littleEndian)]
    : null;
  return { srsId, empty: (flags & 0x10) !== 0, envelope, wkbOffset: 8 + doubles * 8, littleEndian };
}

/** Decodes a GeoPackage geometry blob to GeoJSON. An empty blob gives the empty geometry its WKB holds. */
export function decodeGeometryBlob(bytes: Uint8Array): { geometry: GeoJsonGeometry; srsId: number; empty: boolean } {
  const header = readBlobHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { geometry } = readWkb(view, header.wkbOffset);
  return { geometry: header.empty ? emptied(geometry) : geometry, srsId: header.srsId, empty: header.empty };
}

/** Just the geometry of a blob: the store's read path, one DataView and no header object. */
export function decodeBlobGeometry(bytes: Uint8Array): GeoJsonGeometry {
  const flags = bytes[3];
  if (bytes.length < 8 || bytes[0] !== 0x47 || bytes[1] !== 0x50 || bytes[2] !== 0 || flags & 0x20) return decodeGeometryBlob(bytes).geometry;
  const code = (flags >> 1) & 7;
  if (code > 4) return decodeGeometryBlob(bytes).geometry; // throws with the reason
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { geometry } = readWkb(view, 8 + ENVELOPE_DOUBLES[code] * 8);
  return flags & 0x10 ? emptied(geometry) : geometry;
}

function emptied(g: GeoJsonGeometry): GeoJsonGeometry {
  // Writers differ in what they put after the empty flag (NaN point, zero counts); the flag wins.
  return g.type === 'GeometryCollection' ? { type: g.type, geometries: [] } : ({ type: g.type, coordinates: [] } as GeoJsonGeometry);
}

/**
 * The blob's envelope, read from the header or, for points (which carry none), from the WKB.
 * Null for empty geometries. Used by the R-tree triggers' ST_Min/Max functions.
 */
export function blobEnvelope(bytes: Uint8Array): BlobEnvelope | null {
  const header = readBlobHeader(bytes);
  if (header.empty) return null;
  if (header.envelope) return header.envelope;
  return geometryEnvelope(decodeGeometryBlob(bytes).geometry);
}
