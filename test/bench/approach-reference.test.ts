import { describe, expect, it } from 'vitest';
import { analysisArea } from '../../core/drivable/analysis-area.js';
import { blockedObstacles } from '../../core/drivable/blocked-obstacles.js';
import { analyzeApproach } from '../../core/approach/analyze-approach.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../core/vehicles/vehicle-classes.js';
import { referenceImpactMps, smallL } from './approach-reference.js';


describe('approach search vs brute force over position × heading × speed', () => {
  it('L-shaped street: impact speeds agree within 5 % (coarse reference lattice)', () => {
    const { scene, frame } = smallL();
    const area = analysisArea(scene, frame);
    const zone = scene.features.find((f) => f.id === 'z1')!;
    const target = { rings: [(zone.geometry.coordinates as number[][][])[0].map((p) => frame.toLocal(p))] };
    for (const code of ['M1', 'N3G']) {
      const v = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === code)!;
      const ours = analyzeApproach(scene, { vehicles: [code], frame }).summary.results[0];
      const ref = referenceImpactMps(area, blockedObstacles(scene, frame, v.widthM), [{ kind: 'origin', featureId: 'o1', at: [5, -39] }], target, v, { cellM: 1, headingStepDeg: 5, stepsM: [1, 2, 4, 8], maxTurnSteps: 3, checkM: 0.5, edgeStartSpacingM: 2 });
      expect(ours.reachable).toBe(true);
      if (!ours.reachable) return;
      console.log(code, 'ours', ours.impact_speed_kmh, 'reference', ref * 3.6);
      expect(Math.abs(ours.impact_speed_kmh - ref * 3.6) / (ref * 3.6)).toBeLessThan(0.05);
    }
  });
});
