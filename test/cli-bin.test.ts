import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The `bulwark` bin as a user runs it (`npx bulwark` resolves to data/cli/bin.mjs): the bundled
// CLI in a child process, with no display and no network.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'data/cli/bin.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });

describe('bulwark bin', () => {
  it('builds and runs headless: help, demo, validate with exit statuses', () => {
    spawnSync(process.execPath, [join(root, 'test/support/build.mjs'), 'cli'], { stdio: 'inherit' });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('bulwark validate FILE');
    const out = join(mkdtempSync(join(tmpdir(), 'bulwark-bin-')), 'demo.gpkg');
    const demo = run(['demo', '--out', out]);
    expect(demo.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const v = run(['validate', out]);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('valid scene format v1');
    const bad = run(['validate', join(root, 'package.json')]);
    expect(bad.status).toBe(1);
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });
});
