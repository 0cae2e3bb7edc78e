import { Marker, type GeoJSONSource, type GeoJSONSourceSpecification, type LayerSpecification, type Map as MaplibreMap } from 'maplibre-gl';
import type { StoreApi } from 'zustand/vanilla';
import { localFrame } from '../../core/geometry/local-frame.js';
import { ANALYSIS_COLOURS } from './analysis-layers.js';
import { itemLabel, itemRingFeatures, itemThreat, type SuspectItem } from './suspect-item-rings.js';
import type { SuspectItemsState } from './suspect-items-store.js';
import { formatM } from './format.js';

/** The map source and layers of the suspicious items' rings (drawn above the plan). */
export const SUSPECT_SOURCE = 'bulwark-suspect-rings';
export const SUSPECT_LAYER_IDS = {
  fill: 'bulwark-suspect-rings-fill',
  casing: 'bulwark-suspect-rings-casing',
  line: 'bulwark-suspect-rings-line',
} as const;

interface RingCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
}

/** Every item's evacuation disc and shelter annulus; `selected` marks the selected item's. */
export function suspectRingsData(items: readonly SuspectItem[], selectedId: string | null): RingCollection {
  return {
    type: 'FeatureCollection',
    features: items.flatMap((item) =>
      itemRingFeatures(item).map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { ...f.properties, id: f.id, selected: item.id === selectedId } })),
    ),
  };
}

/**
 * Solid rings on a white casing with a light fill, so an incident's zones read apart from the
 * plan's dashed target rings and over the analysis layers: dark red evacuation disc, amber
 * shelter annulus (the chart's two zones).
 */
export function suspectRingLayers(): LayerSpecification[] {
  const zoneColour = ['match', ['get', 'zone'], 'evacuation', EVACUATION_COLOUR, ANALYSIS_COLOURS.warning] as unknown as string;
  const width = ['case', ['get', 'selected'], 3, 2.25] as unknown as number;
  return [
    {
      id: SUSPECT_LAYER_IDS.fill, type: 'fill', source: SUSPECT_SOURCE,
      paint: { 'fill-color': zoneColour, 'fill-opacity': ['match', ['get', 'zone'], 'evacuation', 0.16, 0.06] },
    },
    {
      id: SUSPECT_LAYER_IDS.casing, type: 'line', source: SUSPECT_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['+', width, 3] as unknown as number, 'line-opacity': 0.85 },
    },
    {
      id: SUSPECT_LAYER_IDS.line, type: 'line', source: SUSPECT_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': zoneColour, 'line-width': width },
    },
  ];
}

/** Darker than the analysis' problem red, so an item's ring stands out from red approach paths. */
export const EVACUATION_COLOUR = '#8e1b10';

/** Where a ring's label sits: due north of the item on the ring. */
function northOf(lonLat: [number, number], distanceM: number): [number, number] {
  return localFrame(lonLat).toLonLat([0, distanceM]);
}

interface ItemMarkers {
  pin: Marker;
  pinEl: HTMLElement;
  title: HTMLElement;
  evacuate: Marker;
  shelter: Marker;
}

export interface SuspectItemsOnMapEvents {
  /** The planner clicked an item's pin. */
  onItemClicked(id: string): void;
  /** The planner dropped an item (a click while placing). */
  onDropped?(id: string): void;
  /** A map click that was not on a pin and did not drop an item. */
  onMapClicked?(): void;
}

/**
 * Puts the suspicious items on a maplibre map: a draggable pin per item with its threat and
 * distances, the two rings (recomputed on the main thread as the pin moves: two discs, cheap),
 * and the ring distances at their north points. While placing, a map click drops an item and is
 * kept from the map's own click (which would select a plan feature).
 */
export class SuspectItemsOnMap {
  private readonly markers = new Map<string, ItemMarkers>();
  private readonly unsubscribe: () => void;
  private dragging: { id: string; lonLat: [number, number] } | null = null;

  constructor(
    private readonly map: MaplibreMap,
    private readonly store: StoreApi<SuspectItemsState>,
    private readonly events: SuspectItemsOnMapEvents,
  ) {
    this.addLayers();
    this.map.getCanvasContainer().addEventListener('click', this.onClickCapture, true);
    this.map.on('click', this.onMapClick);
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.items !== prev.items || s.selectedId !== prev.selectedId) this.sync();
      if (s.placing !== prev.placing) this.map.getContainer().classList.toggle('placing-suspect-item', s.placing);
    });
    this.map.getContainer().classList.toggle('placing-suspect-item', store.getState().placing);
    this.sync();
  }

  destroy(): void {
    this.unsubscribe();
    this.map.getCanvasContainer().removeEventListener('click', this.onClickCapture, true);
    this.map.off('click', this.onMapClick);
    for (const m of this.markers.values()) this.removeMarkers(m);
    this.markers.clear();
  }

  /** Rendered ring features of one zone (for tests: the rings really render). */
  renderedRings(): { itemId: string; zone: string; coordinates: number[][][] | number[][][][] }[] {
    if (!this.map.getLayer(SUSPECT_LAYER_IDS.line)) return [];
    return this.map.queryRenderedFeatures({ layers: [SUSPECT_LAYER_IDS.line] }).map((f) => ({
      itemId: String(f.properties?.item_id),
      zone: String(f.properties?.zone),
      coordinates: (f.geometry as { coordinates: number[][][] }).coordinates,
    }));
  }

  private addLayers(): void {
    if (!this.map.getSource(SUSPECT_SOURCE)) this.map.addSource(SUSPECT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as GeoJSONSourceSpecification);
    for (const layer of suspectRingLayers()) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
  }

  private readonly onClickCapture = (e: MouseEvent): void => {
    if (!this.store.getState().placing) return;
    // A click on a pin (or the end of its drag) is the pin's.
    if ((e.target as Element | null)?.closest?.('.suspect-pin')) return;
    // The map's own click would select the plan feature under the pointer.
    e.stopPropagation();
    const rect = this.map.getCanvasContainer().getBoundingClientRect();
    const ll = this.map.unproject([e.clientX - rect.left, e.clientY - rect.top]);
    const id = this.store.getState().drop([ll.lng, ll.lat]);
    this.events.onDropped?.(id);
  };

  private readonly onMapClick = (): void => this.events.onMapClicked?.();

  private setRings(): void {
    const s = this.store.getState();
    const items = this.dragging ? s.items.map((i) => (i.id === this.dragging!.id ? { ...i, lonLat: this.dragging!.lonLat } : i)) : s.items;
    (this.map.getSource(SUSPECT_SOURCE) as GeoJSONSource | undefined)?.setData(suspectRingsData(items, s.selectedId) as Parameters<GeoJSONSource['setData']>[0]);
  }

  private sync(): void {
    const s = this.store.getState();
    const live = new Set(s.items.map((i) => i.id));
    for (const [id, m] of this.markers) {
      if (live.has(id)) continue;
      this.removeMarkers(m);
      this.markers.delete(id);
    }
    for (const item of s.items) {
      const m = this.markers.get(item.id) ?? this.addMarkers(item);
      this.placeMarkers(m, item, item.id === s.selectedId);
    }
    this.setRings();
  }

  private addMarkers(item: SuspectItem): ItemMarkers {
    const pinEl = document.createElement('div');
    pinEl.className = 'suspect-pin';
    pinEl.setAttribute('data-testid', `suspect-pin-${item.id}`);
    pinEl.setAttribute('role', 'button');
    pinEl.title = 'Suspicious item: drag to move; Delete removes the selected item';
    const dot = document.createElement('span');
    dot.className = 'suspect-pin-dot';
    dot.textContent = '!';
    const title = document.createElement('span');
    title.className = 'suspect-pin-label';
    const what = document.createElement('span');
    what.className = 'suspect-pin-threat';
    const sep = document.createElement('span');
    sep.className = 'suspect-pin-sep';
    sep.textContent = ' — ';
    const howFar = document.createElement('span');
    howFar.className = 'suspect-pin-distances';
    title.append(what, sep, howFar);
    pinEl.append(dot, title);
    // A click on the pin selects the item, not the plan feature under it.
    pinEl.addEventListener('click', (e) => {
      e.stopPropagation();
      this.events.onItemClicked(item.id);
    });
    const pin = new Marker({ element: pinEl, draggable: true, anchor: 'center' }).setLngLat(item.lonLat).addTo(this.map);
    pin.on('dragstart', () => this.events.onItemClicked(item.id));
    pin.on('drag', () => {
      const ll = pin.getLngLat();
      this.dragging = { id: item.id, lonLat: [ll.lng, ll.lat] };
      this.placeRingLabels(this.markers.get(item.id)!, { ...item, lonLat: this.dragging.lonLat });
      this.setRings();
    });
    pin.on('dragend', () => {
      const ll = pin.getLngLat();
      this.dragging = null;
      this.store.getState().move(item.id, [ll.lng, ll.lat]);
    });
    const ringLabel = (zone: string) => {
      const el = document.createElement('div');
      el.className = `suspect-ring-label ${zone}`;
      el.setAttribute('data-testid', `suspect-ring-label-${item.id}-${zone}`);
      return new Marker({ element: el, anchor: 'bottom' }).setLngLat(item.lonLat).addTo(this.map);
    };
    const m: ItemMarkers = { pin, pinEl, title, evacuate: ringLabel('evacuation'), shelter: ringLabel('shelter') };
    this.markers.set(item.id, m);
    return m;
  }

  private placeMarkers(m: ItemMarkers, item: SuspectItem, selected: boolean): void {
    const threat = itemThreat(item.threat);
    // Two lines on the map (threat, then distances); the text reads as one label.
    const [what, howFar] = itemLabel(threat).split(' — ');
    (m.title.firstChild as HTMLElement).textContent = what;
    (m.title.lastChild as HTMLElement).textContent = howFar;
    m.pinEl.setAttribute('aria-label', `Suspicious item: ${itemLabel(threat)}`);
    m.pinEl.classList.toggle('selected', selected);
    m.pinEl.setAttribute('aria-pressed', String(selected));
    m.pin.setLngLat(item.lonLat);
    m.evacuate.getElement().textContent = `Evacuate ${formatM(threat.mandatoryM)}`;
    m.shelter.getElement().textContent = `Shelter ${formatM(threat.preferredM)}`;
    this.placeRingLabels(m, item);
  }

  private placeRingLabels(m: ItemMarkers, item: SuspectItem): void {
    const threat = itemThreat(item.threat);
    m.evacuate.setLngLat(northOf(item.lonLat, threat.mandatoryM));
    m.shelter.setLngLat(northOf(item.lonLat, threat.preferredM));
  }

  private removeMarkers(m: ItemMarkers): void {
    m.pin.remove();
    m.evacuate.remove();
    m.shelter.remove();
  }
}
