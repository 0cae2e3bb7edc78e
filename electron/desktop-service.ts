import type { BulwarkApi } from '../data/api/contract.js';

/** What main needs to build the service: where the recent list lives, and which SQLite binding to load. */
export interface DesktopServiceOptions {
  /** `<userData>/recent-projects.json`. */
  recentProjectsFile: string;
  /** Path for better-sqlite3's `nativeBinding` option: the Electron-ABI build (electron/native/native-binding.ts). */
  nativeBinding: string;
}

export type DesktopService = BulwarkApi & { dispose(): void };

/**
 * The one place the shell meets `data/`: the BulwarkApi service over the GeoPackage store, with
 * the Electron build of better-sqlite3. Until data/service and the store are merged this build
 * has no service, and main says so in an error box instead of opening a window that cannot work.
 * Wiring (lead): `createBulwarkService({ stores: <GeoPackage store factory with { nativeBinding }>,
 * files, demoScene, recentProjectsFile })`.
 */
export function createDesktopService(options: DesktopServiceOptions): DesktopService {
  void options;
  throw new Error('This build has no project service yet: electron/desktop-service.ts is not wired to data/service.');
}
