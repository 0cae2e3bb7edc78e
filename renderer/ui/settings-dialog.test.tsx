import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import { connectEdits, loadProject } from '../state/edit.js';
import { analysisStore } from '../analysis/analysis-store.js';
import { SettingsDialog } from './SettingsDialog.js';
import { connectProjectSettings, needsReload, openSettingsDialog, settingsProblem, useProjectSettings, windowReload } from './project-settings.js';

let api: BulwarkApi;
let disconnect: () => void = () => {};
let reloads = 0;

async function openProject(basemapUrl: string | null = null): Promise<void> {
  // The real service over a temporary GeoPackage.
  api = createProjectService();
  await api.createProject({ path: join(mkdtempSync(join(tmpdir(), 'bulwark-settings-ui-')), 'plan.gpkg'), template: 'empty' });
  if (basemapUrl) await api.setSettings({ basemap_url: basemapUrl });
  connectEdits(api);
  await loadProject();
  disconnect = connectProjectSettings(api);
  await waitFor(() => expect(useProjectSettings.getState().settings).not.toBeNull());
  render(<SettingsDialog />);
  act(() => openSettingsDialog());
}

beforeEach(() => {
  reloads = 0;
  windowReload.run = () => void reloads++;
  vi.useRealTimers();
});
afterEach(async () => {
  cleanup();
  disconnect();
  useProjectSettings.setState({ settings: null, dialogOpen: false, reloading: null });
  analysisStore.getState().setDoriPreset('IEC62676-4:2014');
  await api?.closeProject();
});

describe('needsReload', () => {
  it('only for a basemap on a server the page was not loaded for', () => {
    expect(needsReload(null, 'https://a.example.org/{z}/{x}/{y}.png')).toBe(true);
    expect(needsReload('https://a.example.org', 'https://a.example.org/other/{z}/{x}/{y}.png')).toBe(false);
    expect(needsReload('https://a.example.org', 'https://b.example.org/{z}/{x}/{y}.png')).toBe(true);
    expect(needsReload('https://a.example.org', null)).toBe(false);
    // A URL the settings refuse never triggers a reload.
    expect(needsReload(null, 'http://a.example.org/{z}/{x}/{y}.png')).toBe(false);
  });

  it('the refusal reads as a sentence, without the method and field', () => {
    expect(settingsProblem(new Error('setSettings: basemap_url: The basemap URL is empty.'))).toBe('The basemap URL is empty.');
  });
});

describe('Project settings dialog', () => {
  it('says the app is offline without a basemap; a bad URL is refused in words and nothing is stored', async () => {
    await openProject();
    expect(screen.getByTestId('settings-network-state').textContent).toContain('Bulwark makes no network requests');
    const field = screen.getByTestId('settings-basemap-url') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'http://tiles.example.org/{z}/{x}/{y}.png' } });
    fireEvent.blur(field);
    expect(screen.getByTestId('settings-basemap-problem').textContent).toMatch(/plain http to tiles\.example\.org/);
    expect((screen.getByTestId('settings-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('settings-dialog'));
    await new Promise((r) => setTimeout(r, 50));
    expect((await api.getSettings()).basemap_url).toBeNull();
    expect(reloads).toBe(0);
  });

  it('saves a basemap, its credit and the DORI preset in the project; a new server reloads the window once, saying why', async () => {
    await openProject();
    fireEvent.change(screen.getByTestId('settings-basemap-url'), { target: { value: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
    fireEvent.change(screen.getByTestId('settings-basemap-attribution'), { target: { value: '  © Example  ' } });
    fireEvent.change(screen.getByTestId('settings-dori-preset'), { target: { value: 'IEC62676-4:2025' } });
    expect(screen.getByTestId('settings-reload-note').textContent).toMatch(/reloads the window once/);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(screen.getByTestId('settings-save'));
    await vi.waitFor(async () => expect((await api.getSettings()).basemap_url).toBe('https://tiles.example.org/{z}/{x}/{y}.png'));
    const stored = await api.getSettings();
    expect(stored.basemap_attribution).toBe('© Example');
    expect(stored.dori_preset).toBe('IEC62676-4:2025');
    expect(analysisStore.getState().doriPreset).toBe('IEC62676-4:2025');
    expect(useProjectSettings.getState().reloading).toMatch(/fetch tiles from https:\/\/tiles\.example\.org/);
    expect(reloads).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(reloads).toBe(1);
    vi.useRealTimers();
    expect(screen.queryByTestId('settings-dialog')).toBeNull();
  });

  it('Remove basemap goes back to offline at once, without a reload', async () => {
    await openProject('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(screen.getByTestId('settings-network-state').textContent).toContain('fetches tiles from https://tiles.example.org');
    fireEvent.click(screen.getByTestId('settings-remove-basemap'));
    await waitFor(() => expect(screen.getByTestId('settings-network-state').textContent).toContain('no network requests'));
    expect((await api.getSettings()).basemap_url).toBeNull();
    expect(screen.queryByTestId('settings-remove-basemap')).toBeNull();
    expect(reloads).toBe(0);
  });

  it('the analysis bar’s DORI choice is stored in the project too', async () => {
    await openProject();
    act(() => analysisStore.getState().setDoriPreset('IEC62676-4:2025'));
    await waitFor(async () => expect((await api.getSettings()).dori_preset).toBe('IEC62676-4:2025'));
  });
});
