import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { riversideResult, riversideScene } from '../fixtures/riverside-market.js';
import { CoveragePanel } from './CoveragePanel.js';

afterEach(cleanup);

describe('CoveragePanel', () => {
  it('shows each zone with a bar, % and gap m² per DORI level', () => {
    const { container } = render(<CoveragePanel result={riversideResult()} scene={riversideScene()} onZoomTo={() => {}} />);
    const square = container.querySelectorAll('.an-zone')[0];
    expect(square.querySelector('.an-zone-head')!.textContent).toContain('Market square3,500 m²≥2 cameras 900 m²');
    const rows = [...square.querySelectorAll('tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    // Gaps: 3500 − 3080 = 420, − 2205 = 1295, − 875 = 2625, − 262.5 = 3237.5 → 3,238 m².
    expect(rows).toEqual([
      ['Detect', '', '88.0 %', 'gap 420 m²'],
      ['Observe', '', '63.0 %', 'gap 1,295 m²'],
      ['Recognise', '', '25.0 %', 'gap 2,625 m²'],
      ['Identify', '', '7.5 %', 'gap 3,238 m²'],
    ]);
    const fill = square.querySelector<HTMLElement>('tr[data-level="observe"] .an-bar-fill')!;
    expect(fill.style.width).toBe('63%');
    const bus = container.querySelectorAll('.an-zone')[1];
    expect(bus.querySelector('tr[data-level="detect"]')!.textContent).toContain('100.0 %no gap');
  });

  it('a click on a gap zooms to its gap polygons, a click on the zone to the zone', () => {
    const zoomed: string[][] = [];
    render(<CoveragePanel result={riversideResult()} scene={riversideScene()} onZoomTo={(ids) => zoomed.push(ids)} />);
    fireEvent.click(screen.getByText('gap 420 m²'));
    fireEvent.click(screen.getByText('Bus stop queue'));
    expect(zoomed).toEqual([['gap-market-square-detect'], ['bus-stop']]);
  });
});
