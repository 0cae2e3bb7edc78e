import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeBindingPath, nativeLoadProblem } from './native-binding.js';

describe('nativeBindingPath', () => {
  it('points a checkout at .electron-native and a packaged app at its resources', () => {
    const resourcesPath = '/opt/Bulwark/resources';
    expect(nativeBindingPath({ appRoot: '/src/bulwark', isPackaged: false, resourcesPath })).toBe(join('/src/bulwark', '.electron-native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ appRoot: join(resourcesPath, 'app.asar'), isPackaged: true, resourcesPath })).toBe(join(resourcesPath, 'native', 'better_sqlite3.node'));
  });
});

describe('nativeLoadProblem', () => {
  it('names both ABIs and the command to run for a NODE_MODULE_VERSION error', () => {
    // Node's wording when a module built for Node 20 (ABI 115) is loaded by Electron 45 (ABI 150).
    const error = new Error(
      "The module '/src/bulwark/.electron-native/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
    );
    const msg = nativeLoadProblem(error, '/src/bulwark/.electron-native/better_sqlite3.node');
    expect(msg).toContain('NODE_MODULE_VERSION 115; this Electron needs 150');
    expect(msg).toContain('Run: npm run rebuild:electron');
  });

  it('says the module is missing when the file is not there (real require error)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-native-'));
    const missing = join(dir, 'better_sqlite3.node');
    let caught: unknown;
    try {
      createRequire(import.meta.url)(missing);
    } catch (e) {
      caught = e;
    }
    expect(nativeLoadProblem(caught, missing)).toMatch(/^The SQLite module for Electron is missing .*\n\nRun: npm run rebuild:electron/);
  });

  it('still says what to run for any other load failure (a file that is not a library)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-native-'));
    const junk = join(dir, 'better_sqlite3.node');
    writeFileSync(junk, 'not a shared object');
    let caught: unknown;
    try {
      createRequire(import.meta.url)(junk);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(nativeLoadProblem(caught, junk)).toMatch(/could not be loaded: .*\n\nRun: npm run rebuild:electron/s);
  });
});
