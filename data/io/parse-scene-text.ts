import type { Scene } from '../../core/scene/types.js';
import { formatFinding, validateScene, type Finding } from '../../core/scene/validate.js';
import { ApiError } from '../api/contract.js';
import { jsonSyntaxError } from './json-syntax-error.js';

/**
 * Reads scene format v1 from text (a `.geojson`/`.json` file). Not JSON → ApiError('unreadable')
 * naming the line and column; JSON but not a valid scene → ApiError('invalid_scene') with every
 * finding. A valid scene comes back with its warnings (unknown kinds, …). A `name` of null is read as
 * no name: GIS exports (QGIS, GDAL's GeoJSON driver) write null for every empty attribute cell, and
 * an unnamed building is not an error.
 */
export function parseSceneText(text: string, fileName: string): { scene: Scene; findings: Finding[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 BOM is not JSON
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const at = jsonSyntaxError(body);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.message}` : (e as Error).message;
    throw new ApiError('unreadable', `${fileName} is not valid JSON: ${where}`);
  }
  dropNullNames(doc);
  const v = validateScene(doc);
  if (!v.valid) {
    const errors = v.findings.filter((f) => f.severity === 'error');
    const first = errors[0] ?? v.findings[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ApiError('invalid_scene', `${fileName}: ${first ? formatFinding(first) : 'not a scene'}${more}`, v.findings);
  }
  return { scene: v.scene, findings: v.findings };
}

function dropNullNames(doc: unknown): void {
  const features = (doc as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return;
  for (const f of features) {
    const props = (f as { properties?: Record<string, unknown> } | null)?.properties;
    if (props && typeof props === 'object' && props.name === null) delete props.name;
  }
}
