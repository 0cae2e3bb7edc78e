import type { Scene, SceneFeature } from '../../core/scene/types.js';

/**
 * A scene as RFC 7946 GeoJSON text with the `bulwark` member: deterministic (same scene, same
 * bytes), one feature per line so files diff well and 100,000 features stay quick to write.
 * Members come in a fixed order (type, id, properties, geometry); properties keep their order.
 */
export function sceneToGeoJsonText(scene: Scene): string {
  return [...sceneToGeoJsonChunks(scene)].join('');
}

/** The same text in pieces of about `featuresPerChunk` features, so a file can be written without holding all of it. */
export function sceneToGeoJsonChunks(scene: Scene, featuresPerChunk = 2000): Generator<string> {
  return geoJsonChunks(scene.bulwark, scene.features, featuresPerChunk);
}

/** The text of a scene given as its `bulwark` member and its features (any iterable, e.g. a store read lazily). */
export function* geoJsonChunks(meta: Scene['bulwark'], features: Iterable<SceneFeature>, featuresPerChunk = 2000): Generator<string> {
  let parts: string[] = ['{"type":"FeatureCollection",\n"bulwark":', JSON.stringify(meta), ',\n"features":['];
  let n = 0;
  for (const f of features) {
    parts.push(n++ === 0 ? '\n' : ',\n', featureText(f));
    if (parts.length >= 2 * featuresPerChunk) {
      yield parts.join('');
      parts = [];
    }
  }
  parts.push(n ? '\n]}\n' : ']}\n');
  yield parts.join('');
}

function featureText(f: SceneFeature): string {
  return `{"type":"Feature","id":${JSON.stringify(f.id)},"properties":${JSON.stringify(f.properties)},"geometry":${JSON.stringify(f.geometry)}}`;
}
