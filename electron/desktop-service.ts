import type { BulwarkApi } from '../data/api/contract.js';
import { createProjectService } from '../data/service/project-service.js';
import { useSqliteNativeBinding } from '../data/store/sqlite.js';

/** What main needs to build the service: where the recent list lives, and which SQLite binding to load. */
export interface DesktopServiceOptions {
  /** `<userData>/recent-projects.json`. */
  recentProjectsFile: string;
  /** Path for better-sqlite3's `nativeBinding` option: the Electron-ABI build (electron/native/native-binding.ts). */
  nativeBinding: string;
}

export type DesktopService = BulwarkApi & { dispose(): void };

/**
 * The one place the shell meets `data/`: the BulwarkApi service over GeoPackage projects, opening
 * SQLite through the Electron build of better-sqlite3 (ENVIRONMENT.md, "better-sqlite3 and
 * Electron's ABI"); Node's build stays the default for tests and the CLI.
 */
export function createDesktopService(options: DesktopServiceOptions): DesktopService {
  useSqliteNativeBinding(options.nativeBinding);
  return createProjectService({ recentProjectsFile: options.recentProjectsFile });
}
