import type { Scene, SceneFeature } from '../../core/scene/types.js';

/**
 * A scene as RFC 7946 GeoJSON text with the `bulwark` member: deterministic (same scene, same
 * bytes), one feature per line so files diff well and 100,000 features stay quick to write.
 * Members come in a fixed order (type, id, properties, geometry); properties keep their order.
 */
export function sceneToGeoJsonText(scene: Scene): string {
  const parts: string[] = ['{"type":"FeatureCollection",\n"bulwark":', JSON.stringify(scene.bulwark), ',\n"features":['];
  const features = scene.features;
  for (let i = 0; i < features.length; i++) {
    parts.push(i === 0 ? '\n' : ',\n', featureText(features[i]));
  }
  parts.push(features.length ? '\n]}\n' : ']}\n');
  return parts.join('');
}

function featureText(f: SceneFeature): string {
  return `{"type":"Feature","id":${JSON.stringify(f.id)},"properties":${JSON.stringify(f.properties)},"geometry":${JSON.stringify(f.geometry)}}`;
}
