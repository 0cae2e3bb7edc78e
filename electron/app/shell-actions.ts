import { basename } from 'node:path';
import type { BulwarkApi, ProjectInfo, ShellCommand, ShellEvent } from '../../data/api/contract.js';
import type { MenuActions } from '../menu/app-menu.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native file dialogs and message boxes, as main provides them for the window. */
export interface ShellDialogs {
  /** The chosen file, or null when the user cancelled. */
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFileToSave(options: { title: string; filters: FileFilter[]; defaultName: string }): Promise<string | null>;
  showError(title: string, message: string): void;
  showInfo(title: string, message: string): Promise<void>;
}

export interface ShellActionsDeps {
  api: BulwarkApi;
  dialogs: ShellDialogs;
  /** Sends a ShellEvent to the window (channel bulwark:shell-event). */
  send(event: ShellEvent): void;
  /** The open project changed (opened, created, saved as, imported into): refresh title and menu. */
  onProjectChanged(info: ProjectInfo | null): void;
}

export const GPKG_FILTER: FileFilter = { name: 'GeoPackage project', extensions: ['gpkg'] };
export const GEOJSON_FILTER: FileFilter = { name: 'GeoJSON', extensions: ['geojson', 'json'] };

/**
 * What the native menu does. File operations go straight to the service from main (dialogs
 * live here), then tell the window `project-changed` so it reloads; edits become `command`
 * events for the renderer. A failure shows its message and leaves the open project as it was.
 */
export type ShellActions = { [K in Exclude<keyof MenuActions, 'command'>]: (...args: Parameters<MenuActions[K]>) => Promise<void> } & Pick<MenuActions, 'command'>;

export function createShellActions(deps: ShellActionsDeps): ShellActions {
  const { api, dialogs } = deps;

  async function run(failureTitle: string, work: () => Promise<boolean>): Promise<void> {
    try {
      if (await work()) {
        deps.send({ type: 'project-changed' });
        deps.onProjectChanged(await api.projectInfo());
      }
    } catch (e) {
      dialogs.showError(failureTitle, e instanceof Error ? e.message : String(e));
    }
  }

  return {
    newProject: () =>
      run('Could not create the project', async () => {
        const path = await dialogs.chooseFileToSave({ title: 'New project', filters: [GPKG_FILTER], defaultName: 'Untitled.gpkg' });
        if (!path) return false;
        await api.createProject({ path: withExtension(path, '.gpkg') });
        return true;
      }),
    openProject: () =>
      run('Could not open the project', async () => {
        const path = await dialogs.chooseFileToOpen({ title: 'Open project', filters: [GPKG_FILTER] });
        if (!path) return false;
        await api.openProject({ path });
        return true;
      }),
    openRecent: (path) =>
      run('Could not open the project', async () => {
        await api.openProject({ path });
        return true;
      }),
    saveProjectAs: () =>
      run('Could not save the project', async () => {
        const current = await api.projectInfo();
        const path = await dialogs.chooseFileToSave({ title: 'Save project as', filters: [GPKG_FILTER], defaultName: `${current?.name ?? 'Project'} copy.gpkg` });
        if (!path) return false;
        await api.saveProjectAs({ path: withExtension(path, '.gpkg') });
        return true;
      }),
    importFile: () =>
      run('Could not import the file', async () => {
        const path = await dialogs.chooseFileToOpen({
          title: 'Import into the project',
          filters: [{ name: 'GeoJSON or GeoPackage', extensions: ['geojson', 'json', 'gpkg'] }, GEOJSON_FILTER, GPKG_FILTER],
        });
        if (!path) return false;
        const report = await api.importScene({ fileName: basename(path), path, mode: 'merge' });
        if (report.findings.length > 0) {
          const lines = report.findings.slice(0, 10).map((f) => `• ${f.message}`);
          const more = report.findings.length > 10 ? `\n… and ${report.findings.length - 10} more` : '';
          await dialogs.showInfo(`Imported ${basename(path)}`, `${report.added} added, ${report.replaced} replaced.\n\n${lines.join('\n')}${more}`);
        }
        return true;
      }),
    exportGeoJson: () =>
      run('Could not export GeoJSON', async () => {
        await exportTo('geojson', GEOJSON_FILTER, '.geojson');
        return false;
      }),
    exportGeoPackage: () =>
      run('Could not export the GeoPackage', async () => {
        await exportTo('gpkg', GPKG_FILTER, '.gpkg');
        return false;
      }),
    command: (command: ShellCommand) => deps.send({ type: 'command', command }),
  };

  async function exportTo(format: 'geojson' | 'gpkg', filter: FileFilter, ext: string): Promise<void> {
    const current = await api.projectInfo();
    const path = await dialogs.chooseFileToSave({ title: `Export ${filter.name}`, filters: [filter], defaultName: `${current?.name ?? 'Project'}${ext}` });
    if (path) await api.exportScene({ format, path: withExtension(path, ext) });
  }
}

/** Linux save dialogs do not add the filter's extension. */
function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(ext) || (ext === '.geojson' && path.toLowerCase().endsWith('.json')) ? path : `${path}${ext}`;
}
