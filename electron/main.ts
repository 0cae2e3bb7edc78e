import * as electron from 'electron';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startDesktopApp } from './app/desktop-app.js';
import { createDesktopService } from './desktop-service.js';

// The Electron entry (dist/electron/main.cjs): real Electron, real service, real files. Everything
// it does is in startDesktopApp, which the tests drive with a recording fake of this module.
startDesktopApp({
  electron,
  createService: createDesktopService,
  loadNative: (path) => createRequire(__filename)(path),
  exists: existsSync,
  mainDir: __dirname,
  resourcesPath: process.resourcesPath,
  platform: process.platform,
  argv: process.argv,
  cwd: process.cwd(),
  devUrl: process.env.BULWARK_DEV_URL || undefined,
}).catch((e: unknown) => {
  electron.dialog.showErrorBox('Bulwark could not start', e instanceof Error ? (e.stack ?? e.message) : String(e));
  electron.app.exit(1);
});
