import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { riversideResult, riversideScene } from '../fixtures/riverside-market.js';
import { LayersView } from './LayersView.js';

afterEach(cleanup);

describe('LayersView', () => {
  it('shows layers crossed, P(interruption), gaps and camera detect % per target and flags a single layer', () => {
    const { container } = render(<LayersView result={riversideResult()} scene={riversideScene()} responseTimeS={90} onZoomTo={() => {}} />);
    const hall = container.querySelector('[data-target="market-hall"]')!;
    expect(hall.querySelector('.an-zone-head')!.textContent).toBe('Market hallvehicle 2 · on foot 2P(I) 0.85 at 90 s');
    expect([...hall.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['1', 'Market cordon', 'cordon', '1 (1 vehicle)', '62.5 %'],
      ['2', 'Hall search line', 'screening', '0', '88.0 %'],
    ]);
    expect(hall.querySelector('.an-flag')).toBeNull();
    const square = container.querySelector('[data-target="market-square"]')!;
    expect(square.querySelector('.an-flag')!.textContent).toBe('single layer');
    expect(square.querySelector('tbody tr td:nth-child(4)')!.textContent).toBe('2 (1 vehicle)');
  });

  it('marks gaps a vehicle fits through and shows a route that does not exist as —', () => {
    const result = riversideResult();
    const t = result.summary.layers!.results[0];
    t.layers[0].gaps = [{ type: 'element_gap', width_m: 2.4, vehicle_permeable: true }, { type: 'entrance', width_m: 1.0, vehicle_permeable: false }];
    (t as { vehicle_layers_crossed: number | null }).vehicle_layers_crossed = null;
    const { container } = render(<LayersView result={result} scene={riversideScene()} onZoomTo={() => {}} />);
    const hall = container.querySelector('[data-target="market-hall"]')!;
    expect(hall.querySelector('tbody tr td:nth-child(4)')!.textContent).toBe('2 (1 vehicle)');
    expect(hall.querySelector('.an-zone-head')!.textContent).toContain('vehicle — · on foot 2');
  });

  it('clicks zoom to the target and to a layer', () => {
    const zoomed: string[][] = [];
    render(<LayersView result={riversideResult()} scene={riversideScene()} onZoomTo={(ids) => zoomed.push(ids)} />);
    fireEvent.click(screen.getByText('Market hall'));
    fireEvent.click(screen.getByText('Hall search line'));
    expect(zoomed).toEqual([['market-hall'], ['screening']]);
  });
});
