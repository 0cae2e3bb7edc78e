import type { StyleSpecification } from 'maplibre-gl';
import { PAPER } from './palette.js';

/**
 * The map with no network: a plain paper background, no glyphs, no sprite. A raster basemap is
 * added only when the planner configured one (settings.basemap_url, an XYZ template).
 */
export function baseStyle(basemapUrl: string | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PAPER } }],
  };
  if (basemapUrl) {
    style.sources.basemap = { type: 'raster', tiles: [basemapUrl], tileSize: 256, maxzoom: 19 };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.85, 'raster-saturation': -0.6 } });
  }
  return style;
}
