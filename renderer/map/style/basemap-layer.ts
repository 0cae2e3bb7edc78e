import type { Map as MapLibreMap, RasterSourceSpecification, RasterLayerSpecification } from 'maplibre-gl';

export const BASEMAP_SOURCE_ID = 'basemap';
export const BASEMAP_LAYER_ID = 'basemap';

/** An XYZ raster source of 256 px tiles from the planner's template (settings.basemap_url). */
export function basemapSource(url: string): RasterSourceSpecification {
  return { type: 'raster', tiles: [url], tileSize: 256, maxzoom: 19 };
}

/** Muted so the plan's own colours stay the loudest thing on the map. */
export const BASEMAP_LAYER: RasterLayerSpecification = {
  id: BASEMAP_LAYER_ID,
  type: 'raster',
  source: BASEMAP_SOURCE_ID,
  paint: { 'raster-opacity': 0.85, 'raster-saturation': -0.6 },
};

/**
 * Puts the basemap under everything else on a loaded map, swaps its URL, or takes it away (null):
 * the view, the plan's layers and the analysis layers stay as they are. Without a basemap the map
 * asks for no tile at all.
 */
export function applyBasemap(map: MapLibreMap, url: string | null): void {
  const source = map.getSource(BASEMAP_SOURCE_ID) as { tiles?: string[] } | undefined;
  if (source && url && source.tiles?.[0] === url) return;
  if (map.getLayer(BASEMAP_LAYER_ID)) map.removeLayer(BASEMAP_LAYER_ID);
  if (source) map.removeSource(BASEMAP_SOURCE_ID);
  if (!url) return;
  map.addSource(BASEMAP_SOURCE_ID, basemapSource(url));
  // Right above the paper background: below every plan and analysis layer.
  const above = map.getStyle().layers.find((l) => l.type !== 'background');
  map.addLayer(BASEMAP_LAYER, above?.id);
}
