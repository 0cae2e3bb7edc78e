import { spawn, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { abiOfFile, electronBinaryPath, electronLaunchEnv, installedTarget, nativePaths, readStamp, rebuildDecision, type RebuildDecision } from './native-plan.js';
import { buildElectronNative } from './rebuild-native.js';

export interface Step {
  title: string;
  command: string;
  args: string[];
}

export interface StartPlan {
  builds: Step[];
  native: RebuildDecision;
  /** ABI of node_modules' better-sqlite3 (Node's, for npm test), shown and never changed. */
  nodeAbi: number | null;
  /** The Electron executable, or null when the electron package has not downloaded it. */
  electron: string | null;
  launch: { args: string[]; env: NodeJS.ProcessEnv };
}

/**
 * What `npm start` will do in a checkout: build renderer and Electron bundles (test/support/build.mjs),
 * build better-sqlite3 for Electron if the one in .electron-native is missing or stale, run Electron.
 */
export function startPlan(root: string, options: { skipBuild: boolean; env: NodeJS.ProcessEnv }): StartPlan {
  const paths = nativePaths(root);
  const native = rebuildDecision({ binaryAbi: abiOfFile(paths.binary), stamp: readStamp(paths.stamp), want: installedTarget(root) });
  const build = join(root, 'test', 'support', 'build.mjs');
  const builds: Step[] = options.skipBuild
    ? []
    : [
        { title: 'build the renderer (vite → dist/renderer)', command: process.execPath, args: [build, 'renderer'] },
        { title: 'build main and preload (esbuild → dist/electron)', command: process.execPath, args: [build, 'electron'] },
      ];
  return {
    builds,
    native,
    nodeAbi: abiOfFile(join(paths.source, 'build', 'Release', 'better_sqlite3.node')),
    electron: electronBinaryPath(root),
    // `electron .` runs package.json's main (dist/electron/main.cjs) with the checkout as app path.
    launch: { args: ['.'], env: electronLaunchEnv(options.env) },
  };
}

export function describePlan(plan: StartPlan, root: string): string {
  const rel = (p: string) => (p.startsWith(root) ? relative(root, p) || '.' : p);
  const lines = ['Bulwark start plan:'];
  let n = 0;
  for (const s of plan.builds) lines.push(`  ${++n}. ${s.title}: ${[s.command, ...s.args].map(rel).join(' ')}`);
  if (plan.native.rebuild) lines.push(`  ${++n}. build better-sqlite3 for Electron into .electron-native/ (@electron/rebuild, npm_config_nodedir cleared)`);
  lines.push(`  ${++n}. run Electron: ${plan.electron ? rel(plan.electron) : '(binary not installed)'} ${plan.launch.args.join(' ')}`);
  lines.push(`better-sqlite3 for Electron: ${plan.native.rebuild ? 'rebuild' : 'keep'}, ${plan.native.reason}`);
  lines.push(`better-sqlite3 for Node (node_modules, used by npm test): ABI ${plan.nodeAbi ?? 'unknown'}, left as it is`);
  if (!plan.electron) lines.push('Electron binary: not installed; run `node node_modules/electron/install.js` (needs internet).');
  return lines.join('\n');
}

const log = (line: string) => console.log(`[bulwark] ${line}`);

/**
 * `npm start` (no flags); `--dry-run` prints the plan; `--skip-build` reuses dist/; `--no-launch`
 * prepares everything but does not run Electron (before electron-builder); `--rebuild-native`
 * only rebuilds better-sqlite3 for Electron, unconditionally (npm run rebuild:electron).
 */
export async function main(root: string, argv: string[]): Promise<number> {
  if (argv.includes('--rebuild-native')) {
    return runNativeBuild(root);
  }
  const plan = startPlan(root, { skipBuild: argv.includes('--skip-build'), env: process.env });
  if (argv.includes('--dry-run')) {
    console.log(describePlan(plan, root));
    return 0;
  }
  for (const step of plan.builds) {
    log(step.title);
    const r = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`[bulwark] failed: ${step.title}`);
      return r.status ?? 1;
    }
  }
  if (plan.native.rebuild) {
    log(plan.native.reason);
    const code = await runNativeBuild(root);
    if (code !== 0) return code;
  }
  if (argv.includes('--no-launch')) return 0;
  if (!plan.electron) {
    console.error('[bulwark] the Electron binary is not installed. Run: node node_modules/electron/install.js (needs internet), then npm start.');
    return 1;
  }
  log(`run Electron ${plan.electron}`);
  const child = spawn(plan.electron, plan.launch.args, { cwd: root, stdio: 'inherit', env: plan.launch.env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(`[bulwark] could not run Electron: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runNativeBuild(root: string): Promise<number> {
  try {
    await buildElectronNative(root, installedTarget(root), log);
    return 0;
  } catch (e) {
    console.error(`[bulwark] building better-sqlite3 for Electron failed: ${e instanceof Error ? e.message : String(e)}`);
    console.error(
      '[bulwark] It downloads a prebuilt binary when one exists for this Electron, else compiles it: that needs internet (Electron headers) plus Python 3 and a C++ toolchain (build-essential, Xcode command line tools, or Visual Studio Build Tools).',
    );
    return 1;
  }
}
