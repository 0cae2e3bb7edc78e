import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { projectFromArgv } from './project-from-argv.js';

describe('projectFromArgv', () => {
  it('finds a .gpkg argument of a packaged app and of `electron .`', () => {
    expect(projectFromArgv(['/opt/Bulwark/bulwark', '/data/plaza.gpkg'], '/home/ana')).toBe('/data/plaza.gpkg');
    expect(projectFromArgv(['/x/electron', '.', 'plans/Market.GPKG'], '/home/ana')).toBe(resolve('/home/ana', 'plans/Market.GPKG'));
  });

  it('ignores the executable, Chromium switches and other files, and takes the last project', () => {
    expect(projectFromArgv(['/opt/Bulwark/bulwark.gpkg'], '/')).toBeNull();
    expect(projectFromArgv(['/opt/Bulwark/bulwark', '--no-sandbox', '--x=a.gpkg', 'notes.txt'], '/')).toBeNull();
    expect(projectFromArgv(['bulwark', '/a/one.gpkg', '/a/two.gpkg', '--flag'], '/')).toBe('/a/two.gpkg');
  });
});
