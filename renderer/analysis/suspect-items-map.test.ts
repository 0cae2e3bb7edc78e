import { describe, expect, it } from 'vitest';
import { SUSPECT_LAYER_IDS, SUSPECT_SOURCE, suspectRingLayers, suspectRingsData } from './suspect-items-map.js';

describe('suspicious items on the map (sources and layers)', () => {
  it('two zones per item, tagged with the item, its threat and whether it is selected', () => {
    const data = suspectRingsData(
      [
        { id: 'item-1', lonLat: [4.35, 50.84], threat: 'briefcase' },
        { id: 'item-2', lonLat: [4.36, 50.85], threat: 'car' },
      ],
      'item-2',
    );
    expect(data.features.map((f) => [f.properties.id, f.properties.zone, f.properties.threat, f.properties.distance_m, f.properties.selected])).toEqual([
      ['item-1:evacuation', 'evacuation', 'briefcase', 46, false],
      ['item-1:shelter', 'shelter', 'briefcase', 564, false],
      ['item-2:evacuation', 'evacuation', 'car', 98, true],
      ['item-2:shelter', 'shelter', 'car', 580, true],
    ]);
    expect(suspectRingsData([], null).features).toEqual([]);
  });

  it('a fill, a white casing and a line on the rings source, evacuation dark red and shelter amber', () => {
    const layers = suspectRingLayers();
    expect(layers.map((l) => [l.id, l.type, 'source' in l ? l.source : null])).toEqual([
      [SUSPECT_LAYER_IDS.fill, 'fill', SUSPECT_SOURCE],
      [SUSPECT_LAYER_IDS.casing, 'line', SUSPECT_SOURCE],
      [SUSPECT_LAYER_IDS.line, 'line', SUSPECT_SOURCE],
    ]);
    const line = layers[2] as { paint: Record<string, unknown> };
    expect(line.paint['line-color']).toEqual(['match', ['get', 'zone'], 'evacuation', '#8e1b10', '#d68910']);
  });
});
