import type { LocalFrame, XY } from '../geometry/local-frame.js';
import type { SceneGeometry } from '../scene/types.js';

/** 1e-9° ≈ 0.1 mm: below the 1 mm snap, and keeps output files small and stable. */
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

/** Local-metre polygons → a WGS 84 Polygon (one part) or MultiPolygon. */
export function polygonsToWgs84(frame: LocalFrame, polygons: XY[][][]): SceneGeometry {
  const conv = polygons.map((rings) =>
    rings.map((ring) =>
      ring.map((p) => {
        const q = frame.toLonLat(p);
        return [round9(q[0]), round9(q[1])] as [number, number];
      }),
    ),
  );
  return conv.length === 1 ? { type: 'Polygon', coordinates: conv[0] } : { type: 'MultiPolygon', coordinates: conv };
}
