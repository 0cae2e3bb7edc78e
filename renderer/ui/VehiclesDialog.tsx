import { Fragment, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { VehicleClassInput } from '../../core/scene/types.js';
import type { VehicleRowProblem } from '../../core/vehicles/validate-vehicle-row.js';
import { VEHICLE_NUMBER_FIELDS, rangeText, type VehicleNumberKey, type VehicleRow } from '../../core/vehicles/vehicle-fields.js';
import { transact } from '../state/edit.js';
import { useProject } from '../state/project-store.js';
import { formFor, PROJECT_GROUP, removeVehicleRow, saveVehicleForm, vehicleTableView, type VehicleForm, type VehicleTableRow } from './vehicle-table-view.js';
import './vehicles-dialog.css';

const VERIFY_TITLE = 'Estimate, or marked VERIFY in the reference (hvm.md §2): check it before relying on it';

function formatValue(key: VehicleNumberKey, x: number): string {
  return key === 'mass_kg' ? x.toLocaleString('en-GB') : String(x);
}

function ValueCell({ row, k }: { row: VehicleTableRow; k: VehicleNumberKey }): ReactElement {
  const c = row.cells[k];
  const cls = ['vd-num', c.project ? 'vd-project' : '', c.verify ? 'vd-unverified' : ''].filter(Boolean).join(' ');
  return (
    <td className={cls} data-field={k} title={c.verify ? VERIFY_TITLE : c.project ? 'Project value' : undefined}>
      {formatValue(k, c.value)}
      {c.verify && <span className="vd-verify" aria-label="unverified">?</span>}
    </td>
  );
}

interface Edit {
  /** The row edited, or null for a new vehicle. */
  code: string | null;
  form: VehicleForm;
  problems: VehicleRowProblem[];
  error: string | null;
}

/**
 * The project's vehicle table: every class the approach analysis can use with its numbers, the
 * unverified ones marked; a built-in row edited is stored as project values (reset restores the
 * built-in), the planner's own vehicles are added and deleted. Every save is one undoable edit
 * through `transact` (the store checks the row again).
 */
export function VehiclesDialog({ onClose }: { onClose(): void }): ReactElement {
  const meta = useProject((s) => s.meta);
  const pending = useProject((s) => s.pending > 0);
  const rows = useMemo(() => vehicleTableView(meta), [meta]);
  const [edit, setEdit] = useState<Edit | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const groups = [...new Set([...rows.map((r) => r.group), ...(edit && edit.code === null ? [PROJECT_GROUP] : [])])];

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (edit) setEdit(null);
      else onClose();
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [edit, onClose]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [edit?.code]);

  const commit = async (table: VehicleRow[], note: string): Promise<boolean> => {
    // An override row carries only the values it changes (scene-format.md: rows are matched by
    // code), which the scene type, written for whole rows, does not say.
    const ok = await transact({ vehicles: table as VehicleClassInput[], note });
    if (!ok) setEdit((e) => e && { ...e, error: useProject.getState().error?.message ?? 'The vehicle table was not saved' });
    return ok;
  };

  const save = async () => {
    if (!edit) return;
    const out = saveVehicleForm(meta, edit.form, edit.code);
    if (!out.ok) {
      setEdit({ ...edit, problems: out.problems, error: null });
      return;
    }
    if (await commit(out.table, out.note)) setEdit(null);
  };

  const remove = async (code: string) => {
    const out = removeVehicleRow(meta, code);
    await commit(out.table, out.note);
  };

  const problemOf = (field: string) => edit?.problems.find((p) => p.field === field);
  const input = (field: 'code' | 'name' | VehicleNumberKey, label: string, extra: { autoFocus?: boolean; wide?: boolean } = {}) => (
    <input
      className={extra.wide ? 'vd-input vd-input-wide' : 'vd-input'}
      aria-label={label}
      aria-invalid={problemOf(field) ? true : undefined}
      title={problemOf(field)?.message ?? label}
      value={edit!.form[field]}
      data-autofocus={extra.autoFocus ? '' : undefined}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setEdit((s) => s && { ...s, form: { ...s.form, [field]: value } });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
      }}
    />
  );

  const editRow = (row: VehicleTableRow | null) => (
    <Fragment key={`edit-${row?.code ?? 'new'}`}>
      <tr className="vd-editing" data-testid="vehicle-edit-row">
        <td>{row ? <span className="vd-code">{row.code}</span> : input('code', 'Code', { autoFocus: true })}</td>
        <td>{input('name', 'Name', { autoFocus: row !== null, wide: true })}</td>
        {VEHICLE_NUMBER_FIELDS.map((f) => (
          <td key={f.key} className="vd-num">
            {input(f.key, `${f.label} (${f.unit})`)}
          </td>
        ))}
        <td className="vd-source">{row ? row.source : 'Entered for this project'}</td>
        <td className="vd-actions">
          <button type="button" className="text-button primary vd-small" disabled={pending} onClick={() => void save()}>
            {row ? 'Save' : 'Add'}
          </button>
          <button type="button" className="text-button vd-small" onClick={() => setEdit(null)}>
            Cancel
          </button>
        </td>
      </tr>
      {(edit!.problems.length > 0 || edit!.error) && (
        <tr className="vd-problems">
          <td colSpan={VEHICLE_NUMBER_FIELDS.length + 4}>
            <ul role="alert" data-testid="vehicle-problems">
              {edit!.problems.map((p) => (
                <li key={p.field}>{p.message}</li>
              ))}
              {edit!.error && <li>{edit!.error}</li>}
            </ul>
          </td>
        </tr>
      )}
    </Fragment>
  );

  return (
    <div className="vd-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="vd-dialog" role="dialog" aria-modal="true" aria-labelledby="vd-title" data-testid="vehicles-dialog" ref={dialog}>
        <header className="vd-head">
          <h2 id="vd-title">Vehicle table</h2>
          <p className="vd-legend">
            Values with <span className="vd-verify">?</span> are estimates or marked VERIFY in the reference: check them. <span className="vd-project">Blue</span> values are this
            project's. Saved in the project file; Undo takes a change back.
          </p>
          <button type="button" className="icon-button vd-close" aria-label="Close vehicle table" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="vd-scroll">
          <table className="vd-table">
            <thead>
              <tr>
                <th>Code</th>
                <th>Name</th>
                {VEHICLE_NUMBER_FIELDS.map((f) => (
                  <th key={f.key} className="vd-num" title={`Accepted: ${rangeText(f)}`}>
                    {f.label}
                    <span className="vd-unit">{f.unit}</span>
                  </th>
                ))}
                <th>Source</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <Fragment key={g}>
                  <tr className="vd-group">
                    <th colSpan={VEHICLE_NUMBER_FIELDS.length + 4}>{g}</th>
                  </tr>
                  {rows
                    .filter((r) => r.group === g)
                    .map((r) =>
                      edit && edit.code === r.code ? (
                        editRow(r)
                      ) : (
                        <tr key={r.code} data-code={r.code} data-origin={r.origin}>
                          <td>
                            <span className="vd-code">{r.code}</span>
                          </td>
                          <td className="vd-name">
                            {r.name}
                            {r.origin !== 'built-in' && <span className={`vd-badge vd-badge-${r.origin.replace(' ', '-')}`}>{r.origin}</span>}
                          </td>
                          {VEHICLE_NUMBER_FIELDS.map((f) => (
                            <ValueCell key={f.key} row={r} k={f.key} />
                          ))}
                          <td className="vd-source" title={r.source}>
                            {r.source}
                          </td>
                          <td className="vd-actions">
                            <button
                              type="button"
                              className="link-button"
                              aria-label={`Edit ${r.code}`}
                              disabled={edit !== null}
                              onClick={() => setEdit({ code: r.code, form: formFor(r), problems: [], error: null })}
                            >
                              Edit
                            </button>
                            {r.origin === 'project value' && (
                              <button type="button" className="link-button" aria-label={`Reset ${r.code} to built-in`} disabled={edit !== null || pending} onClick={() => void remove(r.code)}>
                                Reset to built-in
                              </button>
                            )}
                            {r.origin === 'project vehicle' && (
                              <button type="button" className="link-button vd-danger" aria-label={`Delete ${r.code}`} disabled={edit !== null || pending} onClick={() => void remove(r.code)}>
                                Delete
                              </button>
                            )}
                          </td>
                        </tr>
                      ),
                    )}
                  {g === PROJECT_GROUP && edit && edit.code === null && editRow(null)}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        <footer className="vd-foot">
          <button
            type="button"
            className="text-button"
            disabled={edit !== null}
            onClick={() => setEdit({ code: null, form: formFor(null), problems: [], error: null })}
          >
            Add vehicle
          </button>
          <span className="vd-foot-note">Ranges: hover a column heading. Braking defaults to 7 m/s².</span>
          <button type="button" className="text-button primary" onClick={onClose}>
            Done
          </button>
        </footer>
      </div>
    </div>
  );
}
