/**
 * Image-detail levels of IEC 62676-4 as data (shared/reference/cctv.md §1.1, §1.2). The standard
 * is paywalled: the 2014 rows are cross-checked from two secondary sources, the 2025 rows rest on
 * JVSG alone and carry `verify: true` so the UI can say so.
 */
export interface DoriLevel {
  /** Lower-case level name, as camera_view / coverage_gap `dori` values carry it. */
  name: string;
  /** Required horizontal pixel density on the target, pixels per metre. */
  ppm: number;
  source: string;
  /** True when the value rests on a single secondary source (cctv.md marks it VERIFY). */
  verify?: boolean;
}

export interface DoriPreset {
  id: string;
  title: string;
  /** Every level of the table, ascending pixel density. */
  levels: readonly DoriLevel[];
  /** The levels the coverage analysis maps by default (camera views, gaps, zone percentages). */
  reportedLevels: readonly string[];
  /**
   * The level whose reach is a camera's default `range_m` and at which k-coverage and perimeter
   * coverage are measured (scene-format.md: "range_m … the Detect distance").
   */
  detectLevel: string;
}

const SRC_2014 =
  'IEC/EN 62676-4:2014 via cctv-check.de DIN EN 62676-4 table and sicherheitstechnik-tst.de (shared/reference/cctv.md §1.1)';
const SRC_2025 = 'IEC 62676-4:2025 via JVSG https://www.jvsg.com/?p=11243 (shared/reference/cctv.md §1.2); single source, VERIFY';

export const DORI_PRESETS: readonly DoriPreset[] = [
  {
    id: 'IEC62676-4:2014',
    title: 'IEC 62676-4:2014 (DORI + Monitor/Inspect)',
    levels: [
      { name: 'monitor', ppm: 12.5, source: SRC_2014 },
      { name: 'detect', ppm: 25, source: SRC_2014 },
      { name: 'observe', ppm: 62.5, source: SRC_2014 },
      { name: 'recognise', ppm: 125, source: SRC_2014 },
      { name: 'identify', ppm: 250, source: SRC_2014 },
      { name: 'inspect', ppm: 1000, source: SRC_2014 },
    ],
    // scene-format.md lists camera_view dori values detect, observe, recognise, identify.
    reportedLevels: ['detect', 'observe', 'recognise', 'identify'],
    detectLevel: 'detect',
  },
  {
    id: 'IEC62676-4:2025',
    title: 'IEC 62676-4:2025 (OODPCVS)',
    levels: [
      { name: 'overview', ppm: 20, source: SRC_2025, verify: true },
      { name: 'outline', ppm: 40, source: SRC_2025, verify: true },
      { name: 'discern', ppm: 80, source: SRC_2025, verify: true },
      { name: 'perceive', ppm: 125, source: SRC_2025, verify: true },
      { name: 'characterise', ppm: 250, source: SRC_2025, verify: true },
      { name: 'validate', ppm: 500, source: SRC_2025, verify: true },
      { name: 'scrutinise', ppm: 1500, source: SRC_2025, verify: true },
    ],
    reportedLevels: ['overview', 'outline', 'discern', 'perceive', 'characterise', 'validate'],
    // No "detect" in the 2025 names; Overview (20 px/m) is the lowest group and the nearest to the
    // 2014 Detect 25 px/m, so it plays that role here (our choice, not the standard's).
    detectLevel: 'overview',
  },
];

export const DEFAULT_DORI_PRESET = 'IEC62676-4:2014';

/** A custom table as a scene may carry it in `bulwark.settings.dori_levels`. */
export interface CustomDoriLevelInput {
  name: string;
  ppm: number;
  source?: string;
}

/**
 * The DORI table a scene asks for: `settings.dori_levels` (custom, validated) if present, else
 * the preset named by `settings.dori_preset`, else IEC 62676-4:2014. Throws with a message naming
 * the setting when the choice is invalid.
 */
export function resolveDoriPreset(settings: { dori_preset?: unknown; dori_levels?: unknown } | undefined): DoriPreset {
  const custom = settings?.dori_levels;
  if (custom !== undefined && custom !== null) return customDoriPreset(custom);
  const id = settings?.dori_preset ?? DEFAULT_DORI_PRESET;
  const preset = DORI_PRESETS.find((p) => p.id === id);
  if (!preset) {
    throw new Error(`bulwark.settings.dori_preset: unknown preset ${JSON.stringify(id)} (known: ${DORI_PRESETS.map((p) => p.id).join(', ')})`);
  }
  return preset;
}

/**
 * A user table: each level a non-empty distinct name and a positive, distinct px/m. Sorted by
 * density. All levels are reported; the Detect role goes to a level named "detect", else to the
 * lowest density.
 */
export function customDoriPreset(input: unknown): DoriPreset {
  const at = 'bulwark.settings.dori_levels';
  if (!Array.isArray(input) || input.length === 0) throw new Error(`${at} must be a non-empty array of { name, ppm }`);
  const levels: DoriLevel[] = input.map((row: unknown, i) => {
    const r = row as Partial<CustomDoriLevelInput> | null;
    if (!r || typeof r !== 'object') throw new Error(`${at}[${i}] must be an object { name, ppm }`);
    if (typeof r.name !== 'string' || r.name.trim() === '') throw new Error(`${at}[${i}].name must be non-empty text`);
    if (typeof r.ppm !== 'number' || !Number.isFinite(r.ppm) || r.ppm <= 0) {
      throw new Error(`${at}[${i}].ppm must be a positive number of pixels per metre, got ${JSON.stringify(r.ppm)}`);
    }
    return { name: r.name.trim().toLowerCase(), ppm: r.ppm, source: typeof r.source === 'string' ? r.source : 'user table' };
  });
  const names = new Set<string>();
  const densities = new Set<number>();
  for (const l of levels) {
    if (names.has(l.name)) throw new Error(`${at}: level name "${l.name}" is used twice`);
    if (densities.has(l.ppm)) throw new Error(`${at}: density ${l.ppm} px/m is used twice`);
    names.add(l.name);
    densities.add(l.ppm);
  }
  levels.sort((a, b) => a.ppm - b.ppm);
  return {
    id: 'custom',
    title: 'Custom table',
    levels,
    reportedLevels: levels.map((l) => l.name),
    detectLevel: names.has('detect') ? 'detect' : levels[0].name,
  };
}

/** The reported levels of a preset, as level rows in ascending density. */
export function reportedLevels(preset: DoriPreset): DoriLevel[] {
  return preset.levels.filter((l) => preset.reportedLevels.includes(l.name));
}

export function doriLevel(preset: DoriPreset, name: string): DoriLevel {
  const l = preset.levels.find((x) => x.name === name);
  if (!l) throw new Error(`DORI table ${preset.id} has no level "${name}"`);
  return l;
}
