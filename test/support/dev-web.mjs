#!/usr/bin/env node
// `npm run dev:web [PROJECT.gpkg]`: build the renderer and the host, then serve them on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const what of ['renderer', 'host']) {
  const r = spawnSync(process.execPath, [join(root, 'test/support/build.mjs'), what], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { runDevWeb } = await import(pathToFileURL(join(root, 'dist/host/dev-web.mjs')).href);
await runDevWeb(process.argv.slice(2), join(root, 'dist/renderer'));
