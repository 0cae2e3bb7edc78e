import { isAbsolute, resolve } from 'node:path';

/**
 * The project file a command line asks to open (`bulwark plaza.gpkg`, "Open with" in a file
 * manager): the last argument that is not a switch and ends in .gpkg, made absolute against the
 * directory the command ran in. Null when there is none.
 */
export function projectFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const a = argv[i];
    if (a.startsWith('-') || !/\.gpkg$/i.test(a)) continue;
    return isAbsolute(a) ? a : resolve(cwd, a);
  }
  return null;
}
