import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MAX_RECENT = 10;

/** The list of recently opened projects, newest first, kept in a small JSON file. */
export interface RecentProjects {
  list(): string[];
  add(path: string): void;
}

export function recentProjectsFile(file: string | undefined): RecentProjects {
  let memory: string[] = [];
  const read = (): string[] => {
    if (!file || !existsSync(file)) return memory;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return []; // a damaged list is not worth an error: it is rebuilt on the next open
    }
  };
  return {
    list: () => read().filter((p) => existsSync(p)),
    add(path) {
      const next = [resolve(path), ...read().filter((p) => p !== resolve(path))].slice(0, MAX_RECENT);
      memory = next;
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(next, null, 2));
      renameSync(tmp, file); // atomic replace: a crash never leaves half a list
    },
  };
}
