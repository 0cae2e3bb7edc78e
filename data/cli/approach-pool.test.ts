import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { demoScene } from '../demo/demo-scene.js';
import { analyzeScene } from '../../core/analyze/analyze-scene.js';
import { analyzeScenePooled, type ApproachHelper } from '../../core/analyze/analyze-scene-pooled.js';
import { approachThreads, nodeApproachPool } from './approach-pool.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Under the checkout (gitignored dist/) so the bundles resolve better-sqlite3 from node_modules.
const out = join(root, 'dist', `cli-test-${process.pid}`);

/** The CLI and its approach worker bundled as test/support/build.mjs does, into a scratch folder. */
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true, platform: 'node' as const, format: 'esm' as const, target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' as const,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  };
  await build({ ...common, entryPoints: [join(root, 'data/cli/main.ts')], outfile: join(out, 'bulwark.mjs') });
  await build({ ...common, entryPoints: [join(root, 'data/cli/approach-worker.ts')], outfile: join(out, 'approach-worker.mjs') });
  writeFileSync(join(out, 'run.mjs'), "const { main } = await import('./bulwark.mjs'); process.exitCode = await main(process.argv.slice(2));\n");
  writeFileSync(join(out, 'demo.geojson'), JSON.stringify(demoScene()));
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the approach on worker threads (CLI)', () => {
  it('BULWARK_WORKERS: a positive integer wins; otherwise min(2, cores)', () => {
    expect(approachThreads({ BULWARK_WORKERS: '1' })).toBe(1);
    expect(approachThreads({ BULWARK_WORKERS: '3' })).toBe(3);
    expect([1, 2]).toContain(approachThreads({ BULWARK_WORKERS: 'lots' }));
    expect([1, 2]).toContain(approachThreads({}));
  });

  it('two real worker threads compute the width groups; output byte-identical to analyzeScene', async () => {
    const scene = demoScene();
    const options = { only: ['approach' as const], vehicles: ['N2A', 'N1'] };
    const { pool, close } = nodeApproachPool(2, join(out, 'approach-worker.mjs'));
    expect(pool.helpers).toHaveLength(2);
    const used: string[][] = [];
    const helpers: ApproachHelper[] = pool.helpers.map((h) => ({ routes: (s, codes, done) => (used.push(codes), h.routes(s, codes, done)) }));
    try {
      const pooled = await analyzeScenePooled(scene, options, {}, { helpers });
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(analyzeScene(scene, options)));
    } finally {
      close();
    }
    expect(used.sort()).toEqual([['N1'], ['N2A']]);
  }, 60_000);

  it('a missing worker bundle gives no helper (the analysis stays on the main thread)', () => {
    const { pool, close } = nodeApproachPool(2, join(out, 'nowhere.mjs'));
    expect(pool.helpers).toHaveLength(0);
    close();
  });

  it('bulwark analyze writes the same bytes with BULWARK_WORKERS=1 and 2', () => {
    const run = (workers: string) =>
      spawnSync(process.execPath, [join(out, 'run.mjs'), 'analyze', join(out, 'demo.geojson'), '--only', 'approach,layers', '--vehicle', 'N2A,N1'], {
        env: { ...process.env, BULWARK_WORKERS: workers },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
    const one = run('1'), two = run('2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).bulwark.summary.approach.results.length).toBeGreaterThan(0);
  }, 120_000);
});
