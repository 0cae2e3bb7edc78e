import { BUILT_IN_VEHICLE_CLASSES } from './vehicle-classes.js';
import { rangeText, VEHICLE_NUMBER_FIELDS, type VehicleNumberKey, type VehicleRow } from './vehicle-fields.js';

export interface VehicleRowProblem {
  /** The vehicle the problem is on. */
  code: string;
  field: 'code' | 'name' | VehicleNumberKey;
  message: string;
}

const BUILT_IN_CODES = new Set(BUILT_IN_VEHICLE_CLASSES.map((c) => c.code));
/** Codes appear in pickers, file properties (`approach_path.vehicle`) and the CLI's `--vehicle` list. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$/;

export function isBuiltInVehicleCode(code: string): boolean {
  return BUILT_IN_CODES.has(code);
}

/**
 * The problems of one row of the project's vehicle table, each naming the vehicle and the field
 * with its unit and accepted range (`VEHICLE_NUMBER_FIELDS`). A row whose code is a built-in class
 * is an override: it gives only the values it changes. Any other code is a new vehicle and needs a
 * name and every required number; its code must not clash (ignoring case) with `otherCodes`.
 */
export function validateVehicleRow(row: VehicleRow, otherCodes: readonly string[] = []): VehicleRowProblem[] {
  const code = typeof row.code === 'string' ? row.code.trim() : '';
  const label = code || 'new vehicle';
  const out: VehicleRowProblem[] = [];
  const isNew = !isBuiltInVehicleCode(code);
  if (isNew) {
    if (code === '') out.push({ code: label, field: 'code', message: 'Code is required (e.g. TRL40)' });
    else if (!CODE_PATTERN.test(code)) {
      out.push({ code: label, field: 'code', message: `Code "${code}" may use only letters, digits, ".", "_" and "-" (at most 24, no spaces)` });
    } else if (otherCodes.some((c) => c.toLowerCase() === code.toLowerCase())) {
      out.push({ code: label, field: 'code', message: `Code "${code}" is already used by another vehicle; codes must be unique` });
    }
  }
  const name = row.name;
  if (name !== undefined && typeof name !== 'string') out.push({ code: label, field: 'name', message: `${label}: name must be text` });
  else if (isNew && (name ?? '').trim() === '') out.push({ code: label, field: 'name', message: `${label}: name is required (e.g. "Tractor unit + trailer, 40 t")` });
  else if ((name ?? '').length > 80) out.push({ code: label, field: 'name', message: `${label}: name is longer than 80 characters` });
  for (const f of VEHICLE_NUMBER_FIELDS) {
    const x = row[f.key];
    if (x === undefined || x === null) {
      if (isNew && f.required) out.push({ code: label, field: f.key, message: `${label}: ${f.label} is required (${f.unit})` });
      continue;
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      out.push({ code: label, field: f.key, message: `${label}: ${f.label} must be a number in ${f.unit}` });
      continue;
    }
    const low = f.minExclusive ? x <= f.min : x < f.min;
    if (low || x > f.max) out.push({ code: label, field: f.key, message: `${label}: ${f.label} ${x} ${f.unit} is outside the accepted range (${rangeText(f)})` });
  }
  return out;
}

/**
 * The problems of a whole `bulwark.vehicles` table about to be stored: a code given twice, and
 * the rows that are new or changed against `previous` checked with `validateVehicleRow`. Rows kept
 * exactly as stored are not re-checked, so a table imported from a file with a value outside the
 * editor's ranges (but inside the file format's) can still be edited around.
 */
export function vehicleTableProblems(rows: readonly VehicleRow[], previous: readonly VehicleRow[] = []): VehicleRowProblem[] {
  const out: VehicleRowProblem[] = [];
  const kept = new Set(previous.map((r) => JSON.stringify(r)));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row || typeof row !== 'object' || typeof row.code !== 'string') {
      out.push({ code: `row ${i + 1}`, field: 'code', message: `vehicle row ${i + 1} has no code` });
      return;
    }
    const key = row.code.trim().toLowerCase();
    if (seen.has(key)) out.push({ code: row.code, field: 'code', message: `Code "${row.code}" is given twice in the vehicle table` });
    seen.add(key);
    if (kept.has(JSON.stringify(row))) return;
    out.push(...validateVehicleRow(row, []));
  });
  return out;
}
