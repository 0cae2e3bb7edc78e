import type { XY } from '../geometry/local-frame.js';
import { numberProperty } from '../scene/properties.js';
import type { SceneFeature } from '../scene/types.js';
import {
  PANORAMIC_MIN_HFOV_DEG,
  doriReachM,
  groundDistanceAtSlantM,
  hfovFromLensDeg,
  panoramicReachM,
  verticalFovDeg,
} from './camera-optics.js';
import { doriLevel, type DoriPreset } from './dori-presets.js';
import { sensorFormat } from './sensor-formats.js';

const RAD = Math.PI / 180;

/** A camera with every default resolved, in the local metric frame. */
export interface CameraModel {
  id: string;
  /** Position in local metres (x east, y north). */
  xy: XY;
  bearingDeg: number;
  hfovDeg: number;
  vfovDeg: number;
  heightM: number;
  /** Depression of the optical axis below horizontal. */
  tiltDeg: number;
  resolutionHPx: number;
  resolutionVPx: number;
  /** How far the camera is allowed to see, measured on the ground from its foot. */
  rangeM: number;
  /** Height of the target the densities and footprint are computed for (0 = the ground). */
  targetHeightM: number;
  /** hfov ≥ 150°: a fisheye, modelled as a disc sector without blind zone (see cameraModel). */
  panoramic: boolean;
  tiltDerived: boolean;
  rangeDerived: boolean;
}

export interface CameraModelOptions {
  /** Target height in metres (scene-format.md: the ground unless given). */
  targetHeightM?: number;
}

/**
 * Resolves a scene camera's properties and the defaults of scene-format.md:
 * - `hfov_deg`, else `focal_length_mm` + `sensor_format` (HFOV = 2·atan(w/2f), cctv.md §2), else 90°;
 * - `range_m` (ground distance from the camera's foot) defaults to where the slant distance
 *   reaches the preset's Detect-role level, √(d_detect² − (H − h_t)²);
 * - `tilt_deg` defaults to "aimed so the Detect reach is at the far edge" (core/scene properties):
 *   the upper frustum edge, at depression tilt − VFOV/2, meets the target plane at that range, so
 *   tilt = VFOV/2 + atan((H − h_t)/D_detect). No pixel is spent above the useful range and the
 *   blind zone is as short as that aim allows.
 * - Panoramic (hfov ≥ 150°): assumed a fisheye looking down/around with an equidistant
 *   projection (ppm = H_res/(HFOV_rad·R)) and no blind zone; tilt is ignored.
 * Throws an Error naming the feature when a value cannot be used.
 */
export function cameraModel(feature: SceneFeature, xy: XY, preset: DoriPreset, options: CameraModelOptions = {}): CameraModel {
  const p = feature.properties;
  const fail = (msg: string): never => {
    throw new Error(`feature ${feature.id}: ${msg}`);
  };
  const num = (key: string): number | undefined => {
    const v = numberProperty('camera', p, key);
    if (v !== undefined && !Number.isFinite(v)) fail(`${key} must be a finite number`);
    return v;
  };
  let hfovDeg = typeof p.hfov_deg === 'number' ? p.hfov_deg : undefined;
  if (hfovDeg === undefined && p.focal_length_mm !== undefined) hfovDeg = lensHfovDeg(p.focal_length_mm, p.sensor_format, fail);
  hfovDeg ??= num('hfov_deg') ?? 90;
  if (!(hfovDeg > 0 && hfovDeg <= 360)) fail(`hfov_deg must be in (0, 360], got ${hfovDeg}`);
  const resolutionHPx = num('resolution_h_px') ?? 1920;
  const resolutionVPx = num('resolution_v_px') ?? 1080;
  if (!(resolutionHPx >= 1) || !(resolutionVPx >= 1)) fail('resolution_h_px and resolution_v_px must be at least 1 px');
  const heightM = num('height_m') ?? 4;
  const targetHeightM = options.targetHeightM ?? 0;
  if (!(heightM >= 0)) fail(`height_m must be ≥ 0, got ${heightM}`);
  const bearingDeg = (((num('bearing_deg') ?? 0) % 360) + 360) % 360;
  const panoramic = hfovDeg >= PANORAMIC_MIN_HFOV_DEG;
  const vfovDeg = panoramic ? 180 : verticalFovDeg(hfovDeg, resolutionHPx, resolutionVPx);
  const lensAboveTargetM = heightM - targetHeightM;

  const detect = doriLevel(preset, preset.detectLevel);
  const detectReachM = panoramic ? panoramicReachM(resolutionHPx, hfovDeg, detect.ppm) : doriReachM(resolutionHPx, hfovDeg, detect.ppm);
  const detectGroundM = groundDistanceAtSlantM(detectReachM, Math.max(lensAboveTargetM, 0));

  const rangeInput = num('range_m');
  if (rangeInput !== undefined && !(rangeInput > 0)) fail(`range_m must be > 0, got ${rangeInput}`);
  const rangeM = rangeInput ?? detectGroundM;

  const tiltInput = num('tilt_deg');
  if (tiltInput !== undefined && !(tiltInput >= -90 && tiltInput <= 90)) fail(`tilt_deg must be in [-90, 90], got ${tiltInput}`);
  const tiltDeg = tiltInput ?? (panoramic ? 90 : derivedTiltDeg(vfovDeg, lensAboveTargetM, rangeM));

  return {
    id: feature.id,
    xy,
    bearingDeg,
    hfovDeg,
    vfovDeg,
    heightM,
    tiltDeg,
    resolutionHPx,
    resolutionVPx,
    rangeM,
    targetHeightM,
    panoramic,
    tiltDerived: tiltInput === undefined,
    rangeDerived: rangeInput === undefined,
  };
}

/** tilt = VFOV/2 + atan(H'/D): the upper frustum edge meets the target plane at D (cctv.md §2). */
export function derivedTiltDeg(vfovDeg: number, lensAboveTargetM: number, farGroundM: number): number {
  if (!(farGroundM > 0)) return 90;
  return Math.min(90, vfovDeg / 2 + Math.atan2(lensAboveTargetM, farGroundM) / RAD);
}

function lensHfovDeg(focal: unknown, format: unknown, fail: (m: string) => never): number {
  if (typeof focal !== 'number' || !(focal > 0)) return fail(`focal_length_mm must be a positive number, got ${JSON.stringify(focal)}`);
  if (typeof format !== 'string') return fail('sensor_format (e.g. "1/3\\"") is needed with focal_length_mm');
  const sensor = sensorFormat(format);
  if (!sensor) return fail(`sensor_format ${JSON.stringify(format)} is unknown (known: 1/4", 1/3", 1/2", 2/3", 1")`);
  return hfovFromLensDeg(sensor.widthMm, focal);
}

/** Lens distance at which a camera still delivers `ppm` (rectilinear or panoramic model). */
export function levelReachM(camera: CameraModel, ppm: number): number {
  return camera.panoramic
    ? panoramicReachM(camera.resolutionHPx, camera.hfovDeg, ppm)
    : doriReachM(camera.resolutionHPx, camera.hfovDeg, ppm);
}

/**
 * Ground radius (from the camera's foot) inside which the target gets at least `ppm`, capped by
 * the camera's range. Density is taken at the slant distance R = √(D² + (H − h_t)²) from the lens
 * (cctv.md §2 "use slant range … not ground distance D"), not at the depth along the optical
 * axis, because: scene-format.md fixes it ("its pixel density uses the slant distance from the
 * lens"); it is conservative — the axial depth R·cos(off-axis angle) is never longer, so slant
 * never overstates a level; and it is the same in every direction, so each level is a disc around
 * the camera's foot that intersects exactly with the footprint and the visibility polygon.
 */
export function levelGroundRadiusM(camera: CameraModel, ppm: number): number {
  const lensAboveTargetM = Math.max(camera.heightM - camera.targetHeightM, 0);
  return Math.min(camera.rangeM, groundDistanceAtSlantM(levelReachM(camera, ppm), lensAboveTargetM));
}

export interface LevelReach {
  dori: string;
  ppm: number;
  /** Farthest lens distance meeting the level (cctv.md §2 d_max), metres. */
  reachM: number;
  /** The same on the target plane from the camera's foot, capped by range; 0 = never on the ground. */
  groundM: number;
}

/** Reach of every level of a table for one camera, for the properties panel and reports. */
export function cameraReaches(camera: CameraModel, levels: readonly { name: string; ppm: number }[]): LevelReach[] {
  return levels.map((l) => ({ dori: l.name, ppm: l.ppm, reachM: levelReachM(camera, l.ppm), groundM: levelGroundRadiusM(camera, l.ppm) }));
}
