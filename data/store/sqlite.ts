import Database from 'better-sqlite3';

/**
 * One place that opens SQLite, so the Electron main process can point better-sqlite3 at a binary
 * built for Electron's ABI (ENVIRONMENT.md, "better-sqlite3 and Electron's ABI") while Node keeps
 * the default one.
 */
let nativeBinding: string | undefined;

export function useSqliteNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
