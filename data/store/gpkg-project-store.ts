import type Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { isOutputKind } from '../../core/scene/kinds.js';
import type { PropertyValue, Scene, SceneFeature, SceneMeta, VehicleClassInput } from '../../core/scene/types.js';
import { vehicleTableProblems } from '../../core/vehicles/validate-vehicle-row.js';
import { formatFinding, validateFeature, validateScene, type Finding } from '../../core/scene/validate.js';
import { ApiError, parseApiArgument, type Change, type ChangeResult, type HistoryState, type Settings } from '../api/contract.js';
import { geometryEnvelope } from '../gpkg/geometry-blob.js';
import { allowZ, quoteId, registerGeoPackageFunctions, setGeoPackageHeader } from '../gpkg/gpkg-schema.js';
import type { GeoJsonGeometry } from '../gpkg/wkb.js';
import { asOpenError, checkProjectFile } from './check-project-file.js';
import { kindRowToFeature, kindRowValues, unknownRowToFeature, unknownRowValues } from './feature-rows.js';
import { KIND_TABLE_BY_KIND, KIND_TABLES, UNKNOWN_KIND_TABLE, type KindTable } from './feature-tables.js';
import { runMigrations } from './migrations/index.js';
import type { ProjectStore } from './project-store.js';
import { openSqlite } from './sqlite.js';
import { setOwn } from './set-own.js';
import { syncKindTables } from './sync-kind-tables.js';

const PAGE_ROWS = 2000;

export const DEFAULT_SETTINGS: Settings = { dori_preset: 'IEC62676-4:2014', basemap_url: null, units: 'metric' };

export interface CreateProjectOptions {
  /** Accepted for symmetry with open; this function always creates. */
  create?: boolean;
  /** Replace an existing file at `path` (never one that is open). Default false: refuse. */
  overwrite?: boolean;
  /** Project name; defaults to the scene's `bulwark.name`, else the file name. */
  name?: string;
  /** Initial content (input kinds and unknown kinds; output kinds are refused). Not an undoable edit. */
  scene?: Scene;
}

/** Paths of projects open in this process, so nothing replaces a file while it is in use. */
const OPEN_PATHS = new Set<string>();

export function isProjectOpen(path: string): boolean {
  return OPEN_PATHS.has(normalise(path));
}

function normalise(path: string): string {
  return resolve(path);
}

/**
 * WAL with synchronous=FULL: every commit is fsynced before `transact` returns, so a crash or a
 * power cut at any instant leaves the last committed edit. NORMAL is also safe against a process
 * crash (tested by killing an editor mid-write) but may lose the last commits on power loss.
 * Measured on W3 (100,000 features, shared 2-core VM): one edit costs 0.7 ms of CPU either way;
 * the fsync brings FULL to a median of 0.5 ms (quiet disk) to 9.5 ms (load 12) wall, against 0.3 ms
 * for NORMAL — inside the 10 ms target and below a frame, so the planner's work gets the stronger
 * guarantee.
 */
function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  registerGeoPackageFunctions(db);
}

function nowIso(): string {
  return new Date().toISOString();
}

/** Throws invalid_scene when a feature cannot be stored; returns the warnings. */
function checkFeatures(features: readonly SceneFeature[], what: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    const own = validateFeature(f);
    const kind = (f as { properties?: { kind?: unknown } })?.properties?.kind;
    if (isOutputKind(kind)) {
      own.push({ severity: 'error', featureId: f.id, property: 'kind', message: `kind "${kind}" is an analysis output; outputs are recomputed, never stored` });
    }
    if (typeof f?.id === 'string') {
      if (seen.has(f.id)) own.push({ severity: 'error', featureId: f.id, message: 'id is used twice in one change' });
      seen.add(f.id);
    }
    findings.push(...own);
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ApiError('invalid_scene', `${what}: ${formatFinding(errors[0])}${more}`, findings);
  }
  return findings;
}

/**
 * A feature as it was or is: `seq` is its fid, which is also its place in the scene order. The
 * entry with id `VEHICLES_ENTRY` holds the vehicle table instead (feature ids are never empty):
 * a version that knows no such entry restores it as "delete feature ''", which does nothing.
 */
interface Snapshot {
  id: string;
  seq: number | null;
  feature: SceneFeature | null;
  vehicles?: VehicleClassInput[] | null;
}

const VEHICLES_ENTRY = '';

interface TableStatements {
  table: string;
  /** Raw rows: the row values (see feature-rows.ts), then fid. */
  all: Database.Statement;
  /** The next page of rows after a fid, in fid order. */
  page: Database.Statement;
  byId: Database.Statement;
  /** Parameters: the row values, then fid. */
  insert: Database.Statement;
  /** Parameters: the row values without feature_id, then feature_id. */
  update: Database.Statement;
  remove: Database.Statement;
  ids: Database.Statement;
  touch: Database.Statement;
}

/**
 * Undo depth kept in the file. Without a cap the history grows with every edit for the life of
 * the project (a 100,000-feature import alone is ~70 MB of snapshots); the oldest steps go first.
 */
export const HISTORY_MAX_STEPS = 1000;

class GpkgProjectStore implements ProjectStore {
  private readonly stmts = new Map<string, TableStatements>();
  /** feature id → table, loaded only for large changes and kept in step by every write. */
  private index: Map<string, string> | null = null;
  private maxFid: number | null = null;
  private readonly locateStmt: Database.Statement;
  private closed = false;
  private readonly q: Record<string, Database.Statement>;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    for (const t of KIND_TABLES) this.stmts.set(t.table, this.tableStatements(t.table, ['geom', 'feature_id', ...t.columns.map((c) => c.key), 'extra_json']));
    this.stmts.set(UNKNOWN_KIND_TABLE, this.tableStatements(UNKNOWN_KIND_TABLE, ['geom', 'feature_id', 'kind', 'properties_json', 'geometry_json']));
    // One statement finds which kind table holds an id (each probe uses the table's unique index).
    this.locateStmt = db
      .prepare([...this.stmts.keys()].map((t) => `SELECT '${t}' FROM ${quoteId(t)} WHERE feature_id = @id`).join(' UNION ALL '))
      .pluck();
    this.q = {
      getMeta: db.prepare('SELECT value FROM bulwark_project WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO bulwark_project (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      settings: db.prepare('SELECT key, value_json FROM bulwark_settings ORDER BY rowid').raw(),
      setSetting: db.prepare('INSERT INTO bulwark_settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json'),
      maxFid: db.prepare(
        `SELECT MAX(seq) FROM sqlite_sequence WHERE name IN (${[...this.stmts.keys()].map((t) => `'${t}'`).join(', ')})`,
      ).pluck(),
      historyAt: db.prepare('SELECT id, note, before_json, after_json FROM bulwark_history WHERE id = ?'),
      historyPrev: db.prepare('SELECT MAX(id) FROM bulwark_history WHERE id < ?').pluck(),
      historyNext: db.prepare('SELECT id, note FROM bulwark_history WHERE id > ? ORDER BY id LIMIT 1'),
      historyNote: db.prepare('SELECT note FROM bulwark_history WHERE id = ?').pluck(),
      historyTruncate: db.prepare('DELETE FROM bulwark_history WHERE id > ?'),
      historyInsert: db.prepare('INSERT INTO bulwark_history (note, created_at, before_json, after_json) VALUES (?, ?, ?, ?)'),
      historyDropOldest: db.prepare(
        'DELETE FROM bulwark_history WHERE id < (SELECT id FROM bulwark_history ORDER BY id DESC LIMIT 1 OFFSET ?)',
      ),
    };
  }

  private tableStatements(table: string, cols: string[]): TableStatements {
    const withFid = [...cols, 'fid'];
    const t = quoteId(table);
    const list = cols.map(quoteId).join(', ');
    const sets = cols.filter((c) => c !== 'feature_id').map((c) => `${quoteId(c)} = ?`).join(', ');
    const db = this.db;
    return {
      table,
      all: db.prepare(`SELECT ${list}, "fid" FROM ${t} ORDER BY fid`).raw(),
      page: db.prepare(`SELECT ${list}, "fid" FROM ${t} WHERE fid > ? ORDER BY fid LIMIT ${PAGE_ROWS}`).raw(),
      byId: db.prepare(`SELECT ${list}, "fid" FROM ${t} WHERE feature_id = ?`).raw(),
      insert: db.prepare(`INSERT INTO ${t} (${withFid.map(quoteId).join(', ')}) VALUES (${withFid.map(() => '?').join(', ')})`),
      // An update keeps the row's fid, so GIS tools see an edit, not a delete and an insert. (Not an
      // UPSERT: its conflict policy would override the R-tree triggers' INSERT OR REPLACE.)
      update: db.prepare(`UPDATE ${t} SET ${sets} WHERE feature_id = ?`),
      remove: db.prepare(`DELETE FROM ${t} WHERE feature_id = ?`),
      ids: db.prepare(`SELECT feature_id FROM ${t}`).pluck(),
      // The extent only grows (§1.1.3.1.1 calls it informative): a delete never costs a scan.
      touch: db.prepare(
        `UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
           min_x = coalesce(min(coalesce(min_x, @minX), @minX), min_x), max_x = coalesce(max(coalesce(max_x, @maxX), @maxX), max_x),
           min_y = coalesce(min(coalesce(min_y, @minY), @minY), min_y), max_y = coalesce(max(coalesce(max_y, @maxY), @maxY), max_y)
         WHERE table_name = @table`,
      ),
    };
  }

  private alive(): void {
    if (this.closed) throw new ApiError('no_project', `${basename(this.path)} is closed`);
  }

  private guard<T>(fn: () => T): T {
    this.alive();
    try {
      return fn();
    } catch (e) {
      throw asOpenError(e, basename(this.path));
    }
  }

  // ---- features ------------------------------------------------------------------------------

  private tableFor(kind: string): string {
    return KIND_TABLE_BY_KIND.get(kind)?.table ?? UNKNOWN_KIND_TABLE;
  }

  private rowToFeature(table: string, row: unknown[]): SceneFeature {
    const t = KIND_TABLE_BY_KIND.get(table);
    return t ? kindRowToFeature(t, row) : unknownRowToFeature(row);
  }

  /** Loads the whole id → table index; worth it only when a change touches many features. */
  private loadIndex(): void {
    const index = new Map<string, string>();
    for (const st of this.stmts.values()) for (const id of st.ids.all() as string[]) index.set(id, st.table);
    this.index = index;
  }

  private locate(id: string): string | undefined {
    if (this.index) return this.index.get(id);
    return this.locateStmt.get({ id }) as string | undefined;
  }

  private nextFid(): number {
    if (this.maxFid === null) this.maxFid = (this.q.maxFid.get() as number | null) ?? 0;
    return ++this.maxFid;
  }

  private snapshot(id: string): Snapshot {
    const table = this.locate(id);
    const row = table ? (this.stmts.get(table)!.byId.get(id) as unknown[] | undefined) : undefined;
    if (!table || !row) return { id, seq: null, feature: null };
    return { id, seq: row[row.length - 1] as number, feature: this.rowToFeature(table, row) };
  }

  /**
   * Writes one feature (insert or replace, moving it between tables if its kind changed). A new
   * feature's fid comes from one counter across all kind tables, so fid order is scene order;
   * `seq` puts a feature back at the fid it had (undo, redo, a kind change).
   */
  private write(f: SceneFeature, seq: number | null, readBack = true): { feature: SceneFeature; fid: number } {
    const table = this.tableFor(f.properties.kind);
    const old = this.locate(f.id);
    let fid = seq;
    if (old && old !== table) {
      const st = this.stmts.get(old)!;
      const row = st.byId.get(f.id) as unknown[];
      fid ??= row[row.length - 1] as number;
      st.remove.run(f.id);
      this.touched.add(old);
    }
    const kt: KindTable | undefined = KIND_TABLE_BY_KIND.get(table);
    const { values, hasZ } = kt ? kindRowValues(kt, f) : unknownRowValues(f);
    if (hasZ) allowZ(this.db, table);
    const env = geometryEnvelope(f.geometry as GeoJsonGeometry);
    if (env) {
      const e = this.extents.get(table);
      if (!e) this.extents.set(table, [...env]);
      else {
        if (env[0] < e[0]) e[0] = env[0];
        if (env[1] > e[1]) e[1] = env[1];
        if (env[2] < e[2]) e[2] = env[2];
        if (env[3] > e[3]) e[3] = env[3];
      }
    }
    const st = this.stmts.get(table)!;
    if (old === table) {
      st.update.run([values[0], ...values.slice(2), values[1]]);
      fid = (st.byId.get(f.id) as unknown[]).at(-1) as number;
    } else {
      fid ??= this.nextFid();
      if (fid > (this.maxFid ?? 0)) this.maxFid = fid;
      st.insert.run([...values, fid]);
      if (this.bulkRtree && env) this.bulkRtree.get(table)!.run(fid, env[0], env[1], env[2], env[3]);
    }
    this.index?.set(f.id, table);
    this.touched.add(table);
    return { feature: readBack ? this.rowToFeature(table, values) : f, fid };
  }

  private remove(id: string): boolean {
    const table = this.locate(id);
    if (!table) return false;
    this.stmts.get(table)!.remove.run(id);
    this.index?.delete(id);
    this.touched.add(table);
    return true;
  }

  private touched = new Set<string>();
  /** Envelope [minX, maxX, minY, maxY] of what the running transaction wrote, per table. */
  private extents = new Map<string, number[]>();

  /** Runs `fn` in one SQLite transaction; on failure the in-memory index is reloaded from the file. */
  private inTransaction<T>(fn: () => T): T {
    this.touched = new Set();
    this.extents = new Map();
    // Another process (the CLI, QGIS) may have added features since: re-read the fid counter.
    this.maxFid = null;
    try {
      const result = this.db.transaction(() => {
        const r = fn();
        this.flushTouched();
        this.q.setMeta.run('modified_at', nowIso());
        return r;
      })();
      return result;
    } catch (e) {
      this.index = null;
      this.maxFid = null;
      throw e;
    }
  }

  /** Bulk load used when a project is created from a scene: no history, features in scene order. */
  loadInitial(features: readonly SceneFeature[]): void {
    // The R-tree insert triggers call back into JS four times a row (≈ 35 % of a 100,000-feature
    // load); a bulk load into empty tables fills the index itself from the envelopes it computes.
    const triggers = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree\\_%\\_insert' ESCAPE '\\'")
      .all() as { name: string; sql: string }[];
    for (const t of triggers) this.db.exec(`DROP TRIGGER ${quoteId(t.name)}`);
    this.bulkRtree = new Map([...this.stmts.keys()].map((t) => [t, this.db.prepare(`INSERT INTO ${quoteId(`rtree_${t}_geom`)} VALUES (?, ?, ?, ?, ?)`)]));
    try {
      this.index = new Map();
      for (const f of features) this.write(f, null, false);
      this.index = null;
      this.flushTouched();
    } finally {
      this.bulkRtree = null;
      for (const t of triggers) this.db.exec(t.sql);
    }
  }

  /** Set during loadInitial only: table → INSERT into its R-tree. */
  private bulkRtree: Map<string, Database.Statement> | null = null;

  /** Stamps gpkg_contents of every table the transaction wrote: last_change and the grown extent. */
  private flushTouched(): void {
    for (const table of this.touched) {
      const e = this.extents.get(table);
      // Only deletes: the NULL bounds leave the stored extent as it was.
      this.stmts.get(table)!.touch.run({ table, minX: e?.[0] ?? null, maxX: e?.[1] ?? null, minY: e?.[2] ?? null, maxY: e?.[3] ?? null });
    }
    this.touched = new Set();
    this.extents = new Map();
  }

  readScene(): Scene {
    return this.guard(() => ({ type: 'FeatureCollection', bulwark: this.sceneMeta(), features: this.readFeatures() }));
  }

  private readFeatures(kind?: string): SceneFeature[] {
    const tables = kind === undefined ? [...this.stmts.keys()] : [this.tableFor(kind)];
    const lists: { features: SceneFeature[]; fids: number[] }[] = [];
    let total = 0;
    for (const table of tables) {
      const rows = this.stmts.get(table)!.all.all() as unknown[][];
      const features: SceneFeature[] = [];
      const fids: number[] = [];
      for (const row of rows) {
        const f = this.rowToFeature(table, row);
        if (kind !== undefined && f.properties.kind !== kind) continue;
        features.push(f);
        fids.push(row[row.length - 1] as number);
      }
      if (features.length) lists.push({ features, fids });
      total += features.length;
    }
    if (lists.length === 1) return lists[0].features;
    // Each table is in fid order already: merge them into scene order (fid order) without sorting.
    const out: SceneFeature[] = new Array(total);
    const at = new Array<number>(lists.length).fill(0);
    for (let n = 0; n < total; n++) {
      let best = -1;
      let bestFid = Infinity;
      for (let i = 0; i < lists.length; i++) {
        const fid = lists[i].fids[at[i]];
        if (fid !== undefined && fid < bestFid) {
          bestFid = fid;
          best = i;
        }
      }
      out[n] = lists[best].features[at[best]++];
    }
    return out;
  }

  *features(kind?: string): Generator<SceneFeature> {
    this.alive();
    const tables = kind === undefined ? [...this.stmts.keys()] : [this.tableFor(kind)];
    // Pages of each table, merged by fid: memory stays at one page per table, whatever the size.
    const cursors = tables.map((table) => ({ table, rows: [] as unknown[][], i: 0, after: 0, done: false }));
    const name = basename(this.path);
    const refill = (c: (typeof cursors)[number]): void => {
      try {
        c.rows = this.stmts.get(c.table)!.page.all(c.after) as unknown[][];
      } catch (e) {
        throw asOpenError(e, name);
      }
      c.i = 0;
      c.done = c.rows.length === 0;
    };
    for (const c of cursors) refill(c);
    for (;;) {
      let best: (typeof cursors)[number] | undefined;
      let bestFid = Infinity;
      for (const c of cursors) {
        if (c.done) continue;
        const fid = c.rows[c.i].at(-1) as number;
        if (fid < bestFid) {
          bestFid = fid;
          best = c;
        }
      }
      if (!best) return;
      const row = best.rows[best.i++];
      const f = this.rowToFeature(best.table, row);
      if (best.i === best.rows.length) {
        best.after = bestFid;
        refill(best);
      }
      if (kind === undefined || f.properties.kind === kind) yield f;
    }
  }

  listFeatures(kind?: string): SceneFeature[] {
    return this.guard(() => this.readFeatures(kind));
  }

  counts(): Record<string, number> {
    return this.guard(() => {
      const out: Record<string, number> = {};
      for (const t of KIND_TABLES) {
        const n = this.db.prepare(`SELECT COUNT(*) FROM ${quoteId(t.table)}`).pluck().get() as number;
        if (n) out[t.kind] = n;
      }
      for (const [k, c] of this.db.prepare(`SELECT kind, COUNT(*) FROM ${quoteId(UNKNOWN_KIND_TABLE)} GROUP BY kind ORDER BY kind`).raw().all() as [string, number][]) {
        out[k] = (out[k] ?? 0) + c;
      }
      return out;
    });
  }

  transact(change: Change): ChangeResult {
    this.alive();
    const puts = change.put ?? [];
    const deletes = change.delete ?? [];
    if (typeof change.note !== 'string' || change.note === '') throw new ApiError('invalid_argument', 'transact: note is required');
    checkFeatures(puts, basename(this.path));
    return this.guard(() =>
      this.inTransaction(() => {
        const vehicles = change.vehicles === undefined ? null : this.vehicleEntries(change.vehicles);
        // Thousands of ids (an import): one scan of all ids beats a lookup per id.
        if (puts.length + deletes.length > 2000) this.loadIndex();
        const touched = new Map<string, { before: Snapshot; after: Snapshot }>();
        const touch = (id: string): { before: Snapshot; after: Snapshot } => {
          let t = touched.get(id);
          if (!t) {
            const before = this.snapshot(id);
            t = { before, after: before };
            touched.set(id, t);
          }
          return t;
        };
        for (const id of deletes) {
          const t = touch(id);
          if (this.remove(id)) t.after = { id, seq: null, feature: null };
        }
        for (const f of puts) {
          const t = touch(f.id);
          const { feature, fid } = this.write(structuredClone(f), null);
          t.after = { id: f.id, seq: fid, feature };
        }
        const entries = [...touched.values()].filter((t) => t.before.feature !== null || t.after.feature !== null);
        if (vehicles) entries.push(vehicles);
        if (entries.length) {
          this.q.historyTruncate.run(this.cursor());
          const info = this.q.historyInsert.run(
            change.note,
            nowIso(),
            JSON.stringify(entries.map((e) => e.before)),
            JSON.stringify(entries.map((e) => e.after)),
          );
          this.q.setMeta.run('history_cursor', String(info.lastInsertRowid));
          this.q.historyDropOldest.run(HISTORY_MAX_STEPS - 1);
        }
        this.index = null;
        return this.result(entries.map((e) => e.after), entries.map((e) => e.before));
      }),
    );
  }

  private result(now: Snapshot[], was: Snapshot[]): ChangeResult {
    const put = now.filter((s) => s.feature !== null).map((s) => s.feature!);
    const deleted = now.filter((s, i) => s.feature === null && s.id !== VEHICLES_ENTRY && was[i]?.feature !== null).map((s) => s.id);
    const vehicles = now.find((s) => s.id === VEHICLES_ENTRY);
    const out: ChangeResult = { put, deleted, history: this.historyStateNow() };
    if (vehicles) out.vehicles = vehicles.vehicles ?? null;
    return out;
  }

  private storedSceneMeta(): Record<string, unknown> {
    return JSON.parse(this.metaValue('scene_meta') ?? '{"version":1}') as Record<string, unknown>;
  }

  /**
   * Checks a new vehicle table and writes it; returns its history entry, or null when the table
   * is unchanged. A refused table throws before anything is written.
   */
  private vehicleEntries(next: VehicleClassInput[] | null): { before: Snapshot; after: Snapshot } | null {
    const stored = this.storedSceneMeta();
    const was = Array.isArray(stored.vehicles) ? (stored.vehicles as VehicleClassInput[]) : null;
    const now = next === null || next.length === 0 ? null : structuredClone(next);
    const problems = vehicleTableProblems(now ?? [], was ?? []);
    if (problems.length) {
      const findings: Finding[] = problems.map((p) => ({ severity: 'error', property: `bulwark.vehicles.${p.code}.${p.field}`, message: p.message }));
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw new ApiError('invalid_scene', `${basename(this.path)}: vehicle table: ${problems[0].message}${more}`, findings);
    }
    if (JSON.stringify(was) === JSON.stringify(now)) return null;
    this.writeVehicles(now);
    return { before: { id: VEHICLES_ENTRY, seq: null, feature: null, vehicles: was }, after: { id: VEHICLES_ENTRY, seq: null, feature: null, vehicles: now } };
  }

  private writeVehicles(vehicles: VehicleClassInput[] | null): void {
    const stored = this.storedSceneMeta();
    if (vehicles === null) delete stored.vehicles;
    else setOwn(stored, 'vehicles', vehicles);
    this.q.setMeta.run('scene_meta', JSON.stringify(stored));
  }

  private cursor(): number {
    return Number(this.q.getMeta.get('history_cursor') ?? 0);
  }

  /** Puts back the given snapshots exactly: features with their ids, properties and scene order. */
  private restore(states: Snapshot[]): void {
    if (states.length > 2000) this.loadIndex();
    for (const s of states) {
      if (s.id === VEHICLES_ENTRY) {
        if (s.vehicles !== undefined) this.writeVehicles(s.vehicles);
      } else if (s.feature === null) this.remove(s.id);
      else this.write(s.feature, s.seq);
    }
    this.index = null;
  }

  undo(): ChangeResult | null {
    return this.guard(() =>
      this.inTransaction(() => {
        const cursor = this.cursor();
        const row = this.q.historyAt.get(cursor) as { before_json: string; after_json: string } | undefined;
        if (!row) return null;
        const before = JSON.parse(row.before_json) as Snapshot[];
        const after = JSON.parse(row.after_json) as Snapshot[];
        this.restore(before);
        this.q.setMeta.run('history_cursor', String((this.q.historyPrev.get(cursor) as number | null) ?? 0));
        return this.result(before, after);
      }),
    );
  }

  redo(): ChangeResult | null {
    return this.guard(() =>
      this.inTransaction(() => {
        const next = this.q.historyNext.get(this.cursor()) as { id: number } | undefined;
        if (!next) return null;
        const row = this.q.historyAt.get(next.id) as { before_json: string; after_json: string };
        const before = JSON.parse(row.before_json) as Snapshot[];
        const after = JSON.parse(row.after_json) as Snapshot[];
        this.restore(after);
        this.q.setMeta.run('history_cursor', String(next.id));
        return this.result(after, before);
      }),
    );
  }

  private historyStateNow(): HistoryState {
    const cursor = this.cursor();
    const undoNote = cursor ? ((this.q.historyNote.get(cursor) as string | undefined) ?? null) : null;
    const next = this.q.historyNext.get(cursor) as { note: string } | undefined;
    return { canUndo: undoNote !== null, canRedo: next !== undefined, undoNote, redoNote: next?.note ?? null };
  }

  historyState(): HistoryState {
    return this.guard(() => this.historyStateNow());
  }

  // ---- metadata and settings -----------------------------------------------------------------

  private metaValue(key: string): string | null {
    return (this.q.getMeta.get(key) as string | null | undefined) ?? null;
  }

  private storedSettings(): Record<string, PropertyValue> {
    const out: Record<string, PropertyValue> = {};
    for (const [k, v] of this.q.settings.all() as [string, string][]) out[k] = JSON.parse(v) as PropertyValue;
    return out;
  }

  /** The scene's `bulwark` member: stored key order, with name, marking and settings from their own places. */
  private sceneMeta(): SceneMeta {
    const stored = JSON.parse(this.metaValue('scene_meta') ?? '{"version":1}') as Record<string, unknown>;
    const name = this.metaValue('name');
    const marking = this.metaValue('marking');
    const settings = this.storedSettings();
    const hasSettings = Object.keys(settings).length > 0;
    const out: Record<string, unknown> = { version: 1 };
    const put = (key: string): void => {
      if (key === 'name') {
        if (name !== null) out.name = name;
      } else if (key === 'marking') {
        if (marking !== null) out.marking = marking;
      } else if (key === 'settings') {
        // An explicit `settings: {}` is kept too: its key stays in the stored order.
        if (hasSettings || 'settings' in stored) out.settings = settings;
      } else if (key !== 'version') setOwn(out, key, stored[key]);
    };
    for (const key of Object.keys(stored)) put(key);
    for (const key of ['name', 'marking', 'settings']) if (!(key in stored)) put(key);
    return out as SceneMeta;
  }

  meta(): { name: string; marking: string | null; createdAt: string; modifiedAt: string; sceneMeta: Scene['bulwark'] } {
    return this.guard(() => ({
      name: this.metaValue('name') ?? basename(this.path, extname(this.path)),
      marking: this.metaValue('marking'),
      createdAt: this.metaValue('created_at') ?? '',
      modifiedAt: this.metaValue('modified_at') ?? '',
      sceneMeta: this.sceneMeta(),
    }));
  }

  setMeta(patch: { name?: string; marking?: string | null; sceneMeta?: Partial<Scene['bulwark']> }): void {
    this.guard(() =>
      this.inTransaction(() => {
        const sceneMeta = { ...(patch.sceneMeta ?? {}) } as Record<string, unknown>;
        if (patch.name !== undefined) sceneMeta.name = patch.name;
        if (patch.marking !== undefined) sceneMeta.marking = patch.marking;
        writeSceneMeta(this.db, sceneMeta, false);
      }),
    );
  }

  getSettings(): Settings {
    return this.guard(() => ({ ...DEFAULT_SETTINGS, ...this.storedSettings() }) as Settings);
  }

  /** Checks the whole patch first (the API's schema): a refused value writes nothing. */
  setSettings(patch: Partial<Settings>): Settings {
    parseApiArgument('setSettings', patch);
    this.guard(() =>
      this.inTransaction(() => {
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) this.q.setSetting.run(k, JSON.stringify(v));
      }),
    );
    return this.getSettings();
  }

  saveCopyTo(path: string): void {
    this.guard(() => {
      if (existsSync(path)) throw new ApiError('io', `${basename(path)} already exists; choose another name`);
      this.db.prepare('VACUUM INTO ?').run(path);
      // The copy is a standalone file: rollback journal, so it opens from read-only media too.
      const copy = openSqlite(path);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    OPEN_PATHS.delete(normalise(this.path));
    this.db.close();
  }
}

/**
 * Writes the `bulwark` member: name and marking to their keys, settings to the settings table, the
 * rest (with the key order) to `scene_meta`. With `replace`, the stored member is replaced whole.
 */
function writeSceneMeta(db: Database.Database, meta: Record<string, unknown>, replace: boolean): void {
  const get = db.prepare('SELECT value FROM bulwark_project WHERE key = ?').pluck();
  const set = db.prepare('INSERT INTO bulwark_project (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const stored = replace ? { version: 1 } : (JSON.parse((get.get('scene_meta') as string | undefined) ?? '{"version":1}') as Record<string, unknown>);
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'version' || value === undefined) continue;
    if (key === 'name') {
      set.run('name', typeof value === 'string' ? value : null);
      stored.name = null; // position only; the value lives under its own key
    } else if (key === 'marking') {
      set.run('marking', typeof value === 'string' ? value : null);
      stored.marking = null;
    } else if (key === 'settings') {
      db.prepare('DELETE FROM bulwark_settings').run();
      const put = db.prepare('INSERT INTO bulwark_settings (key, value_json) VALUES (?, ?)');
      for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) if (v !== undefined) put.run(k, JSON.stringify(v));
      stored.settings = null;
    } else setOwn(stored, key, value);
  }
  set.run('scene_meta', JSON.stringify(stored));
}

function openStore(path: string): GpkgProjectStore {
  const key = normalise(path);
  if (OPEN_PATHS.has(key)) throw new ApiError('io', `${basename(path)} is already open`);
  checkProjectFile(path);
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { fileMustExist: true });
    configureConnection(db);
    const conn = db;
    conn.transaction(() => {
      runMigrations(conn, nowIso());
      syncKindTables(conn);
    })();
    const store = new GpkgProjectStore(db, path);
    OPEN_PATHS.add(key);
    return store;
  } catch (e) {
    db?.close();
    throw asOpenError(e, basename(path));
  }
}

/** Opens an existing Bulwark project; never writes to a file that is not one (see checkProjectFile). */
export function openGpkgProjectStore(path: string): ProjectStore {
  return openStore(path);
}

/**
 * Creates a new project file, optionally filled from a scene (validated first; nothing is written
 * when it is invalid). The file is built beside its destination and renamed into place, so a
 * crash while creating never leaves half a project at `path`.
 */
export function createGpkgProjectStore(path: string, options: CreateProjectOptions = {}): ProjectStore {
  const name = basename(path);
  if (isProjectOpen(path)) throw new ApiError('io', `${name} is open; close it before replacing it`);
  if (existsSync(path) && !options.overwrite) throw new ApiError('io', `${name} already exists`);
  const scene = options.scene;
  if (scene) {
    const v = validateScene(scene);
    if (!v.valid) {
      const first = v.findings.find((f) => f.severity === 'error')!;
      throw new ApiError('invalid_scene', `${name}: ${formatFinding(first)}`, v.findings);
    }
    // validateScene has checked every feature; what remains is the store's own rule.
    const output = scene.features.find((f) => isOutputKind(f.properties.kind));
    if (output) checkFeatures([output], name);
  }
  const tmp = `${path}.creating-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
  try {
    const db = openSqlite(tmp);
    try {
      // The temporary file is thrown away on failure, so it needs no journal while it is built.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      registerGeoPackageFunctions(db);
      setGeoPackageHeader(db);
      const now = nowIso();
      db.transaction(() => {
        runMigrations(db, now);
        syncKindTables(db);
        const set = db.prepare('INSERT INTO bulwark_project (key, value) VALUES (?, ?)');
        set.run('created_at', now);
        set.run('modified_at', now);
        set.run('history_cursor', '0');
        const meta: Record<string, unknown> = { version: 1, ...(scene?.bulwark ?? {}) };
        if (options.name !== undefined) meta.name = options.name;
        writeSceneMeta(db, meta, true);
        if (scene) {
          const store = new GpkgProjectStore(db, tmp);
          store.loadInitial(scene.features);
        }
      })();
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    } finally {
      db.close();
    }
    if (existsSync(path)) rmSync(path);
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    renameSync(tmp, path);
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
    if (e instanceof ApiError) throw e;
    throw new ApiError('io', `${name} could not be created: ${(e as Error).message}`);
  }
  return openStore(path);
}

/**
 * Reads the scene of a project without opening it for editing: checked like `open`, then read
 * through a read-only connection, so exporting or converting never writes to the file.
 */
export function readGpkgProjectScene(path: string): Scene {
  checkProjectFile(path);
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    registerGeoPackageFunctions(db); // the store prepares its writes up front; they need the R-tree functions
    return new GpkgProjectStore(db, path).readScene();
  } catch (e) {
    throw asOpenError(e, basename(path));
  } finally {
    db?.close();
  }
}
