import type { SceneMeta } from '../../core/scene/types.js';
import { isBuiltInVehicleCode, validateVehicleRow, type VehicleRowProblem } from '../../core/vehicles/validate-vehicle-row.js';
import { BUILT_IN_VEHICLE_CLASSES, type VehicleStandard } from '../../core/vehicles/vehicle-classes.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import { VEHICLE_NUMBER_FIELDS, type VehicleNumberKey, type VehicleRow } from '../../core/vehicles/vehicle-fields.js';
import { overrideRow, withoutVehicleRow, withVehicleRow } from '../../core/vehicles/vehicle-table-edits.js';

/** Where a row's values come from: the built-in table, the built-in with project values, or the planner's own vehicle. */
export type VehicleOrigin = 'built-in' | 'project value' | 'project vehicle';

export interface VehicleCell {
  value: number;
  /** The reference marks the value VERIFY or it is our estimate (`VehicleClass.verify`). */
  verify: boolean;
  /** The project's table sets this value. */
  project: boolean;
}

export interface VehicleTableRow {
  code: string;
  name: string;
  group: string;
  origin: VehicleOrigin;
  source: string;
  cells: Record<VehicleNumberKey, VehicleCell>;
}

/** A row being edited: the text of each input, as typed. */
export type VehicleForm = Record<'code' | 'name' | VehicleNumberKey, string>;

const GROUP: Record<VehicleStandard, string> = { 'IWA14-1': 'IWA 14-1 / ISO 22343-1', PAS68: 'PAS 68', 'ASTM-F2656': 'ASTM F2656' };
export const PROJECT_GROUP = 'Project vehicles';

/** The project's rows of `bulwark.vehicles` (none when the member is absent). */
export function projectVehicleRows(meta: Pick<SceneMeta, 'vehicles'> | null): VehicleRow[] {
  return (meta?.vehicles ?? []) as VehicleRow[];
}

/** Every class the analyses see for this project, with where each value comes from and which are unverified. */
export function vehicleTableView(meta: Pick<SceneMeta, 'vehicles'> | null): VehicleTableRow[] {
  const rows = projectVehicleRows(meta);
  const classes = vehicleClassesFor({ bulwark: { version: 1, vehicles: meta?.vehicles } });
  return classes.map((c) => {
    const own = rows.find((r) => r.code === c.code);
    const builtIn = isBuiltInVehicleCode(c.code);
    const cells = {} as Record<VehicleNumberKey, VehicleCell>;
    for (const f of VEHICLE_NUMBER_FIELDS) {
      cells[f.key] = { value: c[f.classKey] as number, verify: c.verify.includes(f.verifyKey), project: !builtIn || own?.[f.key] !== undefined };
    }
    return {
      code: c.code,
      name: c.name,
      group: builtIn ? GROUP[c.standard] : PROJECT_GROUP,
      origin: !builtIn ? 'project vehicle' : own ? 'project value' : 'built-in',
      source: builtIn ? c.source : 'Entered for this project',
      cells,
    };
  });
}

/** The inputs of a row as they start: its values, or empty for a new vehicle. */
export function formFor(row: VehicleTableRow | null): VehicleForm {
  const form = { code: row?.code ?? '', name: row?.name ?? '' } as VehicleForm;
  for (const f of VEHICLE_NUMBER_FIELDS) form[f.key] = row ? String(row.cells[f.key].value) : f.key === 'brake_mps2' ? '7' : '';
  return form;
}

/** The typed text as a row: blanks are absent, anything not a number is NaN (validation names it). */
export function rowFromForm(form: VehicleForm): VehicleRow {
  const row: VehicleRow = { code: form.code.trim(), name: form.name.trim() };
  for (const f of VEHICLE_NUMBER_FIELDS) {
    const text = form[f.key].trim().replace(',', '.');
    if (text !== '') row[f.key] = Number(text);
  }
  return row;
}

export type SaveOutcome = { ok: true; table: VehicleRow[]; note: string } | { ok: false; problems: VehicleRowProblem[] };

/**
 * The project table after saving a row, or the problems that stop it. `editing` is the code of
 * the row edited, or null for a new vehicle. A built-in class keeps only the values that differ
 * from its built-in ones (no difference: no override); a project vehicle is stored whole.
 */
export function saveVehicleForm(meta: Pick<SceneMeta, 'vehicles'> | null, form: VehicleForm, editing: string | null): SaveOutcome {
  const table = projectVehicleRows(meta);
  const row = rowFromForm(editing === null ? form : { ...form, code: editing });
  const others = vehicleTableView(meta).map((r) => r.code).filter((c) => c !== editing);
  if (editing === null && isBuiltInVehicleCode(row.code)) {
    return { ok: false, problems: [{ code: row.code, field: 'code', message: `Code "${row.code}" is a built-in class: edit its row instead` }] };
  }
  const problems = validateVehicleRow(row, others);
  if (problems.length) return { ok: false, problems };
  if (editing !== null && isBuiltInVehicleCode(editing)) {
    const builtIn = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === editing)!;
    const override = overrideRow(builtIn, row);
    return { ok: true, table: override ? withVehicleRow(table, override) : withoutVehicleRow(table, editing), note: `Edit vehicle ${editing}` };
  }
  const whole = { ...row } as VehicleRow;
  if (whole.brake_mps2 === undefined) delete whole.brake_mps2;
  return { ok: true, table: withVehicleRow(table, whole), note: editing === null ? `Add vehicle ${row.code}` : `Edit vehicle ${editing}` };
}

/** The table without a row: "reset to built-in" for a built-in class, "delete" for a project vehicle. */
export function removeVehicleRow(meta: Pick<SceneMeta, 'vehicles'> | null, code: string): { table: VehicleRow[]; note: string } {
  return {
    table: withoutVehicleRow(projectVehicleRows(meta), code),
    note: isBuiltInVehicleCode(code) ? `Reset vehicle ${code} to built-in` : `Delete vehicle ${code}`,
  };
}
