import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import { connectEdits, loadProject } from '../state/edit.js';
import { getFeature, useProject } from '../state/project-store.js';
import { useUi } from '../state/ui-store.js';
import { PropertiesPanel } from './PropertiesPanel.js';
import { LayersPanel } from './LayersPanel.js';
import type { BulwarkApi } from '../../data/api/contract.js';

let api: BulwarkApi;

beforeEach(async () => {
  // The real service over a temporary GeoPackage, seeded by a replacing import of the scene.
  api = createProjectService();
  await api.createProject({ path: join(mkdtempSync(join(tmpdir(), 'bulwark-panels-')), 'panels.gpkg'), template: 'empty' });
  const scene = {
    type: 'FeatureCollection',
    bulwark: { version: 1, name: 'Panels' },
    features: [
      { type: 'Feature', id: 'cam-1', geometry: { type: 'Point', coordinates: [4.35, 50.85] }, properties: { kind: 'camera', bearing_deg: 10, vendor: 'Axis' } },
      { type: 'Feature', id: 'bar-1', geometry: { type: 'LineString', coordinates: [[4.35, 50.85], [4.351, 50.85]] }, properties: { kind: 'barrier' } },
    ],
  };
  await api.importScene({ fileName: 'panels.geojson', text: JSON.stringify(scene), mode: 'replace' });
  connectEdits(api);
  await loadProject();
  useUi.setState({ selection: [], locked: {}, hidden: {}, problem: null });
});

afterEach(cleanup);

describe('properties panel', () => {
  it('edits a camera bearing on Enter through the edit path, and it is stored', async () => {
    useUi.setState({ selection: ['cam-1'] });
    render(<PropertiesPanel />);
    expect(screen.getByTestId('feature-id').textContent).toBe('cam-1');
    const input = screen.getByTestId('prop-bearing_deg') as HTMLInputElement;
    expect(input.value).toBe('10');
    fireEvent.change(input, { target: { value: '135' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(getFeature('cam-1')?.properties.bearing_deg).toBe(135);
    expect((await api.loadScene()).features.find((f) => f.id === 'cam-1')?.properties.bearing_deg).toBe(135);
    expect(useProject.getState().history.undoNote).toBe('Set bearing of camera cam-1');
  });

  it('shows an invalid value next to the field and does not save it', async () => {
    useUi.setState({ selection: ['cam-1'] });
    render(<PropertiesPanel />);
    const input = screen.getByTestId('prop-hfov_deg') as HTMLInputElement;
    expect(input.placeholder).toBe('default 90');
    fireEvent.change(input, { target: { value: '400' } });
    await act(async () => {
      fireEvent.blur(input);
    });
    expect(screen.getByTestId('error-hfov_deg').textContent).toBe('hfov_deg must be in (0, 360], got 400');
    expect(getFeature('cam-1')?.properties.hfov_deg).toBeUndefined();
  });

  it('lists unknown properties read-only and shows derived barrier defaults', () => {
    useUi.setState({ selection: ['cam-1'] });
    const { unmount } = render(<PropertiesPanel />);
    expect(screen.getByText('vendor')).toBeTruthy();
    expect(screen.getByText('Axis')).toBeTruthy();
    unmount();
    useUi.setState({ selection: ['bar-1'] });
    render(<PropertiesPanel />);
    expect((screen.getByTestId('prop-barrier_type') as HTMLSelectElement).value).toBe('bollard');
    expect((screen.getByTestId('prop-stops_vehicles') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/derived — true for bollard, planter, wall, gate/)).toBeTruthy();
  });

  it('changes the barrier type from the select', async () => {
    useUi.setState({ selection: ['bar-1'] });
    render(<PropertiesPanel />);
    await act(async () => {
      fireEvent.change(screen.getByTestId('prop-barrier_type'), { target: { value: 'wall' } });
    });
    expect(getFeature('bar-1')?.properties.barrier_type).toBe('wall');
  });
});

describe('layers panel', () => {
  it('counts features per kind and toggles visibility and lock', () => {
    useUi.setState({ selection: ['cam-1'] });
    render(<LayersPanel />);
    expect(screen.getByTestId('count-camera').textContent).toBe('1');
    expect(screen.getByTestId('count-building').textContent).toBe('0');
    fireEvent.click(screen.getByTestId('visibility-camera'));
    expect(useUi.getState().hidden.camera).toBe(true);
    // A hidden kind cannot stay selected.
    expect(useUi.getState().selection).toEqual([]);
    fireEvent.click(screen.getByTestId('lock-barrier'));
    expect(useUi.getState().locked.barrier).toBe(true);
  });
});
