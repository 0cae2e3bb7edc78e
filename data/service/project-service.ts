import { createGpkgProjectStore, openGpkgProjectStore } from '../store/gpkg-project-store.js';
import { parseSceneText } from '../io/parse-scene-text.js';
import { readSceneFile } from '../io/read-scene-file.js';
import { writeSceneFile } from '../io/write-scene-file.js';
import { sceneToGeoJsonText } from '../io/scene-to-geojson-text.js';
import { exportProjectGeoJsonFile } from '../io/write-geojson-file.js';
import { demoScene } from '../demo/demo-scene.js';
import { createBulwarkService } from './bulwark-service.js';

/** The API over real GeoPackage projects, as the desktop shell, the local host and the CLI use it. */
export function createProjectService(options: { recentProjectsFile?: string } = {}) {
  return createBulwarkService({
    stores: {
      open: (path) => openGpkgProjectStore(path),
      create: (path, init) => createGpkgProjectStore(path, { name: init.name, scene: init.scene }),
    },
    files: { parseText: parseSceneText, read: readSceneFile, write: writeSceneFile, toGeoJsonText: sceneToGeoJsonText, exportGeoJson: exportProjectGeoJsonFile },
    recentProjectsFile: options.recentProjectsFile,
    demoScene,
  });
}
