import { describe, expect, it } from 'vitest';
import { localScene, rect } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { analyzeScene } from '../analyze/analyze-scene.js';
import { approachNotices } from './approach-notices.js';

// A 200 m square area with one 40 m building in the middle (x, y 80–120 m).
const base = [
  { id: 'area', kind: 'analysis_area', geometry: { type: 'Polygon' as const, coordinates: [rect(0, 0, 200, 200)] } },
  { id: 'b1', kind: 'building', geometry: { type: 'Polygon' as const, coordinates: [rect(80, 80, 120, 120)] } },
];
const point = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] as XY });
const zone = (id: string, r: XY[]) => ({ id, kind: 'crowd_zone', geometry: { type: 'Polygon' as const, coordinates: [r] } });

describe('approachNotices: starts and targets that cannot take part say why', () => {
  it('an origin outside the area, inside the building, or too close to it for the wider classes', () => {
    const { scene, frame } = localScene([
      ...base,
      { id: 'o-out', kind: 'vehicle_origin', geometry: point(300, 10) },
      { id: 'o-in', kind: 'vehicle_origin', geometry: point(100, 100) },
      // 1.00 m below the building's south face: M1 (half width 1.8 / 2 = 0.90 m) fits; N2A (2.3 / 2 =
      // 1.15 m) and N3G (2.55 / 2 = 1.275 m) do not.
      { id: 'o-tight', kind: 'vehicle_origin', geometry: point(100, 79) },
      { id: 'o-ok', kind: 'vehicle_origin', geometry: point(20, 20) },
      // 0.3 m inside the area's edge: the search starts there as well (only obstacles need h).
      { id: 'o-edge', kind: 'vehicle_origin', geometry: point(60, 0.3) },
      zone('z', rect(10, 150, 30, 170)),
    ]);
    const notices = approachNotices(scene, ['M1', 'N2A', 'N3G'], frame);
    expect(notices.map((n) => n.featureId)).toEqual(['o-out', 'o-in', 'o-tight']);
    expect(notices[0].message).toBe('vehicle_origin o-out lies outside the analysis area: no vehicle starts there');
    expect(notices[1].message).toBe('vehicle_origin o-in lies inside building b1: no vehicle starts there');
    expect(notices[2].message).toBe('vehicle_origin o-tight is 1.00 m from building b1; a vehicle keeps half its width clear, so N2A (1.15 m), N3G (1.275 m) cannot start there');
    // M1 alone fits: nothing to say about o-tight.
    expect(approachNotices(scene, ['M1'], frame).map((n) => n.featureId)).toEqual(['o-out', 'o-in']);
  });

  it('a barrier line near an origin counts only for the classes it stops (its gap)', () => {
    const { scene, frame } = localScene([
      ...base,
      // A bollard line 1.0 m east of the origin with a 2.0 m gap: it stops N2A (2.3 m wide), not M1 (1.8 m).
      { id: 'line', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[41, 30], [41, 50]] }, properties: { barrier_type: 'bollard', gap_m: 2.0 } },
      { id: 'o1', kind: 'vehicle_origin', geometry: point(40, 40) },
      zone('z', rect(10, 150, 30, 170)),
    ]);
    expect(approachNotices(scene, ['M1'], frame)).toEqual([]);
    expect(approachNotices(scene, ['M1', 'N2A'], frame)[0].message).toBe('vehicle_origin o1 is 1.00 m from barrier line; a vehicle keeps half its width clear, so N2A (1.15 m) cannot start there');
  });

  it('a zone wholly inside a building or outside the area; a zone across the building face is fine', () => {
    const { scene, frame } = localScene([
      ...base,
      zone('indoor', rect(90, 90, 110, 110)),
      zone('far', rect(300, 300, 320, 320)),
      zone('across', rect(70, 90, 90, 110)),
      // The whole area inside one big zone: it overlaps the area.
      zone('all', rect(-10, -10, 210, 210)),
    ]);
    const notices = approachNotices(scene, ['M1'], frame);
    expect(notices).toEqual([
      { featureId: 'indoor', message: 'crowd zone indoor lies wholly inside building b1: no vehicle can reach it; draw the crowd at its entrances as zones to assess them' },
      { featureId: 'far', message: 'crowd zone far lies outside the analysis area: no vehicle approach is assessed; enlarge the area to include it' },
    ]);
  });

  it('an origin 0.3 m inside the area edge gets no notice, and the search does start there', () => {
    const { scene } = localScene([...base, { id: 'o-edge', kind: 'vehicle_origin', geometry: point(60, 0.3) }, zone('z', rect(10, 150, 30, 170))]);
    const r = analyzeScene(scene, { only: ['approach'], vehicles: ['M1'] });
    expect(r.notices).toEqual([]);
    expect(r.summary.approach?.results[0].reachable).toBe(true);
  });

  it('reach the user as warnings of the approach analysis (analyzeScene), results unchanged', () => {
    const { scene } = localScene([...base, { id: 'o-in', kind: 'vehicle_origin', geometry: point(100, 100) }, zone('z', rect(10, 150, 30, 170))]);
    const r = analyzeScene(scene, { only: ['approach'], vehicles: ['M1'] });
    expect(r.notices).toContainEqual({ severity: 'warning', featureId: 'o-in', message: 'vehicle_origin o-in lies inside building b1: no vehicle starts there' });
    expect(r.summary.approach?.results).toEqual([{ target_id: 'z', vehicle: 'M1', reachable: false }]);
  });
});
