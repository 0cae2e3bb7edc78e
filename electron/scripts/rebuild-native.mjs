#!/usr/bin/env node
// @ts-check
// Builds better-sqlite3 for the installed Electron into .electron-native/ (`npm run
// rebuild:electron`; `npm start` runs it when needed). It works on a copy of the package, so
// node_modules/better-sqlite3 keeps Node's build for `npm test` and the CLI.
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abiOfFile, electronBuildEnv, installedTarget, isEntryPoint, nativePaths } from './native-plan.mjs';

/**
 * @param {string} root
 * @param {import('./native-plan.mjs').NativeTarget} target
 * @param {(line: string) => void} log
 */
export async function buildElectronNative(root, target, log) {
  const paths = nativePaths(root);
  // node-gyp reads npm's config from the environment, in this process and the workers it forks.
  const clean = electronBuildEnv(process.env);
  for (const key of Object.keys(process.env)) if (!(key in clean)) delete process.env[key];

  rmSync(paths.buildRoot, { recursive: true, force: true });
  mkdirSync(dirname(paths.module), { recursive: true });
  // Everything but the Node build; sources and the SQLite amalgamation are needed to compile.
  cpSync(paths.source, paths.module, {
    recursive: true,
    filter: (src) => {
      const rel = relative(paths.source, src).split(sep);
      return rel[0] !== 'build' && rel[0] !== 'node_modules';
    },
  });
  // A package.json of its own makes .electron-native/build the project @electron/rebuild walks,
  // so it never looks at (or rebuilds) the checkout's node_modules.
  writeFileSync(
    join(paths.buildRoot, 'package.json'),
    JSON.stringify({ name: 'bulwark-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }, null, 2),
  );

  log(`building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (ABI ${target.abi}, ${target.platform}-${target.arch}) in ${relative(root, paths.buildRoot)}`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: paths.buildRoot,
    projectRootPath: paths.buildRoot,
    electronVersion: target.electronVersion,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
    headerURL: 'https://electronjs.org/headers',
  });

  const abi = abiOfFile(paths.built);
  if (abi === null) throw new Error(`the rebuild produced no ${relative(root, paths.built)}`);
  if (abi !== target.abi) {
    throw new Error(
      `the rebuilt better-sqlite3 is for ABI ${abi}, not Electron's ${target.abi}: node-gyp used other headers (is npm_config_nodedir or a nodedir= line in an .npmrc set?)`,
    );
  }
  copyFileSync(paths.built, paths.binary);
  writeFileSync(paths.stamp, `${JSON.stringify(target, null, 2)}\n`);
  log(`ready: ${relative(root, paths.binary)} (ABI ${abi})`);
}

const isMain = isEntryPoint(import.meta.url, process.argv[1]);
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  try {
    await buildElectronNative(root, installedTarget(root), (line) => console.log(`[rebuild:electron] ${line}`));
  } catch (e) {
    console.error(`[rebuild:electron] failed: ${e instanceof Error ? e.message : String(e)}`);
    console.error('[rebuild:electron] better-sqlite3 is downloaded prebuilt for Electron when one exists, else compiled: that needs Python 3 and a C++ toolchain (build-essential / Xcode command line tools / Visual Studio Build Tools).');
    process.exit(1);
  }
}
