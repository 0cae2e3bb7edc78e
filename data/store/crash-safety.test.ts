import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpkgProjectStore, openGpkgProjectStore } from './gpkg-project-store.js';
import { openSqlite } from './sqlite.js';

/**
 * "A crash at any instant leaves the last committed state" (DESIGN.md §4): a child process edits a
 * project in a loop and is killed with SIGKILL mid-flight; the file must open, hold every edit the
 * child saw committed, and no part of the one it was writing.
 */
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-crash-'));
  const entry = join(dir, 'editor.ts');
  writeFileSync(
    entry,
    `import { openGpkgProjectStore } from ${JSON.stringify(join(root, 'data/store/gpkg-project-store.ts'))};
const [path, batch] = [process.argv[2], Number(process.argv[3])];
const store = openGpkgProjectStore(path);
for (let i = 0; ; i++) {
  const put = [];
  for (let k = 0; k < batch; k++) put.push({ type: 'Feature', id: 'f' + i + '-' + k, properties: { kind: 'camera', name: 'edit ' + i }, geometry: { type: 'Point', coordinates: [7 + k * 1e-6, 43 + i * 1e-6] } });
  store.transact({ put, note: 'Edit ' + i });
  process.stdout.write(i + '\\n');
}
`,
  );
  child = join(dir, 'editor.cjs');
  await build({ entryPoints: [entry], outfile: child, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the editor until it has reported `commits` commits, then kills it; returns the last commit it reported. */
function editAndKill(path: string, batch: number, commits: number): Promise<number> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, path, String(batch)], { env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
    let last = -1;
    let err = '';
    p.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      last = Number(lines[lines.length - 1]);
      if (last + 1 >= commits) p.kill('SIGKILL');
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => (signal === 'SIGKILL' ? done(last) : fail(new Error(`editor exited ${code}: ${err}`))));
  });
}

describe('crash safety', () => {
  for (const [label, batch, commits] of [
    ['small edits', 1, 40],
    ['large edits (3,000 features each)', 3000, 3],
  ] as const) {
    it(`a process killed during ${label} leaves the last committed state`, async () => {
      const path = join(dir, `${batch}.gpkg`);
      createGpkgProjectStore(path).close();
      const reported = await editAndKill(path, batch, commits);
      const store = openGpkgProjectStore(path);
      try {
        const features = store.listFeatures();
        // Every commit the child reported is there; at most the one after it also committed
        // (killed between COMMIT and the report), and never part of an edit.
        const edits = features.length / batch;
        expect(Number.isInteger(edits)).toBe(true);
        expect(edits === reported + 1 || edits === reported + 2).toBe(true);
        expect(new Set(features.map((f) => f.properties.name))).toEqual(new Set(Array.from({ length: edits }, (_, i) => `edit ${i}`)));
        expect(store.historyState().undoNote).toBe(`Edit ${edits - 1}`);
      } finally {
        store.close();
      }
      const db = openSqlite(path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }
});
