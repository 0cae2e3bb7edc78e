import type { VehicleClass } from './vehicle-classes.js';
import { VEHICLE_NUMBER_FIELDS, type VehicleRow } from './vehicle-fields.js';

/**
 * The row that stores a planner's edit of a built-in class in `bulwark.vehicles`: the code and
 * only the values that differ from the built-in, so every value left alone keeps its source and
 * its VERIFY flag (`vehicleClassesFor` clears the flag only of values the row gives). Null when
 * nothing differs (the class is back to its built-in values).
 */
export function overrideRow(builtIn: VehicleClass, edited: VehicleRow): VehicleRow | null {
  const row: VehicleRow = { code: builtIn.code };
  let changed = false;
  if (typeof edited.name === 'string' && edited.name.trim() !== '' && edited.name.trim() !== builtIn.name) {
    row.name = edited.name.trim();
    changed = true;
  }
  for (const f of VEHICLE_NUMBER_FIELDS) {
    const x = edited[f.key];
    if (typeof x === 'number' && x !== builtIn[f.classKey]) {
      row[f.key] = x;
      changed = true;
    }
  }
  return changed ? row : null;
}

/** The table with `row` in place of the row of the same code, or added at the end. */
export function withVehicleRow(table: readonly VehicleRow[], row: VehicleRow): VehicleRow[] {
  const i = table.findIndex((r) => r.code === row.code);
  if (i < 0) return [...table, row];
  return table.map((r, j) => (j === i ? row : r));
}

/** The table without the row of `code`: resets a built-in class, or deletes a project vehicle. */
export function withoutVehicleRow(table: readonly VehicleRow[], code: string): VehicleRow[] {
  return table.filter((r) => r.code !== code);
}
