import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHost } from './support/local-host.js';

/** Starts the local host once for the run; tests read its address from the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const workDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
  const host = await startLocalHost(rendererDir, workDir);
  process.env.BULWARK_E2E_URL = host.url;
  process.env.BULWARK_E2E_TOKEN = host.token;
  process.env.BULWARK_E2E_DIR = workDir;
  return () => host.close();
}
