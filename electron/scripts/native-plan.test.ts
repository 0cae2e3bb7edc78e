import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { abiOfNativeModule, electronBuildEnv, electronLaunchEnv, installedTarget, nativePaths, readStamp, rebuildDecision, type NativeTarget } from './native-plan.js';
import { startPlan } from './start-app.js';

const want: NativeTarget = { electronVersion: '45.5.0', abi: 150, betterSqlite3Version: '12.11.1', platform: 'linux', arch: 'x64' };

describe('abiOfNativeModule', () => {
  it("reads Node's ABI from the better-sqlite3 build that npm test uses", () => {
    const require = createRequire(import.meta.url);
    const file = join(require.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
    // The Node 20 this runs on: process.versions.modules is its NODE_MODULE_VERSION (115).
    expect(abiOfNativeModule(readFileSync(file))).toBe(Number(process.versions.modules));
  });

  it('reads the number after the registration symbol, and null when there is none', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(abiOfNativeModule(bytes('\x7fELF\0\0node_register_module_v150\0napi'))).toBe(150);
    expect(abiOfNativeModule(bytes('_node_register_module_\0 _node_register_module_v139\0'))).toBe(139);
    expect(abiOfNativeModule(bytes('napi_register_module_v1 only'))).toBeNull();
    expect(abiOfNativeModule(new Uint8Array())).toBeNull();
  });
});

describe('rebuildDecision', () => {
  it('builds when there is no Electron binary yet', () => {
    expect(rebuildDecision({ binaryAbi: null, stamp: null, want })).toEqual({ rebuild: true, reason: 'no Electron build of better-sqlite3 yet (.electron-native/better_sqlite3.node)' });
  });

  it("rebuilds a binary built for Node's ABI (the nodedir trap), whatever the stamp says", () => {
    const d = rebuildDecision({ binaryAbi: 115, stamp: want, want });
    expect(d).toEqual({ rebuild: true, reason: '.electron-native/better_sqlite3.node is built for ABI 115, Electron 45.5.0 needs 150' });
  });

  it('rebuilds after Electron, better-sqlite3 or the machine changed', () => {
    expect(rebuildDecision({ binaryAbi: 150, stamp: { ...want, electronVersion: '45.4.0' }, want }).reason).toBe('electronVersion changed: built for 45.4.0, now 45.5.0');
    expect(rebuildDecision({ binaryAbi: 150, stamp: { ...want, betterSqlite3Version: '12.10.0' }, want }).rebuild).toBe(true);
    expect(rebuildDecision({ binaryAbi: 150, stamp: { ...want, arch: 'arm64' }, want }).reason).toBe('arch changed: built for arm64, now x64');
    expect(rebuildDecision({ binaryAbi: 150, stamp: null, want }).rebuild).toBe(true);
  });

  it('keeps a binary whose ABI and stamp match', () => {
    expect(rebuildDecision({ binaryAbi: 150, stamp: { ...want }, want })).toEqual({ rebuild: false, reason: 'up to date: better-sqlite3 12.11.1 for Electron 45.5.0 (ABI 150, linux-x64)' });
  });
});

describe('environments', () => {
  it("drops npm's nodedir (any case) and target overrides for the Electron build, keeping the rest", () => {
    const env = electronBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_runtime: 'node', npm_config_cafile: '/etc/ssl/ca.pem', PATH: '/usr/bin' });
    expect(env).toEqual({ npm_config_cafile: '/etc/ssl/ca.pem', PATH: '/usr/bin' });
  });

  it('never launches Electron as plain Node', () => {
    expect(electronLaunchEnv({ ELECTRON_RUN_AS_NODE: '1', HOME: '/home/ana' })).toEqual({ HOME: '/home/ana' });
  });
});

/** A checkout with just the files the plan reads (package versions, abi_version, binaries). */
function fixtureRoot(options: { electronBinary?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'bulwark-start-'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ version: '45.5.0' }));
  writeFileSync(join(electron, 'abi_version'), '150\n');
  if (options.electronBinary) {
    writeFileSync(join(electron, 'path.txt'), 'electron');
    writeFileSync(join(electron, 'dist', 'electron'), '');
  }
  const bs = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(bs, 'build', 'Release'), { recursive: true });
  writeFileSync(join(bs, 'package.json'), JSON.stringify({ version: '12.11.1' }));
  writeFileSync(join(bs, 'build', 'Release', 'better_sqlite3.node'), 'ELF node_register_module_v115\0');
  return root;
}

describe('installedTarget and startPlan', () => {
  it('reads the installed Electron version, its ABI and better-sqlite3 version', () => {
    const root = fixtureRoot();
    expect(installedTarget(root, { platform: 'linux', arch: 'x64' })).toEqual(want);
  });

  it('plans build, native build and launch on a fresh checkout; Electron runs as an app, not as Node', () => {
    const root = fixtureRoot({ electronBinary: true });
    const plan = startPlan(root, { skipBuild: false, env: { npm_config_nodedir: '/usr', ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' } });
    expect(plan.builds.map((s) => s.args.at(-1))).toEqual(["renderer", "electron"]);
    expect(plan.native.rebuild).toBe(true);
    expect(plan.nodeAbi).toBe(115);
    expect(plan.electron).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    expect(plan.launch.args).toEqual(['.']);
    expect(plan.launch.env).toEqual({ npm_config_nodedir: '/usr', PATH: '/bin' });
  });

  it('skips the native build once a matching binary and stamp are in place, in either order with npm test', () => {
    const root = fixtureRoot();
    const paths = nativePaths(root);
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.binary, 'ELF node_register_module_v150\0');
    writeFileSync(paths.stamp, JSON.stringify({ ...want, platform: process.platform, arch: process.arch }));
    expect(readStamp(paths.stamp)).toMatchObject({ abi: 150 });
    const plan = startPlan(root, { skipBuild: true, env: {} });
    expect(plan.builds).toEqual([]);
    expect(plan.native.rebuild).toBe(false);
    // Node's build, which npm test loads, is a different file and keeps its own ABI.
    expect(plan.nodeAbi).toBe(115);
    expect(plan.electron).toBeNull();
  });

  it('plans a rebuild when the Electron binary in .electron-native has the wrong ABI', () => {
    const root = fixtureRoot();
    const paths = nativePaths(root);
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.binary, 'ELF node_register_module_v115\0');
    writeFileSync(paths.stamp, JSON.stringify({ ...want, platform: process.platform, arch: process.arch }));
    const plan = startPlan(root, { skipBuild: true, env: {} });
    expect(plan.native.reason).toBe('.electron-native/better_sqlite3.node is built for ABI 115, Electron 45.5.0 needs 150');
    expect(plan.native.rebuild).toBe(true);
  });
});
