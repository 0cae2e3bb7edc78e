import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import { connectEdits, loadProject, undo } from '../state/edit.js';
import { VehiclesDialog } from './VehiclesDialog.js';

let api: BulwarkApi;
beforeEach(async () => {
  // The real service over a temporary GeoPackage: the dialog's saves go through the one edit path.
  api = createProjectService();
  await api.createProject({ path: join(mkdtempSync(join(tmpdir(), 'bulwark-vdialog-')), 'v.gpkg'), template: 'empty' });
  connectEdits(api);
  await loadProject();
});
afterEach(cleanup);

const rowOf = (code: string) => document.querySelector(`tr[data-code="${code}"]`) as HTMLElement;
const cellOf = (code: string, field: string) => rowOf(code).querySelector(`td[data-field="${field}"]`) as HTMLElement;
const flush = () => act(async () => new Promise((r) => setTimeout(r, 50)));

describe('VehiclesDialog', () => {
  it("lists M1's built-in numbers, marking the guessed width but not the sourced mass", () => {
    render(<VehiclesDialog onClose={() => {}} />);
    expect(cellOf('M1', 'mass_kg').textContent).toBe('1,500');
    expect(cellOf('M1', 'mass_kg').querySelector('.vd-verify')).toBeNull();
    expect(cellOf('M1', 'width_m').textContent).toBe('1.8?');
    expect(cellOf('M1', 'width_m').querySelector('.vd-verify')).not.toBeNull();
  });

  it('refuses a bad row in place, saving nothing; a good one is saved and undone like any edit', async () => {
    render(<VehiclesDialog onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add vehicle' }));
    const edit = within(screen.getByTestId('vehicle-edit-row'));
    const type = (label: string, value: string) => fireEvent.change(edit.getByLabelText(label), { target: { value } });
    type('Code', 'TRL40');
    type('Name', 'Tractor unit + trailer, 40 t');
    type('Mass (kg)', '40000');
    type('Width (m)', '2.55');
    type('Acceleration (m/s²)', '0.6');
    type('Top speed (km/h)', '300');
    type('Min turning radius (m)', '12.5');
    type('Lateral limit (g)', '0.35');
    fireEvent.click(edit.getByRole('button', { name: 'Add' }));
    await flush();
    expect(screen.getByTestId('vehicle-problems').textContent).toBe('TRL40: Top speed 300 km/h is outside the accepted range (5–250 km/h)');
    expect((await api.historyState()).canUndo).toBe(false);
    type('Top speed (km/h)', '90');
    fireEvent.click(edit.getByRole('button', { name: 'Add' }));
    await flush();
    expect(rowOf('TRL40').dataset.origin).toBe('project vehicle');
    expect((await api.loadScene()).bulwark.vehicles?.[0]).toMatchObject({ code: 'TRL40', top_speed_kmh: 90 });
    await act(() => undo());
    expect(rowOf('TRL40')).toBeNull();
  });
});
