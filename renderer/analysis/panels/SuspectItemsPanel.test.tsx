import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { THREATS } from '../../../core/threats/threats.js';
import { threatOptions } from '../picker-options.js';
import { formatLonLat, SuspectItemsPanel, type SuspectItemRow } from './SuspectItemsPanel.js';

const rows: SuspectItemRow[] = [
  {
    item: { id: 'item-1', lonLat: [4.35179, 50.84661], threat: 'briefcase' },
    exposure: {
      evacuate: [
        { id: 'fan-square', kind: 'crowd_zone', name: 'Fan square', distanceM: 18, whole: false },
        { id: 'blk-s2', kind: 'building', name: 'Northgate Station', distanceM: 32, whole: false },
        { id: 'blk-s3', kind: 'building', name: 'Market hall', distanceM: 40.6, whole: false },
      ],
      shelter: [{ id: 'stadium', kind: 'site', name: 'Northgate Stadium', distanceM: 70, whole: false }],
    },
  },
  { item: { id: 'item-2', lonLat: [-0.12345, -33.5], threat: 'custom:100' }, exposure: { evacuate: [], shelter: [] } },
];

function setup() {
  const handlers = { onSelect: vi.fn(), onRemove: vi.fn(), onThreatChange: vi.fn(), onZoomToItem: vi.fn(), onZoomTo: vi.fn() };
  render(<SuspectItemsPanel rows={rows} selectedId="item-1" threatOptions={threatOptions(THREATS)} {...handlers} />);
  return handlers;
}

describe('SuspectItemsPanel', () => {
  afterEach(cleanup);
  it('shows each item’s place, threat, distances and what its zones reach, counted by kind', () => {
    setup();
    const first = screen.getByTestId('suspect-item-item-1');
    expect(first.className).toContain('selected');
    expect(first.textContent).toContain('50.84661° N, 4.35179° E');
    expect(screen.getByTestId('suspect-distances-item-1').textContent).toBe('evacuate 46.0 m · shelter 564 m');
    expect(screen.getByTestId('suspect-evacuate-item-1').textContent).toContain('In the evacuation zone: 1 crowd zone, 2 buildings');
    expect(screen.getByTestId('suspect-shelter-item-1').textContent).toContain('1 site');
    // 15.87 × 100^(1/3) = 73.7 m for the custom 100 kg charge, scaled from the chart; shelter × 580/98
    // (the car row, nearest in ln W) = 435.9 m.
    expect(screen.getByTestId('suspect-distances-item-2').textContent).toMatch(/^evacuate 73\.7 m · shelter 436 m$/);
    expect(screen.getByTestId('suspect-evacuate-item-2').textContent).toContain('none');
    expect(screen.getByTestId('suspect-kg-item-2')).toHaveProperty('value', '100');
  });

  it('a name zooms to that feature, the item name to the item; threat and remove report the item', () => {
    const h = setup();
    fireEvent.click(within(screen.getByTestId('suspect-evacuate-item-1')).getByText('Northgate Station'));
    expect(h.onZoomTo).toHaveBeenCalledWith(['blk-s2']);
    fireEvent.click(screen.getByTestId('suspect-zoom-item-1'));
    expect(h.onZoomToItem).toHaveBeenCalledWith('item-1');
    fireEvent.change(screen.getByTestId('suspect-threat-item-1'), { target: { value: 'car' } });
    expect(h.onThreatChange).toHaveBeenCalledWith('item-1', 'car');
    fireEvent.change(screen.getByTestId('suspect-threat-item-1'), { target: { value: 'custom' } });
    expect(h.onThreatChange).toHaveBeenLastCalledWith('item-1', 'custom:100');
    fireEvent.change(screen.getByTestId('suspect-kg-item-2'), { target: { value: '250' } });
    expect(h.onThreatChange).toHaveBeenLastCalledWith('item-2', 'custom:250');
    fireEvent.click(screen.getByTestId('suspect-remove-item-2'));
    expect(h.onRemove).toHaveBeenCalledWith('item-2');
    expect(h.onSelect).not.toHaveBeenCalledWith('item-2');
  });

  it('says how to drop an item when there is none', () => {
    render(<SuspectItemsPanel rows={[]} selectedId={null} threatOptions={[]} onSelect={vi.fn()} onRemove={vi.fn()} onThreatChange={vi.fn()} onZoomToItem={vi.fn()} onZoomTo={vi.fn()} />);
    expect(screen.getByTestId('suspect-items-empty').textContent).toContain('Suspicious item tool (I)');
  });

  it('formats positions with hemispheres', () => {
    expect(formatLonLat([-0.12345, -33.5])).toBe('33.50000° S, 0.12345° W');
  });
});
