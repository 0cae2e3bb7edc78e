import type { PathElement } from './probability-of-interruption.js';

export type LayerType = 'cordon' | 'vehicle_exclusion' | 'screening' | 'inner' | 'barrier';

export interface LayerDefault extends PathElement {
  source: string;
  /** No published figure: a planning assumption the user should replace with their own. */
  assumed: boolean;
}

const ASSUMED = 'Bulwark planning assumption (no published per-layer figure; edit for your site). ' +
  'EASI method: Garcia via crowd-cpted-layers.md §3.';

/**
 * Per-layer probability of detection and delay by layer type, for the EASI check. The reference
 * gives the method, not the numbers, so every row is an editable assumption (`assumed`):
 * a cordon of stewards sees a fair share and delays little; a screening line searches everyone and
 * holds them a minute; a vehicle-stopping barrier delays a vehicle but detects little on its own.
 */
export const LAYER_DEFAULTS: Readonly<Record<LayerType, LayerDefault>> = {
  cordon: { pDetect: 0.3, delayS: 5, source: ASSUMED, assumed: true },
  vehicle_exclusion: { pDetect: 0.3, delayS: 30, source: ASSUMED, assumed: true },
  screening: { pDetect: 0.8, delayS: 60, source: ASSUMED, assumed: true },
  inner: { pDetect: 0.5, delayS: 15, source: ASSUMED, assumed: true },
  barrier: { pDetect: 0.1, delayS: 10, source: ASSUMED, assumed: true },
};

/** Time from a detection to responders arriving, s (assumption; set `responseTimeS` for your site). */
export const DEFAULT_RESPONSE_TIME_S = 180;
/**
 * Clear width a person needs to pass, m: a bollard line with gaps at least this wide is walked
 * through, not crossed. 0.6 m is our assumption (a wheelchair is ≈0.66 m, hvm.md §1).
 */
export const DEFAULT_PEDESTRIAN_WIDTH_M = 0.6;
/** The narrowest hostile vehicle, m: a car (hvm.md §1, standard car 1.80–2.00 m). */
export const DEFAULT_VEHICLE_WIDTH_M = 1.8;
/** UK TAL 1/11: a pedestrian-permeable VSB line keeps air gaps ≤ 1.2 m (crowd-cpted-layers.md §3). */
export const TAL_MAX_AIR_GAP_M = 1.2;
