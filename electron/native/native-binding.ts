import { join } from 'node:path';

/**
 * better-sqlite3 for Electron's ABI lives apart from Node's (ENVIRONMENT.md, "better-sqlite3 and
 * Electron's ABI"): `npm test` loads node_modules' build, the app from a checkout loads
 * `.electron-native/better_sqlite3.node` through better-sqlite3's `nativeBinding` option. Built by
 * electron/scripts/start.mjs (same folder and file names there).
 */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
export const REBUILD_COMMAND = 'npm run rebuild:electron';

/**
 * The binding to load. A checkout loads .electron-native/; a packaged app loads the same file,
 * shipped as `resources/native/better_sqlite3.node` (electron-builder.yml `extraResources`). The
 * packager does not rebuild node_modules (`npmRebuild: false`): with one package.json it would
 * rebuild the checkout's node_modules/better-sqlite3 in place and break `npm test`.
 */
export function nativeBindingPath(where: { appRoot: string; isPackaged: boolean; resourcesPath: string }): string {
  return where.isPackaged ? join(where.resourcesPath, 'native', NATIVE_FILE) : join(where.appRoot, NATIVE_DIR, NATIVE_FILE);
}

/**
 * What to tell the user when loading the binding failed, in words that say what to run. A
 * `NODE_MODULE_VERSION` error means it was built for another runtime (Node instead of Electron,
 * often because npm's `nodedir` pointed node-gyp at Node's headers).
 */
export function nativeLoadProblem(error: unknown, bindingPath: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const where = bindingPath;
  const versions = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(text);
  if (versions) {
    return `The SQLite module at ${where} was built for another runtime (NODE_MODULE_VERSION ${versions[1]}; this Electron needs ${versions[2]}).\n\nRun: ${REBUILD_COMMAND}\n\nthen start Bulwark again.`;
  }
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)) {
    return `The SQLite module at ${where} was built for another runtime.\n\nRun: ${REBUILD_COMMAND}\n\nthen start Bulwark again.`;
  }
  if (/ENOENT|Cannot find module|no such file/i.test(text)) {
    return `The SQLite module for Electron is missing (${where}).\n\nRun: ${REBUILD_COMMAND}\n\nthen start Bulwark again.`;
  }
  return `The SQLite module at ${where} could not be loaded: ${text}\n\nRun: ${REBUILD_COMMAND}\n\nthen start Bulwark again.`;
}
