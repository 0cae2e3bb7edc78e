import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import type { VehicleClassInput } from '../../core/scene/types.js';
import { connectEdits, loadProject, redo, transact, undo } from './edit.js';
import { useProject } from './project-store.js';

const TRL40: VehicleClassInput = {
  code: 'TRL40', name: 'Tractor unit + trailer, 40 t', mass_kg: 40000, width_m: 2.55, accel_mps2: 0.6,
  top_speed_kmh: 90, min_turn_radius_m: 12.5, lateral_g: 0.35,
};

let api: BulwarkApi;
beforeEach(async () => {
  api = createProjectService();
  await api.createProject({ path: join(mkdtempSync(join(tmpdir(), 'bulwark-edit-veh-')), 'v.gpkg'), template: 'empty' });
  connectEdits(api);
  await loadProject();
});

describe('the vehicle table through the edit path', () => {
  it('updates the scene meta the analyses read, bumps the revision, and follows undo/redo', async () => {
    const rev = useProject.getState().revision;
    expect(await transact({ vehicles: [TRL40], note: 'Add vehicle TRL40' })).toBe(true);
    expect(useProject.getState().meta?.vehicles).toEqual([TRL40]);
    // The revision is what the analysis wiring watches to re-run.
    expect(useProject.getState().revision).toBe(rev + 1);
    expect(useProject.getState().history.undoNote).toBe('Add vehicle TRL40');
    await undo();
    expect(useProject.getState().meta?.vehicles).toBeUndefined();
    expect(useProject.getState().revision).toBe(rev + 2);
    await redo();
    expect(useProject.getState().meta?.vehicles).toEqual([TRL40]);
  });

  it('a refused table changes nothing in the window and shows the message', async () => {
    await transact({ vehicles: [TRL40], note: 'Add vehicle TRL40' });
    const meta = useProject.getState().meta;
    expect(await transact({ vehicles: [TRL40, { ...TRL40, code: 'VAN', width_m: 9 }], note: 'Add VAN' })).toBe(false);
    expect(useProject.getState().meta).toBe(meta);
    expect(useProject.getState().error?.message).toMatch(/VAN: Width 9 m is outside the accepted range \(0\.5–4 m\)/);
    expect((await api.loadScene()).bulwark.vehicles).toEqual([TRL40]);
  });
});
