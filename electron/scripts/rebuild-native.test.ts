import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { abiOfFile, nativePaths, readStamp, type NativeTarget } from './native-plan.js';
import { buildElectronNative, type RebuildFn } from './rebuild-native.js';

const target: NativeTarget = { electronVersion: '45.5.0', abi: 150, betterSqlite3Version: '12.11.1', platform: 'linux', arch: 'x64' };

/** A checkout whose node_modules/better-sqlite3 holds a Node (ABI 115) build, as after npm install. */
function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'bulwark-native-'));
  const bs = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(bs, 'build', 'Release'), { recursive: true });
  mkdirSync(join(bs, 'lib'), { recursive: true });
  writeFileSync(join(bs, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(bs, 'binding.gyp'), '{}');
  writeFileSync(join(bs, 'lib', 'index.js'), 'module.exports = {};');
  writeFileSync(join(bs, 'build', 'Release', 'better_sqlite3.node'), 'ELF node_register_module_v115\0');
  return root;
}

/** Stands in for @electron/rebuild: records its options and writes a binary of the given ABI where node-gyp would. */
function fakeRebuild(abi: number, seen: { options?: Parameters<RebuildFn>[0]; nodedir?: string }): RebuildFn {
  return async (options) => {
    seen.options = options;
    seen.nodedir = process.env.npm_config_nodedir;
    const out = join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `ELF node_register_module_v${abi}\0`);
  };
}

describe('buildElectronNative', () => {
  it("builds on a copy in .electron-native, with nodedir cleared, and leaves Node's build alone", async () => {
    const root = checkout();
    const seen: { options?: Parameters<RebuildFn>[0]; nodedir?: string } = {};
    // It cleans this process's environment (node-gyp's workers inherit it); put it back afterwards.
    const saved = { ...process.env };
    process.env.npm_config_nodedir = '/usr';
    try {
      await buildElectronNative(root, target, () => {}, fakeRebuild(150, seen));
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    const paths = nativePaths(root);
    expect(seen.nodedir).toBeUndefined();
    expect(seen.options).toMatchObject({ buildPath: paths.buildRoot, projectRootPath: paths.buildRoot, electronVersion: '45.5.0', onlyModules: ['better-sqlite3'], force: true });
    // The copy has the sources but not Node's binary.
    expect(existsSync(join(paths.module, 'lib', 'index.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(paths.buildRoot, 'package.json'), 'utf8')).dependencies).toEqual({ 'better-sqlite3': '12.11.1' });
    expect(abiOfFile(paths.binary)).toBe(150);
    expect(readStamp(paths.stamp)).toEqual(target);
    expect(abiOfFile(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(115);
  });

  it("refuses a result built for Node's ABI (measured: @electron/rebuild with nodedir=/usr gives 115) and keeps no binary", async () => {
    const root = checkout();
    await expect(buildElectronNative(root, target, () => {}, fakeRebuild(115, {}))).rejects.toThrow(
      "the rebuilt better-sqlite3 is for ABI 115, not Electron's 150: node-gyp used other headers (is nodedir set in an .npmrc or npm_config_nodedir?)",
    );
    expect(existsSync(nativePaths(root).binary)).toBe(false);
    expect(existsSync(nativePaths(root).stamp)).toBe(false);
  });
});
