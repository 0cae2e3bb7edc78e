import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { riversideResult, riversideScene } from '../fixtures/riverside-market.js';
import { StandoffTable } from './StandoffTable.js';

afterEach(cleanup);

describe('StandoffTable', () => {
  it('shows achieved, required, shortfall and overpressure per target and threat, short rows in red', () => {
    const zoomed: string[][] = [];
    const { container } = render(
      <StandoffTable result={riversideResult()} scene={riversideScene()} threatNames={{ car: 'Car (sedan)', suv_van: 'SUV / van' }} onZoomTo={(ids) => zoomed.push(ids)} />,
    );
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      // 98 − 44.6 = 53.4 m short; 122 − 44.6 = 77.4 m short.
      ['Market hall', 'Car (sedan)', '44.6 m', '98.0 m', '53.4 m', '21.7 kPa'],
      ['Market hall', 'SUV / van', '44.6 m', '122 m', '77.4 m', '31.2 kPa'],
      ['Market hall', 'briefcase', '52.0 m', '46.0 m', 'met', '9.8 kPa'],
      ['Market square', 'Car (sedan)', 'unreachable', '98.0 m', 'met', '—'],
    ]);
    expect(rows.map((r) => r.className)).toEqual(['an-row-bad', 'an-row-bad', '', '']);
    fireEvent.click(rows[0]);
    expect(zoomed).toEqual([['market-hall', 'breach-car-market-hall']]);
  });
});
