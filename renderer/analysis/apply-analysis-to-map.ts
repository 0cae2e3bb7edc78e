import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import { analysisImageIds, domCanvas, drawAnalysisImage, type CanvasFactory } from './analysis-images.js';
import { ANALYSIS_LAYER_GROUPS, ANALYSIS_LAYER_IDS, analysisLayers, analysisSources, selectedPathFilter, threatFilter, type AnalysisLayerOptions } from './analysis-layers.js';

export type AnalysisMap = Pick<MaplibreMap, 'getSource' | 'addSource' | 'getLayer' | 'addLayer' | 'hasImage' | 'addImage' | 'setFilter' | 'setLayoutProperty'>;

/**
 * Puts a result on the map: draws the images it needs, adds or updates the sources, adds the
 * layers once (below `beforeId` if given). For the MapController; call again on every result.
 */
export function applyAnalysisToMap(
  map: AnalysisMap,
  result: AnalysisResult | null,
  options: AnalysisLayerOptions & { beforeId?: string; canvas?: CanvasFactory } = {},
): void {
  for (const id of analysisImageIds(result)) {
    if (map.hasImage(id)) continue;
    const image = drawAnalysisImage(id, options.canvas ?? domCanvas);
    map.addImage(id, { width: image.width, height: image.height, data: image.data }, { pixelRatio: image.pixelRatio });
  }
  for (const [id, spec] of Object.entries(analysisSources(result))) {
    const source = map.getSource(id) as GeoJSONSource | undefined;
    if (source) source.setData(spec.data as Parameters<GeoJSONSource['setData']>[0]);
    else map.addSource(id, spec);
  }
  for (const layer of analysisLayers(options)) {
    if (!map.getLayer(layer.id)) map.addLayer(layer, options.beforeId);
  }
  // Layers are added once: selection and threat change through their filters.
  map.setFilter(ANALYSIS_LAYER_IDS.pathSelected, selectedPathFilter(options.selectedPathId));
  for (const id of [ANALYSIS_LAYER_IDS.ringsLine, ANALYSIS_LAYER_IDS.breachesFill, ANALYSIS_LAYER_IDS.breachesLine]) map.setFilter(id, threatFilter(options.threat));
}

/** Shows or hides one analysis group of the layers panel. */
export function setAnalysisGroupVisible(map: AnalysisMap, groupId: (typeof ANALYSIS_LAYER_GROUPS)[number]['id'], visible: boolean): void {
  const group = ANALYSIS_LAYER_GROUPS.find((g) => g.id === groupId);
  for (const id of group?.layerIds ?? []) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
