/**
 * ISO Well-Known Binary (OGC 06-103r4 §8.2, ISO 13249-3) for the GeoJSON geometry types, as the
 * GeoPackage geometry blob carries it (OGC 12-128r18 §2.1.3.1.1). Written little-endian; read in
 * either byte order. Z is written as the ISO `+1000` type codes; a position that lacks Z inside a
 * geometry that has it gets NaN, which JSON cannot hold, so reading NaN back as "no Z" is lossless.
 */

export type GeoJsonPosition = number[];
export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: GeoJsonPosition }
  | { type: 'LineString'; coordinates: GeoJsonPosition[] }
  | { type: 'Polygon'; coordinates: GeoJsonPosition[][] }
  | { type: 'MultiPoint'; coordinates: GeoJsonPosition[] }
  | { type: 'MultiLineString'; coordinates: GeoJsonPosition[][] }
  | { type: 'MultiPolygon'; coordinates: GeoJsonPosition[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJsonGeometry[] };

export const WKB_TYPE_CODES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
} as const;
const TYPE_BY_CODE = Object.fromEntries(Object.entries(WKB_TYPE_CODES).map(([k, v]) => [v, k])) as Record<number, GeoJsonGeometry['type']>;

/** True when any position of the geometry carries a third (Z) ordinate. */
export function geometryHasZ(g: GeoJsonGeometry): boolean {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 3;
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.some((p) => p.length >= 3);
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.some((r) => r.some((p) => p.length >= 3));
    case 'MultiPolygon':
      return g.coordinates.some((poly) => poly.some((r) => r.some((p) => p.length >= 3)));
    case 'GeometryCollection':
      return g.geometries.some(geometryHasZ);
  }
}

/** True when the geometry has no position at all (GeoPackage "empty" flag, §2.1.3.1.1). */
export function geometryIsEmpty(g: GeoJsonGeometry): boolean {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length === 0;
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.length === 0;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.every((r) => r.length === 0);
    case 'MultiPolygon':
      return g.coordinates.every((poly) => poly.every((r) => r.length === 0));
    case 'GeometryCollection':
      return g.geometries.every(geometryIsEmpty);
  }
}

function wkbSize(g: GeoJsonGeometry, dims: number): number {
  const pt = 8 * dims;
  switch (g.type) {
    case 'Point':
      return 5 + pt;
    case 'LineString':
      return 9 + g.coordinates.length * pt;
    case 'Polygon':
      return 9 + g.coordinates.reduce((s, r) => s + 4 + r.length * pt, 0);
    case 'MultiPoint':
      return 9 + g.coordinates.length * (5 + pt);
    case 'MultiLineString':
      return 9 + g.coordinates.reduce((s, l) => s + 9 + l.length * pt, 0);
    case 'MultiPolygon':
      return 9 + g.coordinates.reduce((s, poly) => s + 9 + poly.reduce((t, r) => t + 4 + r.length * pt, 0), 0);
    case 'GeometryCollection':
      return 9 + g.geometries.reduce((s, c) => s + wkbSize(c, dims), 0);
  }
}

class WkbWriter {
  offset: number;
  constructor(
    readonly view: DataView,
    start: number,
    readonly hasZ: boolean,
  ) {
    this.offset = start;
  }
  header(type: GeoJsonGeometry['type']): void {
    this.view.setUint8(this.offset, 1);
    this.view.setUint32(this.offset + 1, WKB_TYPE_CODES[type] + (this.hasZ ? 1000 : 0), true);
    this.offset += 5;
  }
  uint32(n: number): void {
    this.view.setUint32(this.offset, n, true);
    this.offset += 4;
  }
  position(p: GeoJsonPosition): void {
    const v = this.view;
    // An empty point is written as NaN ordinates (the GeoPackage convention, §2.1.3.1.1).
    v.setFloat64(this.offset, p.length ? p[0] : NaN, true);
    v.setFloat64(this.offset + 8, p.length ? p[1] : NaN, true);
    this.offset += 16;
    if (this.hasZ) {
      v.setFloat64(this.offset, p.length >= 3 ? p[2] : NaN, true);
      this.offset += 8;
    }
  }
  positions(ps: GeoJsonPosition[]): void {
    this.uint32(ps.length);
    for (const p of ps) this.position(p);
  }
  geometry(g: GeoJsonGeometry): void {
    this.header(g.type);
    switch (g.type) {
      case 'Point':
        this.position(g.coordinates);
        return;
      case 'LineString':
        this.positions(g.coordinates);
        return;
      case 'Polygon':
        this.uint32(g.coordinates.length);
        for (const r of g.coordinates) this.positions(r);
        return;
      case 'MultiPoint':
        this.uint32(g.coordinates.length);
        for (const p of g.coordinates) this.geometry({ type: 'Point', coordinates: p });
        return;
      case 'MultiLineString':
        this.uint32(g.coordinates.length);
        for (const l of g.coordinates) this.geometry({ type: 'LineString', coordinates: l });
        return;
      case 'MultiPolygon':
        this.uint32(g.coordinates.length);
        for (const poly of g.coordinates) this.geometry({ type: 'Polygon', coordinates: poly });
        return;
      case 'GeometryCollection':
        this.uint32(g.geometries.length);
        for (const c of g.geometries) this.geometry(c);
        return;
    }
  }
}

/** Byte length of the WKB of `g` (with Z when `hasZ`). */
export function wkbByteLength(g: GeoJsonGeometry, hasZ: boolean): number {
  return wkbSize(g, hasZ ? 3 : 2);
}

/** Writes the WKB of `g` into `view` at `offset`; returns the offset after it. */
export function writeWkb(view: DataView, offset: number, g: GeoJsonGeometry, hasZ: boolean): number {
  const w = new WkbWriter(view, offset, hasZ);
  w.geometry(g);
  return w.offset;
}

/** Reads one WKB geometry (ISO or EWKB-style Z/M flags, either byte order); M is dropped. */
export function readWkb(view: DataView, offset: number): { geometry: GeoJsonGeometry; offset: number } {
  const r = new WkbReader(view, offset);
  const geometry = r.geometry();
  return { geometry, offset: r.o };
}

// A class rather than closures: reading 100,000 geometries (W3) must not allocate per call.
class WkbReader {
  le = true;
  hasZ = false;
  hasM = false;
  constructor(
    readonly view: DataView,
    public o: number,
  ) {}

  position(): GeoJsonPosition {
    const v = this.view, le = this.le;
    const x = v.getFloat64(this.o, le);
    const y = v.getFloat64(this.o + 8, le);
    this.o += 16;
    if (this.hasZ) {
      const z = v.getFloat64(this.o, le);
      this.o += 8;
      if (this.hasM) this.o += 8;
      return Number.isNaN(z) ? [x, y] : [x, y, z];
    }
    if (this.hasM) this.o += 8;
    return [x, y];
  }

  count(): number {
    const n = this.view.getUint32(this.o, this.le);
    this.o += 4;
    return n;
  }

  line(): GeoJsonPosition[] {
    const n = this.count();
    const out: GeoJsonPosition[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.position();
    return out;
  }

  rings(): GeoJsonPosition[][] {
    const n = this.count();
    const out: GeoJsonPosition[][] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.line();
    return out;
  }

  parts(): GeoJsonGeometry[] {
    const n = this.count();
    const out: GeoJsonGeometry[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.geometry();
    return out;
  }

  geometry(): GeoJsonGeometry {
    const v = this.view;
    if (this.o + 5 > v.byteLength) throw new Error('WKB is truncated');
    this.le = v.getUint8(this.o) === 1;
    let code = v.getUint32(this.o + 1, this.le);
    this.o += 5;
    this.hasZ = (code & 0x80000000) !== 0;
    this.hasM = (code & 0x40000000) !== 0;
    if (code & 0x20000000) this.o += 4; // EWKB SRID, not used by GeoPackage but harmless to skip
    code &= 0x0fffffff;
    const dim = Math.floor(code / 1000);
    if (dim === 1 || dim === 3) this.hasZ = true;
    if (dim === 2 || dim === 3) this.hasM = true;
    const type = TYPE_BY_CODE[code % 1000];
    if (!type) throw new Error(`unsupported WKB geometry type ${code}`);
    switch (type) {
      case 'Point': {
        const p = this.position();
        return { type, coordinates: Number.isNaN(p[0]) && Number.isNaN(p[1]) ? [] : p };
      }
      case 'LineString':
        return { type, coordinates: this.line() };
      case 'Polygon':
        return { type, coordinates: this.rings() };
      case 'MultiPoint':
        return { type, coordinates: this.parts().map((g) => (g as { coordinates: GeoJsonPosition }).coordinates) };
      case 'MultiLineString':
        return { type, coordinates: this.parts().map((g) => (g as { coordinates: GeoJsonPosition[] }).coordinates) };
      case 'MultiPolygon':
        return { type, coordinates: this.parts().map((g) => (g as { coordinates: GeoJsonPosition[][] }).coordinates) };
      case 'GeometryCollection':
        return { type, geometries: this.parts() };
    }
  }
}
