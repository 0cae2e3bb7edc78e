import { isInputKind, isOutputKind, KIND_GEOMETRIES, type GeometryType, type InputKind } from './kinds.js';
import { KIND_PROPERTIES, type PropertySpec } from './properties.js';
import { lineProblem, positionProblem, ringProblem } from './geometry-check.js';
import type { Scene, SceneFeature, SceneMeta } from './types.js';

/** One thing wrong with a scene, placed as precisely as we can (feature id, property). */
export interface Finding {
  severity: 'error' | 'warning';
  featureId?: string;
  property?: string;
  message: string;
}

export type SceneValidation =
  | { valid: true; scene: Scene; findings: Finding[] }
  | { valid: false; scene?: undefined; findings: Finding[] };

export const SCENE_VERSIONS_READ = [1] as const;

/** The message a planner sees: `feature cam-3: hfov_deg must be in (0, 360], got 400`. */
export function formatFinding(f: Finding): string {
  const place = f.featureId !== undefined ? `feature ${f.featureId}: ` : '';
  return `${place}${f.message}`;
}

function describeRange(spec: Extract<PropertySpec, { type: 'number' }>): string {
  const lo = spec.min === undefined ? '(-∞' : `${spec.minExclusive ? '(' : '['}${spec.min}`;
  const hi = spec.max === undefined ? '∞)' : `${spec.max}]`;
  return `${lo}, ${hi}`;
}

/** What is wrong with one property value against its spec, or undefined. */
export function propertyProblem(spec: PropertySpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (spec.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.key} must be a number, got ${JSON.stringify(value)}`;
      const below = spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
      const above = spec.max !== undefined && value > spec.max;
      if (below || above) return `${spec.key} must be in ${describeRange(spec)}, got ${value}`;
      if (spec.integer && !Number.isInteger(value)) return `${spec.key} must be a whole number, got ${value}`;
      return undefined;
    }
    case 'string':
      return typeof value === 'string' ? undefined : `${spec.key} must be text, got ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${spec.key} must be true or false, got ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? undefined
        : `${spec.key} must be one of ${spec.values.join(', ')}, got ${JSON.stringify(value)}`;
  }
}

/** What is wrong with a geometry for a kind, or undefined. */
export function geometryProblem(kind: string, geometry: unknown): string | undefined {
  if (!geometry || typeof geometry !== 'object') return 'has no geometry';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const allowed: readonly GeometryType[] | undefined = isInputKind(kind) ? KIND_GEOMETRIES[kind] : undefined;
  if (allowed && !allowed.includes(g.type as GeometryType)) {
    return `geometry ${String(g.type)} is not allowed for ${kind} (allowed: ${allowed.join(', ')})`;
  }
  switch (g.type) {
    case 'Point':
      return positionProblem(g.coordinates);
    case 'LineString':
      return lineProblem(g.coordinates, 'line');
    case 'Polygon':
      return polygonProblem(g.coordinates, 'ring');
    case 'MultiPolygon': {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'MultiPolygon has no polygons';
      for (let i = 0; i < g.coordinates.length; i++) {
        const p = polygonProblem(g.coordinates[i], `polygon ${i + 1} ring`);
        if (p) return p;
      }
      return undefined;
    }
    default:
      if (allowed) return `geometry type ${String(g.type)} is not supported`;
      return undefined;
  }
}

function polygonProblem(rings: unknown, label: string): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return 'polygon has no rings';
  for (let i = 0; i < rings.length; i++) {
    const p = ringProblem(rings[i], i === 0 ? `outer ${label}` : `hole ${label} ${i}`);
    if (p) return p;
  }
  return undefined;
}

function metaFindings(meta: unknown): Finding[] {
  if (!meta || typeof meta !== 'object') {
    return [{ severity: 'error', message: `missing top-level "bulwark" member; this reader reads version ${SCENE_VERSIONS_READ.join(', ')}` }];
  }
  const m = meta as Partial<SceneMeta> & Record<string, unknown>;
  if (!(SCENE_VERSIONS_READ as readonly unknown[]).includes(m.version)) {
    return [{ severity: 'error', message: `unknown bulwark.version ${JSON.stringify(m.version)}; this reader reads version ${SCENE_VERSIONS_READ.join(', ')}` }];
  }
  const findings: Finding[] = [];
  if (m.name !== undefined && typeof m.name !== 'string') findings.push({ severity: 'error', message: 'bulwark.name must be text' });
  if (m.marking !== undefined && typeof m.marking !== 'string') findings.push({ severity: 'error', message: 'bulwark.marking must be text' });
  if (m.vehicles !== undefined) {
    if (!Array.isArray(m.vehicles)) findings.push({ severity: 'error', message: 'bulwark.vehicles must be an array' });
    else m.vehicles.forEach((v, i) => findings.push(...vehicleFindings(v, i)));
  }
  if (m.settings !== undefined && (typeof m.settings !== 'object' || m.settings === null || Array.isArray(m.settings))) {
    findings.push({ severity: 'error', message: 'bulwark.settings must be an object' });
  }
  return findings;
}

const VEHICLE_NUMBERS: [string, number, number][] = [
  ['mass_kg', 0, 1e6],
  ['width_m', 0, 10],
  ['accel_mps2', 0, 20],
  ['top_speed_kmh', 0, 400],
  ['min_turn_radius_m', 0, 100],
  ['lateral_g', 0, 3],
];

function vehicleFindings(v: unknown, i: number): Finding[] {
  const at = `bulwark.vehicles[${i}]`;
  if (!v || typeof v !== 'object') return [{ severity: 'error', message: `${at} must be an object` }];
  const o = v as Record<string, unknown>;
  const out: Finding[] = [];
  if (typeof o.code !== 'string' || o.code === '') out.push({ severity: 'error', message: `${at}.code must be non-empty text` });
  for (const [key, lo, hi] of VEHICLE_NUMBERS) {
    const x = o[key];
    if (x === undefined && o.code !== undefined) continue; // partial override of a built-in class
    if (typeof x !== 'number' || !(x > lo && x <= hi)) out.push({ severity: 'error', message: `${at}.${key} must be in (${lo}, ${hi}], got ${JSON.stringify(x)}` });
  }
  return out;
}

function featureFindings(f: unknown, index: number, seen: Set<string>): Finding[] {
  if (!f || typeof f !== 'object') return [{ severity: 'error', message: `features[${index}] is not an object` }];
  const feature = f as Partial<SceneFeature> & Record<string, unknown>;
  const rawId = feature.id;
  const featureId = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`;
  const at = (message: string, property?: string, severity: Finding['severity'] = 'error'): Finding => ({ severity, featureId, property, message });
  const out: Finding[] = [];
  if (feature.type !== 'Feature') out.push(at(`type must be "Feature", got ${JSON.stringify(feature.type)}`));
  if (typeof rawId !== 'string' || rawId === '') out.push(at(`id must be a non-empty string, got ${JSON.stringify(rawId)}`));
  else if (seen.has(rawId)) out.push(at('id is used by another feature; ids must be unique'));
  else seen.add(rawId);
  const props = feature.properties;
  if (!props || typeof props !== 'object') return [...out, at('has no properties (properties.kind is required)')];
  const kind = (props as Record<string, unknown>).kind;
  if (typeof kind !== 'string') return [...out, at('properties.kind is required')];
  const gp = geometryProblem(kind, feature.geometry);
  if (gp) out.push(at(gp));
  if (isInputKind(kind)) out.push(...kindPropertyFindings(kind, props as Record<string, unknown>, at));
  else if (!isOutputKind(kind)) out.push(at(`unknown kind "${kind}": kept, ignored by analyses`, 'kind', 'warning'));
  // Input kinds check a non-null name through their property specs already (one message, not two);
  // null is refused for every kind: the store keeps "no name" and null apart only as absent.
  const name = (props as Record<string, unknown>).name;
  if (name !== undefined && typeof name !== 'string' && (name === null || !isInputKind(kind))) {
    out.push(at(`name must be text, got ${JSON.stringify(name)}`, 'name'));
  }
  return out;
}

function kindPropertyFindings(
  kind: InputKind,
  props: Record<string, unknown>,
  at: (message: string, property?: string) => Finding,
): Finding[] {
  const out: Finding[] = [];
  for (const spec of KIND_PROPERTIES[kind]) {
    const problem = propertyProblem(spec, props[spec.key]);
    if (problem) out.push(at(problem, spec.key));
  }
  return out;
}

/**
 * Checks a parsed JSON value against scene format v1. Errors make the scene invalid; warnings
 * (unknown kinds) do not. Never throws on bad data.
 */
export function validateScene(input: unknown): SceneValidation {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { valid: false, findings: [{ severity: 'error', message: 'not a GeoJSON object' }] };
  }
  const doc = input as Record<string, unknown>;
  if (doc.type !== 'FeatureCollection') {
    return { valid: false, findings: [{ severity: 'error', message: `type must be "FeatureCollection", got ${JSON.stringify(doc.type)}` }] };
  }
  const findings = metaFindings(doc.bulwark);
  if (findings.some((f) => f.message.startsWith('unknown bulwark.version') || f.message.startsWith('missing top-level'))) {
    return { valid: false, findings };
  }
  if (!Array.isArray(doc.features)) {
    return { valid: false, findings: [...findings, { severity: 'error', message: 'features must be an array' }] };
  }
  const seen = new Set<string>();
  doc.features.forEach((f, i) => findings.push(...featureFindings(f, i, seen)));
  if (findings.some((f) => f.severity === 'error')) return { valid: false, findings };
  return { valid: true, scene: input as unknown as Scene, findings };
}

/** Validates one feature on its own (the editor's single-feature path); ids are not checked for uniqueness. */
export function validateFeature(feature: unknown): Finding[] {
  return featureFindings(feature, 0, new Set());
}
