import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { RebuildOptions } from '@electron/rebuild';
import { abiOfFile, electronBuildEnv, nativePaths, type NativeTarget } from './native-plan.js';

/**
 * Builds better-sqlite3 for the installed Electron into .electron-native/ (`npm run
 * rebuild:electron`; `npm start` runs it when needed). It works on a copy of the package, so
 * node_modules/better-sqlite3 keeps Node's build for `npm test` and the CLI. @electron/rebuild
 * first tries a prebuilt binary for Electron's ABI, then compiles against Electron's headers.
 */
export type RebuildFn = (options: RebuildOptions) => Promise<void>;

export async function buildElectronNative(root: string, target: NativeTarget, log: (line: string) => void, rebuild: RebuildFn = electronRebuild): Promise<void> {
  const paths = nativePaths(root);
  // node-gyp reads npm's config from the environment, in this process and in the workers it forks.
  const clean = electronBuildEnv(process.env);
  for (const key of Object.keys(process.env)) if (!(key in clean)) delete process.env[key];

  rmSync(paths.buildRoot, { recursive: true, force: true });
  mkdirSync(dirname(paths.module), { recursive: true });
  // Everything but the Node build: the sources and the SQLite amalgamation are needed to compile.
  cpSync(paths.source, paths.module, {
    recursive: true,
    filter: (src) => {
      const top = relative(paths.source, src).split(sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });
  // A package.json of its own makes .electron-native/build the project @electron/rebuild walks,
  // so it never looks at (or rebuilds) the checkout's node_modules.
  writeFileSync(
    join(paths.buildRoot, 'package.json'),
    JSON.stringify({ name: 'bulwark-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }, null, 2),
  );

  log(`building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (ABI ${target.abi}, ${target.platform}-${target.arch}) in ${relative(root, paths.buildRoot)}`);
  await rebuild({
    buildPath: paths.buildRoot,
    projectRootPath: paths.buildRoot,
    electronVersion: target.electronVersion,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });

  const abi = abiOfFile(paths.built);
  if (abi === null) throw new Error(`the rebuild produced no ${relative(root, paths.built)}`);
  if (abi !== target.abi) {
    throw new Error(`the rebuilt better-sqlite3 is for ABI ${abi}, not Electron's ${target.abi}: node-gyp used other headers (is nodedir set in an .npmrc or npm_config_nodedir?)`);
  }
  copyFileSync(paths.built, paths.binary);
  writeFileSync(paths.stamp, `${JSON.stringify(target, null, 2)}\n`);
  log(`ready: ${relative(root, paths.binary)} (ABI ${abi})`);
}

async function electronRebuild(options: RebuildOptions): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(options);
}
