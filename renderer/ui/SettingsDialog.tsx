import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { basemapOrigin, basemapUrlProblem } from '../../data/api/basemap-url.js';
import { useProject } from '../state/project-store.js';
import { UiIcon } from './icons.js';
import { closeSettingsDialog, needsReload, pageBasemapOrigin, PROJECT_DORI_PRESETS, saveProjectSettings, useProjectSettings } from './project-settings.js';
import './settings-dialog.css';

/** Ctrl+, (Cmd+, on a Mac) opens the dialog, as in most desktop applications. */
export const SETTINGS_SHORTCUT = { key: ',', label: 'Ctrl+,' } as const;

/**
 * Project settings: the basemap (a tile URL template and its attribution, or none — then the app
 * makes no network request at all) and the project's DORI preset. Everything is saved in the
 * project file; a bad URL is refused with what is wrong and nothing is stored.
 */
export function SettingsDialog(): ReactElement | null {
  const open = useProjectSettings((s) => s.dialogOpen);
  const settings = useProjectSettings((s) => s.settings);
  const name = useProject((s) => s.info?.name ?? '');
  if (!open || !settings) return null;
  // Keyed by the stored values so a save or another project starts the form afresh.
  return <SettingsForm key={`${settings.basemap_url}|${settings.basemap_attribution}|${settings.dori_preset}`} projectName={name} />;
}

function SettingsForm({ projectName }: { projectName: string }): ReactElement {
  const settings = useProjectSettings((s) => s.settings)!;
  const storedUrl = settings.basemap_url ?? '';
  const storedAttribution = typeof settings.basemap_attribution === 'string' ? settings.basemap_attribution : '';
  const [url, setUrl] = useState(storedUrl);
  const [attribution, setAttribution] = useState(storedAttribution);
  const [dori, setDori] = useState(settings.dori_preset);
  const [touched, setTouched] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const ids = { url: useId(), urlHelp: useId(), problem: useId(), attribution: useId(), dori: useId() };

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeSettingsDialog();
      }
    };
    // Capture: the map's own Escape (cancel a sketch, clear the selection) must not run under the dialog.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const trimmed = url.trim();
  const problem = trimmed === '' ? null : basemapUrlProblem(trimmed);
  const showProblem = refused ?? (touched ? problem : null);
  const changed = trimmed !== storedUrl || attribution.trim() !== storedAttribution || dori !== settings.dori_preset;
  const currentOrigin = basemapOrigin(settings.basemap_url);
  const willReload = trimmed !== '' && !problem && needsReload(pageBasemapOrigin(), trimmed);

  async function save(): Promise<void> {
    setTouched(true);
    if (problem || busy) return;
    setBusy(true);
    const failure = await saveProjectSettings({
      basemap_url: trimmed === '' ? null : trimmed,
      basemap_attribution: trimmed === '' || attribution.trim() === '' ? null : attribution.trim(),
      dori_preset: dori,
    });
    setBusy(false);
    if (failure) setRefused(failure);
    else closeSettingsDialog();
  }

  async function removeBasemap(): Promise<void> {
    setBusy(true);
    const failure = await saveProjectSettings({ basemap_url: null, basemap_attribution: null });
    setBusy(false);
    if (failure) setRefused(failure);
  }

  return (
    <div className="settings-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeSettingsDialog()}>
      <form
        className="settings-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        data-testid="settings-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header>
          <h2 id="settings-title">
            Project settings <span className="settings-project">{projectName}</span>
          </h2>
          <button type="button" className="icon-button" title="Close (Esc)" data-testid="settings-close" onClick={closeSettingsDialog}>
            <UiIcon.close />
          </button>
        </header>

        <section>
          <h3>Basemap</h3>
          <p className={currentOrigin ? 'settings-state online' : 'settings-state offline'} data-testid="settings-network-state">
            {currentOrigin ? (
              <>
                Online: the map fetches tiles from <strong>{currentOrigin}</strong> and contacts no other server.
              </>
            ) : (
              <>
                Offline: no basemap URL is set, so Bulwark makes <strong>no network requests</strong>. The map shows this project’s own layers only.
              </>
            )}
          </p>
          <label htmlFor={ids.url}>Tile URL template</label>
          <input
            id={ids.url}
            ref={first}
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://tiles.example.org/{z}/{x}/{y}.png"
            value={url}
            aria-invalid={showProblem ? true : undefined}
            aria-describedby={showProblem ? ids.problem : ids.urlHelp}
            data-testid="settings-basemap-url"
            onChange={(e) => {
              setUrl(e.target.value);
              setRefused(null);
            }}
            onBlur={() => setTouched(true)}
          />
          {showProblem ? (
            <p id={ids.problem} className="settings-problem" role="alert" data-testid="settings-basemap-problem">
              {showProblem}
            </p>
          ) : (
            <p id={ids.urlHelp} className="settings-help">
              https, or http only for a tile server on this machine (localhost, 127.0.0.1). <code>{'{z}'}</code>, <code>{'{x}'}</code> and <code>{'{y}'}</code> are replaced by each 256 px tile’s zoom, column and row. Leave empty for no basemap.
            </p>
          )}
          <label htmlFor={ids.attribution}>Attribution</label>
          <input
            id={ids.attribution}
            type="text"
            maxLength={300}
            placeholder="© the tile provider, as its terms of use ask"
            value={attribution}
            disabled={trimmed === ''}
            data-testid="settings-basemap-attribution"
            onChange={(e) => setAttribution(e.target.value)}
          />
          {willReload ? (
            <p className="settings-note" data-testid="settings-reload-note">
              Saving reloads the window once: its security policy lists the only servers it may contact and is fixed when the window loads. The view is kept.
            </p>
          ) : null}
          {settings.basemap_url ? (
            <div className="settings-row">
              <button type="button" className="text-button danger" disabled={busy} data-testid="settings-remove-basemap" onClick={() => void removeBasemap()}>
                Remove basemap
              </button>
              <span className="settings-help">Back to offline at once; no tile is requested after this.</span>
            </div>
          ) : null}
        </section>

        <section>
          <h3>Camera coverage</h3>
          <label htmlFor={ids.dori}>DORI preset</label>
          <select id={ids.dori} value={dori} data-testid="settings-dori-preset" onChange={(e) => setDori(e.target.value)}>
            {PROJECT_DORI_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.levels.some((l) => l.verify) ? ' — values to verify' : ''}
              </option>
            ))}
            {PROJECT_DORI_PRESETS.some((p) => p.id === dori) ? null : <option value={dori}>{dori}</option>}
          </select>
          <p className="settings-help">Pixel densities for the camera views and coverage. The same choice as the DORI picker in the analysis bar.</p>
        </section>

        <footer>
          <span className="settings-help">Saved in the project file.</span>
          <button type="button" className="text-button" data-testid="settings-cancel" onClick={closeSettingsDialog}>
            Cancel
          </button>
          <button type="submit" className="text-button primary" disabled={!changed || busy || (touched && !!problem)} data-testid="settings-save">
            Save
          </button>
        </footer>
      </form>
    </div>
  );
}
