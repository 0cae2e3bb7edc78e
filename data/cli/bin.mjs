#!/usr/bin/env node
// The `bulwark` command. The TypeScript CLI is bundled to dist/cli/bulwark.mjs by `npm install`
// (the `prepare` script); if that bundle is missing (a checkout without install scripts run),
// build it once now.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist', 'cli', 'bulwark.mjs');
if (!existsSync(bundle)) {
  const r = spawnSync(process.execPath, [join(root, 'test', 'support', 'build.mjs'), 'cli'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(bundle)) {
    process.stderr.write('bulwark: the CLI is not built and building it failed; run: npm install\n');
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
