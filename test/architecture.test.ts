import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The direction of imports is fixed (DESIGN.md, "Layout"): renderer → core and API types;
 * electron → data → core; core imports nothing of the project and no runtime (DOM, Node,
 * Electron). This test reads every source file and fails on the first import that breaks it.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['core', 'data', 'renderer', 'electron'] as const;
type Folder = (typeof FOLDERS)[number];

const PROJECT_RULES: Record<Folder, (target: string) => boolean> = {
  core: (t) => t.startsWith('core/'),
  data: (t) => t.startsWith('core/') || t.startsWith('data/'),
  renderer: (t) => t.startsWith('core/') || t.startsWith('renderer/') || t.startsWith('data/api/'),
  electron: (t) => t.startsWith('core/') || t.startsWith('data/') || t.startsWith('electron/'),
};

const NODE_ONLY = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|better-sqlite3$|electron$)/;
const PACKAGE_RULES: Record<Folder, (spec: string) => boolean> = {
  core: (s) => !NODE_ONLY.test(s) && !/^(react|react-dom|maplibre-gl|zustand|terra-draw)/.test(s),
  data: (s) => !/^(react|react-dom|maplibre-gl|zustand|terra-draw|electron$)/.test(s),
  renderer: (s) => !NODE_ONLY.test(s),
  electron: () => true,
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

export function importViolations(): string[] {
  const violations: string[] = [];
  for (const folder of FOLDERS) {
    for (const file of sourceFiles(join(root, folder))) {
      const rel = relative(root, file).split(sep).join('/');
      // Build and launch scripts of a folder run in Node by design.
      if (rel.includes('/scripts/') || rel.endsWith('vite.config.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec.startsWith('.')) {
          const target = relative(root, resolve(dirname(file), spec)).split(sep).join('/');
          if (!PROJECT_RULES[folder](target)) violations.push(`${rel} imports ${spec} (${folder} may not import ${target.split('/')[0]})`);
        } else if (!PACKAGE_RULES[folder](spec)) {
          violations.push(`${rel} imports package ${spec}, which ${folder}/ may not use`);
        }
      }
    }
  }
  return violations;
}

describe('import direction (DESIGN.md)', () => {
  it('every import follows renderer → core, electron → data → core', () => {
    expect(importViolations()).toEqual([]);
  });

  it('the check catches a core file importing Node or the store', () => {
    const bad = "import { readFileSync } from 'node:fs';\nimport { x } from '../data/store.js';\n";
    const specs = [...bad.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(specs).toEqual(['node:fs', '../data/store.js']);
    expect(PACKAGE_RULES.core('node:fs')).toBe(false);
    expect(PROJECT_RULES.core('data/store.js')).toBe(false);
    expect(PROJECT_RULES.renderer('data/store/project-store.ts')).toBe(false);
    expect(PROJECT_RULES.renderer('data/api/contract.ts')).toBe(true);
  });
});
