/**
 * EASI-style probability of interruption along one path (Garcia, *Design and Evaluation of
 * Physical Protection Systems*, via shared/reference/crowd-cpted-layers.md §3):
 * P_I = Σ_{n ≤ CDP} P_D,n · Π_{i<n} (1 − P_D,i). Only detections at or before the critical
 * detection point count: those where the delay still ahead is at least the response time.
 * Deterministic form: detection is taken at the start of each element (the delay of the element
 * itself still lies ahead), and times carry no spread (Garcia's EASI adds normal spreads).
 */
export interface PathElement {
  /** Probability of detecting the adversary at this element, 0–1. */
  pDetect: number;
  /** Delay the element imposes, s. */
  delayS: number;
}

export interface InterruptionResult {
  pInterruption: number;
  /** Index of the last element whose detection still counts; −1 when none does. */
  criticalDetectionIndex: number;
}

export function probabilityOfInterruption(path: readonly PathElement[], responseTimeS: number, targetDelayS = 0): InterruptionResult {
  if (!(responseTimeS >= 0)) throw new Error(`response time must be a non-negative number of seconds, got ${responseTimeS}`);
  path.forEach((e, i) => {
    if (!(e.pDetect >= 0 && e.pDetect <= 1)) throw new Error(`path element ${i + 1}: detection probability must be in [0, 1], got ${e.pDetect}`);
    if (!(e.delayS >= 0)) throw new Error(`path element ${i + 1}: delay must be a non-negative number of seconds, got ${e.delayS}`);
  });
  let remaining = targetDelayS + path.reduce((s, e) => s + e.delayS, 0);
  let missed = 1;
  let p = 0;
  let cdp = -1;
  for (let n = 0; n < path.length; n++) {
    if (remaining < responseTimeS) break;
    p += path[n].pDetect * missed;
    missed *= 1 - path[n].pDetect;
    cdp = n;
    remaining -= path[n].delayS;
  }
  return { pInterruption: p, criticalDetectionIndex: cdp };
}
