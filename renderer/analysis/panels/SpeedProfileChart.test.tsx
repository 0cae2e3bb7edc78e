import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { riversideResult } from '../fixtures/riverside-market.js';
import { speedProfile } from '../speed-profile.js';
import { SpeedProfileChart } from './SpeedProfileChart.js';

afterEach(cleanup);
const path = (id: string) => riversideResult().features.find((f) => f.id === id)!;

describe('speedProfile', () => {
  it('measures vertex distances in metres and names each segment’s phase', () => {
    const p = speedProfile(path('path-market-square-N2A'))!;
    // Local metres of the fixture: 40, 7.2, √(7.8² + 3²) = 8.36, √(6² + 6²) = 8.49, √(39² + 11²) = 40.52 → 104.56 m.
    expect(p.distancesM[1]).toBeCloseTo(40, 2);
    expect(p.distancesM[2]).toBeCloseTo(47.2, 2);
    expect(p.lengthM).toBeCloseTo(104.56, 1);
    expect(p.phases).toEqual(['accelerate', 'brake', 'hold', 'hold', 'accelerate']);
    expect(p.impactSpeedKmh).toBe(53.5);
  });
});

describe('SpeedProfileChart', () => {
  it('draws one line per segment coloured by phase, axes with units and the impact speed', () => {
    const { container } = render(<SpeedProfileChart path={path('path-market-square-N2A')} targetName="Market square" />);
    const segs = [...container.querySelectorAll('line[data-phase]')];
    expect(segs.map((s) => s.getAttribute('data-phase'))).toEqual(['accelerate', 'brake', 'hold', 'hold', 'accelerate']);
    expect(new Set(segs.map((s) => s.getAttribute('stroke'))).size).toBe(3);
    // Speed rises from 0 at the left axis to 45.5 km/h at 40 m: the first segment's end is higher (smaller y).
    expect(Number(segs[0].getAttribute('y2'))).toBeLessThan(Number(segs[0].getAttribute('y1')));
    const text = container.textContent!;
    expect(text).toContain('N2A → Market square · 105 m · impact 53.5 km/h');
    expect(text).toContain('impact 53.5 km/h');
    expect(text).toContain('distance along path (m)');
    expect(text).toContain('speed (km/h)');
    expect(text).toContain('48.0 km/h');
    // Ticks: 0..120 m by 20, 0..60 km/h by 20.
    const ticks = [...container.querySelectorAll('.an-axis text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '20', '40', '60', '80', '100', '120', '0', '20', '40', '60', 'distance along path (m)', 'speed (km/h)']);
  });

  it('asks for a selection when no path is selected', () => {
    const { container } = render(<SpeedProfileChart path={null} />);
    expect(container.textContent).toContain('Select an approach path');
  });
});
