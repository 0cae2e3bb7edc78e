import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import type { Scene, SceneFeature, SceneGeometry, SceneProperties } from '../../core/scene/types.js';

/**
 * The built-in demo project: "Northgate Stadium Square", an invented site drawn for Bulwark (not a
 * real place). A stadium with a fan square in front of it, a main road to the south that a
 * hostile vehicle could use, side streets, a proposed bollard line with a service gap, cameras on
 * the stadium and on lamp posts, and two perimeter layers. Drawn in local metres (x east, y north)
 * around an arbitrary origin and stored in WGS 84 like any scene.
 */
export const DEMO_ORIGIN_LONLAT: XY = [4.3517, 50.8466];

const frame = localFrame(DEMO_ORIGIN_LONLAT);
const ll = (p: XY): [number, number] => {
  const [lon, lat] = frame.toLonLat(p);
  // 1e-7° ≈ 1 cm: enough for a plan, and keeps the file readable.
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
};

function rect(x0: number, y0: number, x1: number, y1: number): XY[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

function ellipse(cx: number, cy: number, rx: number, ry: number, n: number): XY[] {
  const ring: XY[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

const polygon = (ring: XY[]): SceneGeometry => ({ type: 'Polygon', coordinates: [ring.map(ll)] });
const line = (pts: XY[]): SceneGeometry => ({ type: 'LineString', coordinates: pts.map(ll) });
const point = (p: XY): SceneGeometry => ({ type: 'Point', coordinates: ll(p) });

function feature(id: string, geometry: SceneGeometry, properties: SceneProperties): SceneFeature {
  return { type: 'Feature', id, geometry, properties };
}

export function demoScene(): Scene {
  const f: SceneFeature[] = [
    feature('area', polygon(rect(-200, -170, 200, 170)), { kind: 'analysis_area', name: 'Study area' }),
    feature('stadium', polygon(ellipse(0, 75, 85, 58, 36)), { kind: 'site', name: 'Northgate Stadium', asset_type: 'stadium' }),
    feature('fan-square', polygon(rect(-70, -12, 70, 14)), {
      kind: 'crowd_zone',
      name: 'Fan square',
      density_ppm2: 2.5,
      active: 'Match days, 2 h before kick-off to 1 h after',
    }),
    feature('queue-west', polygon(rect(-95, 10, -72, 40)), { kind: 'crowd_zone', name: 'West gate queue', density_ppm2: 3.0, active: 'Match days' }),

    // Streets: a main road to the south, two side streets; all open ground is drivable anyway.
    feature('main-road', line([[-200, -45], [200, -45]]), { kind: 'road', name: 'Station Road', width_m: 12, speed_limit_kmh: 50 }),
    feature('west-street', line([[-125, -170], [-125, 170]]), { kind: 'road', name: 'Mill Lane', width_m: 9, speed_limit_kmh: 30 }),
    feature('east-street', line([[125, -170], [125, 170]]), { kind: 'road', name: 'Foundry Street', width_m: 9, speed_limit_kmh: 30 }),

    // City blocks south of Station Road and beyond the side streets.
    feature('blk-s1', polygon(rect(-190, -160, -140, -60)), { kind: 'building', name: 'Station offices', height_m: 24 }),
    feature('blk-s2', polygon(rect(-110, -150, -30, -62)), { kind: 'building', name: 'Northgate Station', height_m: 16 }),
    feature('blk-s3', polygon(rect(-15, -150, 60, -62)), { kind: 'building', name: 'Market hall', height_m: 12 }),
    feature('blk-s4', polygon(rect(75, -160, 190, -62)), { kind: 'building', name: 'Hotel', height_m: 30 }),
    feature('blk-w1', polygon(rect(-195, -25, -140, 60)), { kind: 'building', name: 'Apartments west', height_m: 18 }),
    feature('blk-w2', polygon(rect(-195, 75, -140, 160)), { kind: 'building', name: 'School', height_m: 10 }),
    feature('blk-e1', polygon(rect(140, -25, 195, 55)), { kind: 'building', name: 'Car park', height_m: 14 }),
    feature('blk-e2', polygon(rect(140, 70, 195, 160)), { kind: 'building', name: 'Apartments east', height_m: 20 }),
    feature('kiosk', polygon(rect(80, -2, 92, 6)), { kind: 'building', name: 'Ticket kiosk', height_m: 3 }),

    // Proposed hostile-vehicle mitigation: bollards along the square's south edge, with a 6 m
    // service gap in the middle that is left open for deliveries — the weakness to find.
    feature('hvm-west', line([[-105, -28], [-3, -28]]), {
      kind: 'barrier',
      name: 'Bollard line west',
      barrier_type: 'bollard',
      rating: 'V/7500[N2]/48/90:1.2/5.0',
      gap_m: 1.2,
      height_m: 1.0,
    }),
    feature('hvm-east', line([[3, -28], [105, -28]]), {
      kind: 'barrier',
      name: 'Bollard line east',
      barrier_type: 'bollard',
      rating: 'V/7200[N2A]/48/90:0.8',
      gap_m: 1.2,
      height_m: 1.0,
    }),
    feature('planters-west', line([[-105, -28], [-105, 45]]), { kind: 'barrier', name: 'Planters west', barrier_type: 'planter', gap_m: 1.5, height_m: 0.9 }),
    feature('planters-east', line([[105, -28], [105, 45]]), { kind: 'barrier', name: 'Benches east', barrier_type: 'street_furniture', height_m: 0.5 }),
    feature('yard-wall', line([[-118, 60], [-92, 60], [-92, 48]]), { kind: 'barrier', name: 'Service yard wall', barrier_type: 'wall', height_m: 2.4 }),

    // Cameras: on the stadium façade and on lamp posts around the square.
    feature('cam-1', point([-40, 22]), { kind: 'camera', name: 'Façade SW', bearing_deg: 200, hfov_deg: 90, height_m: 8, resolution_h_px: 1920, resolution_v_px: 1080 }),
    feature('cam-2', point([40, 22]), { kind: 'camera', name: 'Façade SE', bearing_deg: 160, hfov_deg: 90, height_m: 8, resolution_h_px: 1920, resolution_v_px: 1080 }),
    feature('cam-3', point([-70, -20]), { kind: 'camera', name: 'Lamp post W', bearing_deg: 60, hfov_deg: 60, height_m: 6, resolution_h_px: 2560, resolution_v_px: 1440 }),
    feature('cam-4', point([70, -20]), { kind: 'camera', name: 'Lamp post E', bearing_deg: 300, hfov_deg: 60, height_m: 6, resolution_h_px: 2560, resolution_v_px: 1440 }),
    feature('cam-6', point([12, 16]), { kind: 'camera', name: 'Gate ID camera', bearing_deg: 200, hfov_deg: 30, height_m: 3.5, tilt_deg: 8, resolution_h_px: 3840, resolution_v_px: 2160 }),
    feature('cam-5', point([0, -40]), { kind: 'camera', name: 'Road dome', bearing_deg: 0, hfov_deg: 360, height_m: 5, resolution_h_px: 3840, resolution_v_px: 2160 }),

    // Two perimeter layers: an event cordon around the whole forecourt, a screening line at the gates.
    feature('cordon', polygon(rect(-118, -34, 118, 150)), { kind: 'perimeter', name: 'Event cordon', layer: 1, perimeter_type: 'cordon' }),
    feature('screening', polygon(ellipse(0, 75, 95, 68, 36)), { kind: 'perimeter', name: 'Search line', layer: 2, perimeter_type: 'screening' }),

    feature('gate-s', line([[-8, 17.3], [8, 17.3]]), { kind: 'entrance', name: 'South gates', width_m: 16, egress: true }),
    feature('gate-w', point([-82, 45]), { kind: 'entrance', name: 'West gate', width_m: 6, egress: true }),
    feature('origin-w', point([-195, -45]), { kind: 'vehicle_origin', name: 'Station Road west' }),
    feature('origin-e', point([195, -45]), { kind: 'vehicle_origin', name: 'Station Road east' }),
    feature('origin-n', point([125, 165]), { kind: 'vehicle_origin', name: 'Foundry Street north' }),
    feature('tree-1', point([-50, -5]), { kind: 'obstacle', name: 'Plane tree', obstacle_type: 'tree', radius_m: 3, blocks_sight: true, height_m: 12 }),
    feature('tree-2', point([50, -5]), { kind: 'obstacle', name: 'Plane tree', obstacle_type: 'tree', radius_m: 3, blocks_sight: true, height_m: 12 }),
    feature('fountain', polygon(ellipse(0, 0, 5, 5, 16)), { kind: 'obstacle', name: 'Fountain', obstacle_type: 'water', stops_vehicles: true, height_m: 0.8 }),
    feature('frontage-station', line([[-110, -62], [-30, -62]]), { kind: 'frontage', name: 'Station concourse', active: true }),
    feature('frontage-market', line([[-15, -62], [60, -62]]), { kind: 'frontage', name: 'Market hall', active: true }),
    feature('note-gap', point([0, -33]), { kind: 'note', name: 'Service gap', text: 'Service access gap (6 m): confirm it is closed by a rated gate on event days.' }),
  ];
  return {
    type: 'FeatureCollection',
    bulwark: { version: 1, name: 'Northgate Stadium Square (demo)', marking: 'OFFICIAL — DEMO DATA', settings: { dori_preset: 'IEC62676-4:2014' } },
    features: f,
  };
}
