import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles an entry the way test/support/build.mjs does and lists what it still requires at run time. */
async function runtimeRequires(entry: string): Promise<{ requires: string[]; bytes: number }> {
  const out = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0].text;
  return { requires: [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort(), bytes: text.length };
}

describe('Electron bundles', () => {
  it('the preload requires nothing but electron (a sandboxed preload cannot load Node modules) and stays small', async () => {
    const { requires, bytes } = await runtimeRequires('preload.ts');
    expect(requires).toEqual(['electron']);
    // Type-only imports of the contract keep zod out: a few KB, not the ~0.5 MB of the main bundle.
    expect(bytes).toBeLessThan(20_000);
  });

  it('main requires only electron, better-sqlite3 and Node built-ins', async () => {
    const { requires } = await runtimeRequires('main.ts');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(requires.filter((r) => r !== 'electron' && r !== 'better-sqlite3' && !builtins.has(r))).toEqual([]);
    expect(requires).toContain('electron');
  });
});
