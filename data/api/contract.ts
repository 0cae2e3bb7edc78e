import { z } from 'zod';
import type { Scene, SceneFeature, VehicleClassInput } from '../../core/scene/types.js';
import type { Finding } from '../../core/scene/validate.js';
import { BASEMAP_URL_MAX_CHARS, basemapUrlProblem } from './basemap-url.js';

/**
 * The one typed API between the UI and storage (DESIGN.md, "One typed API"). Implemented once
 * over the project store in `data/`; bound to Electron IPC in `electron/` and to the local HTTP
 * host in `data/host/`. Every method takes at most one argument, validated by the zod schema of
 * the same name before anything runs.
 */
export interface ProjectInfo {
  path: string;
  name: string;
  marking: string | null;
  featureCount: number;
  /** Counts per kind, for the layers panel. */
  counts: Record<string, number>;
  createdAt: string;
  modifiedAt: string;
}

export interface Change {
  /** Features to insert or replace whole (matched by id). */
  put?: SceneFeature[];
  /** Ids of features to delete. */
  delete?: string[];
  /**
   * The project's vehicle table (`bulwark.vehicles`, scene-format.md) replaced whole; `null`
   * removes it. Checked with `vehicleTableProblems` and recorded in the history with the features.
   */
  vehicles?: VehicleClassInput[] | null;
  /** What the planner did, shown in the undo menu: "Move camera C3". */
  note: string;
}

export interface ChangeResult {
  /** Features now stored, for each id that was put or restored. */
  put: SceneFeature[];
  /** Ids no longer stored. */
  deleted: string[];
  /** Present when the vehicle table changed (a change, its undo or redo): the table now stored, `null` for none. */
  vehicles?: VehicleClassInput[] | null;
  history: HistoryState;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoNote: string | null;
  redoNote: string | null;
}

export interface ImportReport {
  added: number;
  replaced: number;
  findings: Finding[];
  history: HistoryState;
}

/** A suspicious item dropped on the map, kept in the project's settings (`suspect_items`). */
export interface SuspectItemSetting {
  /** `item-<n>`, unique in the project. */
  id: string;
  /** A threat chart id (`briefcase`) or `custom:<kg>` (core/threats `resolveThreats`). */
  threat: string;
  /** WGS 84 [lon, lat]. */
  lonLat: [number, number];
}

export interface Settings {
  dori_preset: string;
  /** XYZ tile URL template; null (the default) means no basemap and no network request at all. */
  basemap_url: string | null;
  /** Credit the tile provider asks for, shown on the map beside its tiles. */
  basemap_attribution?: string | null;
  /** Suspicious items on the map; absent until the first item is stored. */
  suspect_items?: SuspectItemSetting[];
  units: 'metric';
  [key: string]: unknown;
}

export interface BulwarkApi {
  createProject(args: { path: string; name?: string; template?: 'empty' | 'demo' }): Promise<ProjectInfo>;
  openProject(args: { path: string }): Promise<ProjectInfo>;
  saveProjectAs(args: { path: string }): Promise<ProjectInfo>;
  closeProject(): Promise<void>;
  projectInfo(): Promise<ProjectInfo | null>;
  recentProjects(): Promise<string[]>;
  /** The whole open project as a scene (input kinds only). */
  loadScene(): Promise<Scene>;
  transact(change: Change): Promise<ChangeResult>;
  undo(): Promise<ChangeResult | null>;
  redo(): Promise<ChangeResult | null>;
  historyState(): Promise<HistoryState>;
  /** Imports a file (by path, or its text for the web host); nothing is written unless all of it is valid. */
  importScene(args: { fileName: string; path?: string; text?: string; mode: 'merge' | 'replace' }): Promise<ImportReport>;
  /** Exports the project; with a path writes the file, without returns the text (GeoJSON only). */
  exportScene(args: { format: 'geojson' | 'gpkg'; path?: string }): Promise<{ path?: string; text?: string }>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
}

export type ApiMethod = keyof BulwarkApi;

const path = z.string().min(1).max(4096);

/** Most suspicious items one project keeps (an incident has a handful; this bounds a bad write). */
export const MAX_SUSPECT_ITEMS = 500;

const basemapUrl = z.string().superRefine((url, ctx) => {
  const problem = basemapUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const suspectItem = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,60}$/, 'an item id is 1–60 letters, digits or _ . : -'),
    threat: z.string().regex(/^([a-z0-9_]{1,60}|custom:[0-9.eE+-]{1,24}(:[A-Za-z0-9]{1,20})?)$/, 'a threat is a chart id (briefcase) or custom:<kg>[:<vehicle class>]'),
    lonLat: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  })
  .strict();

/** The argument of `setSettings`: a patch; each key given replaces that setting. */
export const SETTINGS_PATCH_SCHEMA = z
  .object({
    dori_preset: z.string().max(100).optional(),
    basemap_url: basemapUrl.max(BASEMAP_URL_MAX_CHARS).nullable().optional(),
    basemap_attribution: z.string().max(300).nullable().optional(),
    suspect_items: z
      .array(suspectItem)
      .max(MAX_SUSPECT_ITEMS, `at most ${MAX_SUSPECT_ITEMS} suspicious items are kept in a project`)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'two suspicious items share an id')
      .optional(),
    units: z.literal('metric').optional(),
  })
  .strict();
const feature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().min(1).max(200),
    geometry: z.object({ type: z.enum(['Point', 'LineString', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
    properties: z.object({ kind: z.string().min(1) }).catchall(z.unknown()),
  })
  .strict();

/** A row of `bulwark.vehicles`: a built-in code with the values it changes, or a whole new vehicle (ranges: core/vehicles). */
const vehicleRow = z
  .object({
    code: z.string().min(1).max(100),
    name: z.string().max(200).optional(),
    mass_kg: z.number().optional(),
    width_m: z.number().optional(),
    accel_mps2: z.number().optional(),
    top_speed_kmh: z.number().optional(),
    min_turn_radius_m: z.number().optional(),
    lateral_g: z.number().optional(),
    brake_mps2: z.number().optional(),
    accel_curve: z.array(z.tuple([z.number(), z.number()])).max(100).optional(),
  })
  .catchall(z.unknown());

/** The argument schema of each method; `z.undefined()` for methods that take none. */
export const API_SCHEMAS = {
  createProject: z.object({ path, name: z.string().max(200).optional(), template: z.enum(['empty', 'demo']).optional() }).strict(),
  openProject: z.object({ path }).strict(),
  saveProjectAs: z.object({ path }).strict(),
  closeProject: z.undefined(),
  projectInfo: z.undefined(),
  recentProjects: z.undefined(),
  loadScene: z.undefined(),
  transact: z
    .object({
      put: z.array(feature).max(200000).optional(),
      delete: z.array(z.string().min(1)).max(200000).optional(),
      vehicles: z.array(vehicleRow).max(1000).nullable().optional(),
      note: z.string().min(1).max(500),
    })
    .strict(),
  undo: z.undefined(),
  redo: z.undefined(),
  historyState: z.undefined(),
  importScene: z
    .object({ fileName: z.string().min(1).max(1000), path: path.optional(), text: z.string().optional(), mode: z.enum(['merge', 'replace']) })
    .strict()
    .refine((a) => (a.path === undefined) !== (a.text === undefined), 'give either path or text'),
  exportScene: z.object({ format: z.enum(['geojson', 'gpkg']), path: path.optional() }).strict(),
  getSettings: z.undefined(),
  setSettings: SETTINGS_PATCH_SCHEMA,
} satisfies Record<ApiMethod, z.ZodType>;

export const API_METHODS = Object.keys(API_SCHEMAS) as ApiMethod[];

/** Errors that cross the boundary carry a code the UI can act on and a message naming the place. */
export type ApiErrorCode = 'invalid_argument' | 'no_project' | 'not_a_project' | 'corrupt' | 'invalid_scene' | 'unreadable' | 'io' | 'internal';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SerializedApiError {
  code: ApiErrorCode;
  message: string;
  findings: Finding[];
}

export function serializeApiError(e: unknown): SerializedApiError {
  if (e instanceof ApiError) return { code: e.code, message: e.message, findings: e.findings };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e), findings: [] };
}

/** Validates a method's argument; throws ApiError('invalid_argument') naming the field. */
export function parseApiArgument<M extends ApiMethod>(method: M, arg: unknown): Parameters<BulwarkApi[M]>[0] {
  const schema = API_SCHEMAS[method] as z.ZodType;
  const r = schema.safeParse(arg);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'argument';
    throw new ApiError('invalid_argument', `${method}: ${where}: ${issue.message}`);
  }
  return r.data as Parameters<BulwarkApi[M]>[0];
}

/**
 * What the desktop shell tells the window: a native menu command to run through the renderer's
 * single edit path (undo/redo/import/export), or that the open project changed underneath
 * (New, Open, Save As done by the main process) and must be reloaded.
 */
export type ShellCommand = 'undo' | 'redo' | 'delete' | 'select-all' | 'zoom-to-project' | 'import' | 'export-geojson' | 'project-settings';
export type ShellEvent = { type: 'project-changed' } | { type: 'command'; command: ShellCommand };

/**
 * The only object the Electron preload exposes (`window.bulwark`); the web host build uses an
 * HTTP implementation of the same `api` and has no shell events.
 */
export interface BulwarkBridge {
  api: BulwarkApi;
  onShellEvent(listener: (event: ShellEvent) => void): () => void;
}

/**
 * The local HTTP host protocol (tests and `npm run dev:web`): `POST /api/<method>` with header
 * `X-Bulwark-Token`, body `{"arg": ...}`; answers `{"ok": true, "value": ...}` or
 * `{"ok": false, "error": SerializedApiError}` — with HTTP 200 for a refused call (schema, domain
 * error), 500 for an internal fault, 4xx only for protocol misuse (token, host, method, body). The token reaches the page as
 * `<meta name="bulwark-token" content="...">`, injected into index.html by the host.
 */
export const HOST_TOKEN_HEADER = 'X-Bulwark-Token';
export const HOST_TOKEN_META = 'bulwark-token';
export type HostResponse<T> = { ok: true; value: T } | { ok: false; error: SerializedApiError };
