import { describe, expect, it } from 'vitest';
import { probabilityOfInterruption } from './probability-of-interruption.js';

// shared/reference/crowd-cpted-layers.md §5 item 10 (Garcia EASI, §3): three rings with P_D 0.5, 0.7, 0.9.
describe('EASI probability of interruption', () => {
  it('all three detections before the critical detection point: 1 − 0.5·0.3·0.1 = 0.985', () => {
    // Delays 30 + 60 + 20: remaining delay at rings 1, 2, 3 is 110, 80, 20 s, all ≥ a 20 s response.
    const r = probabilityOfInterruption([{ pDetect: 0.5, delayS: 30 }, { pDetect: 0.7, delayS: 60 }, { pDetect: 0.9, delayS: 20 }], 20);
    expect(r.pInterruption).toBeCloseTo(0.985, 12);
    expect(r.criticalDetectionIndex).toBe(2);
  });
  it('inner ring after the CDP (20 s of delay left < 70 s response): 0.5 + 0.5·0.7 = 0.85', () => {
    // Remaining delay at ring 1: 110 s, ring 2: 80 s, ring 3: 20 s; response 70 s drops ring 3 only.
    const r = probabilityOfInterruption([{ pDetect: 0.5, delayS: 30 }, { pDetect: 0.7, delayS: 60 }, { pDetect: 0.9, delayS: 20 }], 70);
    expect(r.pInterruption).toBeCloseTo(0.85, 12);
    expect(r.criticalDetectionIndex).toBe(1);
  });
  it('no layers or too little delay anywhere gives 0; bad inputs are named', () => {
    expect(probabilityOfInterruption([], 60).pInterruption).toBe(0);
    expect(probabilityOfInterruption([{ pDetect: 0.9, delayS: 10 }], 60).pInterruption).toBe(0);
    expect(() => probabilityOfInterruption([{ pDetect: 1.5, delayS: 10 }], 60)).toThrow(/element 1: detection probability/);
  });
});
