import type { BulwarkApi, ProjectInfo } from '../../data/api/contract.js';

export interface LaunchResult {
  project: ProjectInfo | null;
  /** How it was chosen: the last project, the existing demo, a freshly created demo, or nothing. */
  source: 'requested' | 'recent' | 'demo' | 'new-demo' | 'none';
  /** Problems met on the way (a recent project that no longer opens), for an error box. */
  problems: string[];
}

/**
 * Opens something useful at start-up: the project the command line named, else the most recent
 * project that still exists, else the built-in demo project kept in the user-data folder (created
 * from the `demo` template on first launch). A project that fails to open is reported, never
 * fatal: the window still shows.
 */
export async function openOnLaunch(
  api: BulwarkApi,
  options: { demoPath: string; exists: (path: string) => boolean; requested?: string | null },
): Promise<LaunchResult> {
  const problems: string[] = [];
  if (options.requested) {
    try {
      return { project: await api.openProject({ path: options.requested }), source: 'requested', problems };
    } catch (e) {
      problems.push(`${options.requested}: ${message(e)}`);
    }
  }
  const last = (await api.recentProjects()).find((p) => options.exists(p));
  if (last) {
    try {
      return { project: await api.openProject({ path: last }), source: 'recent', problems };
    } catch (e) {
      problems.push(`${last}: ${message(e)}`);
    }
  }
  try {
    if (options.exists(options.demoPath)) return { project: await api.openProject({ path: options.demoPath }), source: 'demo', problems };
    return { project: await api.createProject({ path: options.demoPath, template: 'demo' }), source: 'new-demo', problems };
  } catch (e) {
    problems.push(`${options.demoPath}: ${message(e)}`);
    return { project: null, source: 'none', problems };
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
