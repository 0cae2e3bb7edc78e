#!/usr/bin/env node
// Builds what runs outside vitest: the CLI bundle (run by `npm install` through `prepare`),
// the renderer (vite) and the Electron main/preload bundles. Usage: build.mjs cli|renderer|electron|all
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const what = process.argv[2] ?? 'all';

/** One Node bundle of a TypeScript entry (better-sqlite3 stays a native dependency). */
async function bundleForNode(entry, outfile) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

async function buildCli() {
  if (!existsSync(join(root, 'data/cli/main.ts'))) return;
  await bundleForNode('data/cli/main.ts', 'dist/cli/bulwark.mjs');
  // The approach's helper thread (data/cli/approach-pool.ts looks for it beside the CLI bundle).
  await bundleForNode('data/cli/approach-worker.ts', 'dist/cli/approach-worker.mjs');
}

async function buildHost() {
  await bundleForNode('data/host/dev-web.ts', 'dist/host/dev-web.mjs');
}

async function buildRenderer() {
  const config = join(root, 'renderer/vite.config.ts');
  if (!existsSync(config)) return;
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: config, logLevel: 'warn' });
}

async function buildElectron() {
  const main = join(root, 'electron/main.ts');
  if (!existsSync(main)) return;
  const common = { bundle: true, platform: 'node', target: 'node20', external: ['electron', 'better-sqlite3'], sourcemap: true, logLevel: 'warning' };
  await build({ ...common, entryPoints: [main], outfile: join(root, 'dist/electron/main.cjs'), format: 'cjs' });
  await build({ ...common, entryPoints: [join(root, 'electron/preload.ts')], outfile: join(root, 'dist/electron/preload.cjs'), format: 'cjs' });
}

if (what === 'cli' || what === 'all') await buildCli();
if (what === 'renderer' || what === 'all') await buildRenderer();
if (what === 'host' || what === 'all') await buildHost();
if (what === 'electron' || what === 'all') await buildElectron();
