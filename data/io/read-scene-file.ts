import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Scene } from '../../core/scene/types.js';
import { validateScene, type Finding } from '../../core/scene/validate.js';
import { ApiError } from '../api/contract.js';
import { readGpkgProjectScene } from '../store/gpkg-project-store.js';
import { parseSceneText } from './parse-scene-text.js';

export const SCENE_FILE_EXTENSIONS = ['.geojson', '.json', '.gpkg'] as const;

/** Reads a scene from a file by its extension: `.geojson`/`.json` (scene format v1) or `.gpkg` (a Bulwark project). */
export function readSceneFile(path: string): { scene: Scene; findings: Finding[] } {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.geojson' || ext === '.json') {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ApiError('unreadable', code === 'ENOENT' ? `${name}: no such file (${path})` : `${name} cannot be read: ${(e as Error).message}`);
    }
    return parseSceneText(text, name);
  }
  if (ext === '.gpkg') {
    const scene = readGpkgProjectScene(path);
    return { scene, findings: validateScene(scene).findings };
  }
  throw new ApiError('unreadable', `${name}: unknown format '${ext || '(none)'}' (reads ${SCENE_FILE_EXTENSIONS.join(', ')})`);
}
