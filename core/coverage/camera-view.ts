import type { SceneFeature } from '../scene/types.js';
import { cameraModel, levelGroundRadiusM, type CameraModel } from './camera-model.js';
import type { CoverageIndex } from './coverage-index.js';
import { groundFootprint } from './ground-footprint.js';
import { levelColour } from './level-style.js';
import { differencePaths, flatToPath, intersectPaths, MM_PER_M, pathsAreaM2, pathsToPolygons, ringToPath, type Paths } from './polygon-ops.js';
import { observerPlace } from './sight-blockers.js';
import { polygonsToWgs84 } from './to-wgs84.js';
import { visibilityPolygonMm } from './visibility-polygon.js';

export interface LevelView {
  dori: string;
  ppm: number;
  /** Ground radius from the camera's foot out to which this level's density holds, metres. */
  radiusM: number;
  /** The view in whole mm of the local frame (Clipper paths, outer rings positive). */
  paths: Paths;
  areaM2: number;
}

export interface CameraView {
  camera: CameraModel;
  /** One entry per mapped level (ascending density), empty paths where nothing is seen. */
  levels: LevelView[];
  /** Why the camera sees nothing or less than drawn, if so (e.g. inside a building). */
  warning?: string;
}

/**
 * What one camera sees per DORI level: visibility polygon (occluded by buildings and
 * sight-blocking barriers/obstacles) ∩ ground footprint of its tilted frustum ∩ the disc where
 * its pixel density (by slant distance) meets the level (cctv.md §4: "camera footprint =
 * visibility polygon ∩ frustum ∩ ring per DORI band").
 *
 * A camera inside a building sees nothing (its lens is behind a wall — the planner should move it
 * to the façade), except within 5 cm of the outline (FACADE_SNAP_MM), which is drawing error and
 * puts it on the façade; a camera on an outline (façade mount) sees everything outside that
 * building and nothing of its inside. A camera on a barrier line sees both sides of it.
 *
 * Touches only the segments within the camera's range (flatbush window query), so it is the
 * fast path for dragging: build the index once, call this on every frame.
 */
export function cameraViewWithIndex(index: CoverageIndex, camera: SceneFeature | CameraModel): CameraView {
  const model = 'type' in camera ? featureCamera(index, camera) : camera;
  const radii = index.levels.map((l) => levelGroundRadiusM(model, l.ppm));
  const empty = (warning?: string): CameraView => ({
    camera: model,
    levels: index.levels.map((l, i) => ({ dori: l.name, ppm: l.ppm, radiusM: radii[i], paths: [], areaM2: 0 })),
    warning,
  });
  const reachM = Math.max(0, ...radii);
  if (!(reachM > 0)) return empty();
  const place = observerPlace(index.blockers, Math.round(model.xy[0] * MM_PER_M), Math.round(model.xy[1] * MM_PER_M));
  if (place.inside) return empty(`camera ${model.id} is inside ${place.inside.id}: it sees nothing (move it onto the façade)`);
  const { x: ox, y: oy } = place;

  const rMm = Math.ceil(reachM * MM_PER_M) + 1;
  const { segments, segmentIndex } = index.blockers;
  const ids = segmentIndex ? segmentIndex.search(ox - rMm, oy - rMm, ox + rMm, oy + rMm) : [];
  let visible: Paths = [flatToPath(visibilityPolygonMm([ox, oy], segments, ids, rMm + 1000))];
  if (place.onOutline.length) visible = differencePaths(visible, place.onOutline.flatMap((p) => p.rings));

  const levels = index.levels.map((l, i): LevelView => {
    const footprint = groundFootprint(model, radii[i], index.arcToleranceM);
    const paths = footprint.length >= 3 ? intersectPaths(visible, [ringToPath(footprint)]) : [];
    return { dori: l.name, ppm: l.ppm, radiusM: radii[i], paths, areaM2: pathsAreaM2(paths) };
  });
  return { camera: model, levels };
}

/** A scene camera resolved in the index's frame and DORI table. Throws naming the feature. */
export function featureCamera(index: CoverageIndex, f: SceneFeature): CameraModel {
  if (f.geometry.type !== 'Point') throw new Error(`feature ${f.id}: a camera must be a Point, got ${f.geometry.type}`);
  return cameraModel(f, index.frame.toLocal(f.geometry.coordinates), index.preset, { targetHeightM: index.targetHeightM });
}

/** camera_view features (WGS 84, simplestyle) of a camera's non-empty levels. */
export function cameraViewFeatures(index: CoverageIndex, view: CameraView): SceneFeature[] {
  const out: SceneFeature[] = [];
  view.levels.forEach((l, i) => {
    if (!l.paths.length) return;
    const polygons = pathsToPolygons(l.paths);
    if (!polygons.length) return;
    out.push({
      type: 'Feature',
      id: `${view.camera.id}:view:${l.dori}`,
      geometry: polygonsToWgs84(index.frame, polygons),
      properties: {
        kind: 'camera_view',
        camera_id: view.camera.id,
        dori: l.dori,
        area_m2: l.areaM2,
        ppm: l.ppm,
        fill: levelColour(i),
        'fill-opacity': 0.35,
        stroke: levelColour(i),
        'stroke-width': 1,
      },
    });
  });
  return out;
}
