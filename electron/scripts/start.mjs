#!/usr/bin/env node
// `npm start` / `npm run rebuild:electron`. The start logic is TypeScript (electron/scripts/start-app.ts,
// type-checked and unit-tested with the rest); this file bundles it with esbuild and runs it.
// Flags: --dry-run (print the plan, change nothing), --skip-build, --no-launch, --rebuild-native.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'dist', 'scripts', 'start-app.mjs');
await build({
  entryPoints: [join(root, 'electron', 'scripts', 'start-app.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(root, process.argv.slice(2));
