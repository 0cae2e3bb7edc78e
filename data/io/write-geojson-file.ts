import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { ApiError } from '../api/contract.js';
import type { ProjectStore } from '../store/project-store.js';
import { geoJsonChunks } from './scene-to-geojson-text.js';

/**
 * Writes scene format v1 text to `path` piece by piece, beside the destination and renamed into
 * place, so a crash leaves the old file or the new one and memory holds one piece at a time.
 */
export function writeGeoJsonFile(path: string, meta: Scene['bulwark'], features: Iterable<SceneFeature>): void {
  const tmp = `${path}.writing-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const chunk of geoJsonChunks(meta, features)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof ApiError) throw e;
    throw new ApiError('io', `${basename(path)} could not be written: ${(e as Error).message}`);
  }
}

/** Exports an open project as GeoJSON without reading the whole scene into memory (W3: 100,000 features). */
export function exportProjectGeoJsonFile(store: ProjectStore, path: string): void {
  writeGeoJsonFile(path, store.meta().sceneMeta, store.features());
}
