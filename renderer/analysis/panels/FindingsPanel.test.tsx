import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { findingsFromResult } from '../findings-from-result.js';
import { riversideResult, riversideScene } from '../fixtures/riverside-market.js';
import { FindingsPanel } from './FindingsPanel.js';

afterEach(cleanup);

describe('FindingsPanel', () => {
  const findings = findingsFromResult(riversideResult(), riversideScene(), { responseTimeS: 90, threatNames: { suv_van: 'SUV / van', car: 'car' } });

  it('lists the findings by severity with their numbers, sources and counts', () => {
    const { container } = render(<FindingsPanel findings={findings} onZoomTo={() => {}} />);
    const rows = [...container.querySelectorAll('.an-finding')];
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.querySelector('.an-sev')!.textContent)).toEqual(['Critical', 'Critical', 'High', 'High', 'High', 'Medium', 'Medium', 'Low', 'Low', 'Low']);
    expect(rows[1].textContent).toContain('Market square is reachable by M1 at 64.2 km/h (239 kJ)');
    expect(rows[3].textContent).toContain('Market hall: standoff short by 77.4 m — SUV / van bomb can get to 44.6 m, 122 m needed, 31.2 kPa');
    expect(rows[6].textContent).toContain('12.0 % without Detect coverage (420 m² of 3,500 m²)');
    expect(rows[0].querySelector('.an-finding-source')!.textContent).toContain('rated 1,500 kg at 48.0 km/h → 133 kJ');
    expect(container.querySelector('.an-counts')!.textContent).toBe('2 critical3 high2 medium3 low');
  });

  it('a click zooms to the finding’s features', () => {
    const zoomed: string[][] = [];
    render(<FindingsPanel findings={findings} onZoomTo={(ids) => zoomed.push(ids)} />);
    fireEvent.click(screen.getByText(/South bollard line fails/));
    fireEvent.click(screen.getByText(/Market hall: standoff short/));
    expect(zoomed).toEqual([
      ['bollards-south', 'check-bollards-south-N2A', 'check-bollards-south-M1', 'check-bollards-south-N3C'],
      ['market-hall', 'breach-car-market-hall', 'breach-suv_van-market-hall'],
    ]);
  });

  it('before any analysis has finished it says "not analysed", never a false all-clear', () => {
    render(<FindingsPanel findings={[]} onZoomTo={() => {}} analysed={false} />);
    expect(screen.getByText(/Not analysed yet/)).toBeTruthy();
    expect(screen.queryByText(/No findings/)).toBeNull();
  });

  it('says so when there is nothing wrong, with no count in a problem colour', () => {
    const { container } = render(<FindingsPanel findings={[]} onZoomTo={() => {}} />);
    expect(screen.getByText(/No findings/)).toBeTruthy();
    expect(container.querySelector('.an-count.an-sev-critical')).toBeNull();
  });
});
