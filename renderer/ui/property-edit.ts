import { propertyProblem, type PropertySpec } from '../../core/scene/index.js';
import type { PropertyValue, SceneFeature } from '../../core/scene/types.js';

export type ParsedField = { ok: true; value: PropertyValue | undefined } | { ok: false; message: string };

/**
 * What the planner typed into a property field, as a value of the scene format: empty means
 * "use the default" (the property is removed), numbers accept a decimal comma, and every value
 * is checked against the kind's spec before it may be committed.
 */
export function parseField(spec: PropertySpec, raw: string | boolean): ParsedField {
  let value: PropertyValue | undefined;
  if (typeof raw === 'boolean') value = raw;
  else if (raw.trim() === '') value = undefined;
  else if (spec.type === 'number') {
    const n = Number(raw.trim().replace(',', '.'));
    if (!Number.isFinite(n)) return { ok: false, message: `${spec.key} must be a number, got "${raw.trim()}"` };
    value = n;
  } else value = raw;
  const problem = propertyProblem(spec, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

/** A copy of the feature with one property set, or removed when `value` is undefined. */
export function withProperty(f: SceneFeature, key: string, value: PropertyValue | undefined): SceneFeature {
  const properties = { ...f.properties };
  if (value === undefined) delete properties[key];
  else properties[key] = value;
  return { ...f, properties };
}

/** The placeholder of an empty field: the default, or how it is derived. */
export function placeholderOf(spec: PropertySpec): string {
  if ('derivedDefault' in spec && spec.derivedDefault) return `derived: ${spec.derivedDefault}`;
  if ('default' in spec && spec.default !== undefined) return `default ${String(spec.default)}`;
  return 'not set';
}
