// What `npm start` needs to know about better-sqlite3 for Electron, as pure functions plus small
// file readers: where the Electron build lives, which ABI a binary was built for, and whether it
// must be (re)built. Node's build in node_modules is never touched, so `npm test` and `npm start`
// work in either order (ENVIRONMENT.md, "better-sqlite3 and Electron's ABI").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Same names as electron/native/native-binding.ts, which main loads from. */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'stamp.json';

export interface NativeTarget {
  electronVersion: string;
  abi: number;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}
export interface RebuildDecision {
  rebuild: boolean;
  reason: string;
}

export function nativePaths(root: string) {
  const dir = join(root, NATIVE_DIR);
  const buildRoot = join(dir, 'build');
  const module = join(buildRoot, 'node_modules', 'better-sqlite3');
  return {
    dir,
    binary: join(dir, NATIVE_FILE),
    stamp: join(dir, STAMP_FILE),
    buildRoot,
    module,
    built: join(module, 'build', 'Release', NATIVE_FILE),
    source: join(root, 'node_modules', 'better-sqlite3'),
  };
}

const MARKER = 'node_register_module_v';

/**
 * The NODE_MODULE_VERSION a native addon was compiled for, read from the name of its
 * registration symbol (`node_register_module_v<ABI>`, Node's `NODE_MODULE_INITIALIZER`), which
 * ELF, Mach-O and PE binaries all keep as plain text. Null when there is none (not an addon).
 */
export function abiOfNativeModule(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let at = text.indexOf(MARKER);
  while (at >= 0) {
    const m = /^\d+/.exec(text.slice(at + MARKER.length, at + MARKER.length + 6));
    if (m) return Number(m[0]);
    at = text.indexOf(MARKER, at + 1);
  }
  return null;
}

export function abiOfFile(file: string): number | null {
  return existsSync(file) ? abiOfNativeModule(readFileSync(file)) : null;
}

/**
 * Whether the Electron build must be made again, and why (printed by `--dry-run`).
 */
export function rebuildDecision({ binaryAbi, stamp, want }: { binaryAbi: number | null; stamp: Partial<NativeTarget> | null; want: NativeTarget }): RebuildDecision {
  if (binaryAbi === null) return { rebuild: true, reason: `no Electron build of better-sqlite3 yet (${NATIVE_DIR}/${NATIVE_FILE})` };
  if (binaryAbi !== want.abi) return { rebuild: true, reason: `${NATIVE_DIR}/${NATIVE_FILE} is built for ABI ${binaryAbi}, Electron ${want.electronVersion} needs ${want.abi}` };
  if (!stamp) return { rebuild: true, reason: `no ${STAMP_FILE} records what ${NATIVE_DIR}/${NATIVE_FILE} was built from` };
  for (const key of ['electronVersion', 'abi', 'betterSqlite3Version', 'platform', 'arch'] as const) {
    if (stamp[key] !== want[key]) return { rebuild: true, reason: `${key} changed: built for ${stamp[key] ?? '(unknown)'}, now ${want[key]}` };
  }
  return { rebuild: false, reason: `up to date: better-sqlite3 ${want.betterSqlite3Version} for Electron ${want.electronVersion} (ABI ${want.abi}, ${want.platform}-${want.arch})` };
}

export function readStamp(file: string): Partial<NativeTarget> | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    return typeof s === 'object' && s !== null ? s : null;
  } catch {
    return null;
  }
}

/**
 * The installed Electron and better-sqlite3, and this machine: what the binary must match.
 * Electron ships its ABI in `abi_version`; `abiOf` answers for an Electron without that file.
 */
export function installedTarget(root: string, over: { platform?: string; arch?: string; abiOf?: (electronVersion: string) => number } = {}): NativeTarget {
  const electronDir = join(root, 'node_modules', 'electron');
  const electronVersion: string = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const abiFile = join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? Number(readFileSync(abiFile, 'utf8').trim()) : over.abiOf ? over.abiOf(electronVersion) : NaN;
  if (!Number.isInteger(abi)) throw new Error(`cannot tell the ABI of Electron ${electronVersion}: ${abiFile} is missing`);
  const betterSqlite3Version: string = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  return { electronVersion, abi, betterSqlite3Version, platform: over.platform ?? process.platform, arch: over.arch ?? process.arch };
}

/**
 * The environment for building against Electron's headers. npm passes its config to scripts as
 * `npm_config_*` variables, and node-gyp obeys them: `nodedir` (set to /usr by this machine's
 * npmrc) would make it compile against Node's headers, silently giving Node's ABI.
 */
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  const drop = /^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i;
  for (const [k, v] of Object.entries(env)) if (!drop.test(k)) out[k] = v;
  return out;
}

/**
 * The environment for running Electron as an app: ELECTRON_RUN_AS_NODE would make it a plain Node.
 */
export function electronLaunchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (k !== 'ELECTRON_RUN_AS_NODE') out[k] = v;
  return out;
}

/**
 * Where the Electron binary is, without triggering the electron package's download (requiring
 * `electron` downloads it when missing); null when it was never installed.
 */
export function electronBinaryPath(root: string): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

