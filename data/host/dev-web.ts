import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createProjectService } from '../service/project-service.js';
import { startHost } from './http-host.js';

/**
 * `npm run dev:web`: the real renderer and the real store in a browser, served on 127.0.0.1 with a
 * per-run token. Opens the project named on the command line, or a demo project kept in
 * ~/.bulwark-dev/ (created on first run).
 */
export async function runDevWeb(argv: string[], rendererDir: string): Promise<void> {
  const projectPath = resolve(argv[0] ?? join(homedir(), '.bulwark-dev', 'demo.gpkg'));
  mkdirSync(dirname(projectPath), { recursive: true });
  const api = createProjectService({ recentProjectsFile: join(homedir(), '.bulwark-dev', 'recent.json') });
  if (existsSync(projectPath)) await api.openProject({ path: projectPath });
  else await api.createProject({ path: projectPath, template: 'demo' });
  const host = await startHost({ api, rendererDir, port: Number(process.env.PORT ?? 0) });
  process.stdout.write(`Bulwark (web) on ${projectPath}\n  open ${host.url}\n  Ctrl+C to stop\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
