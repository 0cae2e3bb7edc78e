import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../../data/host/http-host.js';
import { createBulwarkService } from '../../../data/service/bulwark-service.js';
import { createGpkgProjectStore, openGpkgProjectStore } from '../../../data/store/gpkg-project-store.js';
import { demoScene } from '../../../data/demo/demo-scene.js';
import { ApiError } from '../../../data/api/contract.js';
import { validateScene } from '../../../core/scene/validate.js';
import type { Scene } from '../../../core/scene/types.js';

/**
 * The real API over the real GeoPackage store, served with the built renderer on 127.0.0.1 —
 * what the end-to-end tests drive. Scene files are GeoJSON only here (the importer of data/io
 * is not needed to prove the window's import path).
 */
export async function startLocalHost(rendererDir: string, recentDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'))): Promise<RunningHost> {
  const parse = (text: string, fileName: string): { scene: Scene; findings: [] } => {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ApiError('unreadable', `${fileName}: not JSON (${(e as Error).message})`);
    }
    const v = validateScene(doc);
    if (!v.valid) throw new ApiError('invalid_scene', `${fileName}: not imported, ${v.findings.filter((f) => f.severity === 'error').length} problem(s)`, v.findings);
    return { scene: v.scene, findings: [] };
  };
  const api = createBulwarkService({
    stores: { open: openGpkgProjectStore, create: (path, init) => createGpkgProjectStore(path, { name: init.name, scene: init.scene }) },
    files: {
      parseText: parse,
      read: () => {
        throw new ApiError('io', 'reading files by path is not available in the test host');
      },
      write: () => {
        throw new ApiError('io', 'writing files by path is not available in the test host');
      },
      toGeoJsonText: (scene) => JSON.stringify(scene),
    },
    recentProjectsFile: join(recentDir, 'recent.json'),
    demoScene,
  });
  return startHost({ api, rendererDir, port: 0 });
}
