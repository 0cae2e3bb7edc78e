import { describe, expect, it } from 'vitest';
import { ApiError, type BulwarkApi, type ProjectInfo } from '../../data/api/contract.js';
import { openOnLaunch } from './open-on-launch.js';

/** Test double of the interface with just what start-up uses; files are a set of paths. */
function launchApi(files: Set<string>, recent: string[], log: string[]): BulwarkApi {
  const info = (path: string): ProjectInfo => ({ path, name: path, marking: null, featureCount: 0, counts: {}, createdAt: 't', modifiedAt: 't' });
  const unused = async () => {
    throw new Error('not used at start-up');
  };
  return {
    recentProjects: async () => recent,
    async openProject({ path }) {
      log.push(`open ${path}`);
      if (path.includes('corrupt')) throw new ApiError('corrupt', 'database disk image is malformed');
      return info(path);
    },
    async createProject({ path, template }) {
      log.push(`create ${path} ${template}`);
      if (path.includes('readonly')) throw new ApiError('io', 'EACCES: permission denied');
      files.add(path);
      return info(path);
    },
    saveProjectAs: unused,
    closeProject: unused,
    projectInfo: unused,
    loadScene: unused,
    transact: unused,
    undo: unused,
    redo: unused,
    historyState: unused,
    importScene: unused,
    exportScene: unused,
    getSettings: unused,
    setSettings: unused,
  };
}

const demoPath = '/home/ana/.config/Bulwark/Demo project.gpkg';

describe('openOnLaunch', () => {
  it('creates the demo project from the template on first launch', async () => {
    const files = new Set<string>();
    const log: string[] = [];
    const r = await openOnLaunch(launchApi(files, [], log), { demoPath, exists: (p) => files.has(p) });
    expect(r).toMatchObject({ source: 'new-demo', problems: [] });
    expect(r.project?.path).toBe(demoPath);
    expect(log).toEqual([`create ${demoPath} demo`]);
  });

  it('opens the existing demo on a later launch with no recent project', async () => {
    const files = new Set([demoPath]);
    const log: string[] = [];
    const r = await openOnLaunch(launchApi(files, [], log), { demoPath, exists: (p) => files.has(p) });
    expect(r.source).toBe('demo');
    expect(log).toEqual([`open ${demoPath}`]);
  });

  it('reopens the most recent project that still exists', async () => {
    const files = new Set(['/p/plaza.gpkg', '/p/market.gpkg']);
    const log: string[] = [];
    const r = await openOnLaunch(launchApi(files, ['/p/moved.gpkg', '/p/plaza.gpkg', '/p/market.gpkg'], log), { demoPath, exists: (p) => files.has(p) });
    expect(r.source).toBe('recent');
    expect(log).toEqual(['open /p/plaza.gpkg']);
  });

  it('falls back to the demo, reporting why, when the last project does not open', async () => {
    const files = new Set(['/p/corrupt.gpkg']);
    const log: string[] = [];
    const r = await openOnLaunch(launchApi(files, ['/p/corrupt.gpkg'], log), { demoPath, exists: (p) => files.has(p) });
    expect(r.source).toBe('new-demo');
    expect(r.problems).toEqual(['/p/corrupt.gpkg: database disk image is malformed']);
  });

  it('opens nothing, without throwing, when even the demo cannot be made', async () => {
    const r = await openOnLaunch(launchApi(new Set(), [], []), { demoPath: '/readonly/Demo.gpkg', exists: () => false });
    expect(r).toEqual({ project: null, source: 'none', problems: ['/readonly/Demo.gpkg: EACCES: permission denied'] });
  });

  it('opens the project named on the command line first, and falls back to the recent one if it fails', async () => {
    const files = new Set(['/p/plaza.gpkg', '/p/market.gpkg']);
    const log: string[] = [];
    const api = launchApi(files, ['/p/plaza.gpkg'], log);
    expect((await openOnLaunch(api, { demoPath, exists: (p) => files.has(p), requested: '/p/market.gpkg' })).source).toBe('requested');
    const r = await openOnLaunch(api, { demoPath, exists: (p) => files.has(p), requested: '/p/corrupt.gpkg' });
    expect(r.source).toBe('recent');
    expect(r.problems).toEqual(['/p/corrupt.gpkg: database disk image is malformed']);
    expect(log).toEqual(['open /p/market.gpkg', 'open /p/corrupt.gpkg', 'open /p/plaza.gpkg']);
  });
});
