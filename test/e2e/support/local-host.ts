import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../../data/host/http-host.js';
import { createProjectService } from '../../../data/service/project-service.js';

/**
 * The real API over the real GeoPackage store and the real scene-file readers, served with the
 * built renderer on 127.0.0.1 — what the end-to-end tests drive.
 */
export async function startLocalHost(rendererDir: string, recentDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'))): Promise<RunningHost> {
  const api = createProjectService({ recentProjectsFile: join(recentDir, 'recent.json') });
  return startHost({ api, rendererDir, port: 0 });
}
