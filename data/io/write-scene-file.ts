import { basename, extname } from 'node:path';
import type { Scene } from '../../core/scene/types.js';
import { formatFinding, validateScene } from '../../core/scene/validate.js';
import { ApiError } from '../api/contract.js';
import { createGpkgProjectStore, isProjectOpen } from '../store/gpkg-project-store.js';
import { writeGeoJsonFile } from './write-geojson-file.js';

/**
 * Writes a scene to a file by its extension: `.gpkg` → a complete new project (replacing a closed
 * file, never one that is open), `.geojson`/`.json` → scene format v1 text. Either way the file is
 * written beside its destination and renamed into place, so a crash leaves the old file or the new.
 */
export function writeSceneFile(path: string, scene: Scene): void {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.gpkg') {
    if (isProjectOpen(path)) throw new ApiError('io', `${name} is open in Bulwark; close it or choose another name`);
    createGpkgProjectStore(path, { scene, overwrite: true }).close();
    return;
  }
  if (ext !== '.geojson' && ext !== '.json') {
    throw new ApiError('invalid_argument', `${name}: unknown format '${ext || '(none)'}' (writes .geojson, .json, .gpkg)`);
  }
  const v = validateScene(scene);
  if (!v.valid) {
    const first = v.findings.find((f) => f.severity === 'error')!;
    throw new ApiError('invalid_scene', `${name}: ${formatFinding(first)}`, v.findings);
  }
  writeGeoJsonFile(path, scene.bulwark, scene.features);
}
