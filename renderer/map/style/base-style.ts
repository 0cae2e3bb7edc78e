import type { StyleSpecification } from 'maplibre-gl';
import { PAPER } from './palette.js';
import { BASEMAP_LAYER, BASEMAP_SOURCE_ID, basemapSource } from './basemap-layer.js';

/**
 * The map with no network: a plain paper background, no glyphs, no sprite. A raster basemap is
 * added only when the planner configured one (settings.basemap_url, an XYZ template); later
 * changes go through `applyBasemap` on the live map.
 */
export function baseStyle(basemapUrl: string | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PAPER } }],
  };
  if (basemapUrl) {
    style.sources[BASEMAP_SOURCE_ID] = basemapSource(basemapUrl);
    style.layers.push(BASEMAP_LAYER);
  }
  return style;
}
