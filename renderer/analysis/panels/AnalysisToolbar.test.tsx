import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisStatus } from '../analysis-store.js';
import { AnalysisToolbar, type AnalysisToolbarProps } from './AnalysisToolbar.js';

afterEach(cleanup);

function setup(status: AnalysisStatus = { state: 'idle' }) {
  const calls: [string, unknown][] = [];
  const props: AnalysisToolbarProps = {
    settings: { ...DEFAULT_ANALYSIS_SETTINGS, vehicles: ['M1', 'N2A'], threats: ['car'], responseTimeS: 120 },
    status,
    vehicleOptions: [
      { code: 'M1', label: 'car, 1,500 kg', standard: 'IWA 14-1' },
      { code: 'N1G', label: '4×4 pick-up, 2,500 kg', standard: 'IWA 14-1' },
      { code: 'N2A', label: '2-axle cab-over, 7,200 kg', standard: 'IWA 14-1' },
      { code: 'N2B', label: '2-axle bonneted, 7,200 kg', standard: 'IWA 14-1', verify: true },
      { code: 'M', label: 'medium-duty truck, 6,800 kg', standard: 'ASTM F2656' },
    ],
    threatOptions: [{ id: 'car', label: 'Car (sedan), 227 kg TNT' }, { id: 'suv_van', label: 'SUV / van, 454 kg TNT' }],
    doriPresetOptions: [{ id: 'IEC62676-4:2014', label: 'IEC 62676-4:2014' }, { id: 'IEC62676-4:2025', label: 'IEC 62676-4:2025' }],
    onVehiclesChange: (v) => calls.push(['vehicles', v]),
    onThreatsChange: (v) => calls.push(['threats', v]),
    onDoriPresetChange: (v) => calls.push(['dori', v]),
    onResponseTimeChange: (v) => calls.push(['response', v]),
    onRun: () => calls.push(['run', null]),
    onCancel: () => calls.push(['cancel', null]),
  };
  return { calls, ...render(<AnalysisToolbar {...props} />) };
}

describe('AnalysisToolbar', () => {
  it('picks vehicle classes grouped by standard, keeping the table order, and flags values to verify', () => {
    const { calls, container } = setup();
    expect(container.querySelector('summary[aria-label="Vehicle classes"]')!.textContent).toBe('VehiclesM1, N2A');
    expect([...container.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['IWA 14-1', 'ASTM F2656']);
    fireEvent.click(screen.getByLabelText(/N1G/));
    fireEvent.click(screen.getByLabelText(/^M1/));
    expect(calls).toEqual([['vehicles', ['M1', 'N1G', 'N2A']], ['vehicles', ['N2A']]]);
    expect(screen.getByLabelText(/N2B/).parentElement!.textContent).toContain('verify');
  });

  it('picks threats, the DORI preset and the response time in seconds, and runs', () => {
    const { calls, container } = setup();
    expect(container.querySelector('summary[aria-label="Threats"]')!.textContent).toBe('ThreatsCar (sedan)');
    fireEvent.click(screen.getByLabelText(/SUV \/ van/));
    fireEvent.change(screen.getByLabelText('DORI preset'), { target: { value: 'IEC62676-4:2025' } });
    fireEvent.change(screen.getByLabelText('Response time in seconds'), { target: { value: '90' } });
    fireEvent.click(screen.getByText('Run analyses'));
    expect(calls).toEqual([['threats', ['car', 'suv_van']], ['dori', 'IEC62676-4:2025'], ['response', 90], ['run', null]]);
  });

  it('shows progress with the stage and a cancel button while running', () => {
    const { calls } = setup({ state: 'running', fraction: 0.62, stage: 'approach' });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('62');
    expect(screen.getByText('approach 62 %')).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel'));
    expect(calls).toEqual([['cancel', null]]);
  });

  it('an open picker closes on a click outside it, not on a click inside', () => {
    const { container } = setup();
    const picker = container.querySelector('details')!;
    picker.setAttribute('open', '');
    fireEvent.pointerDown(screen.getByLabelText(/N1G/));
    expect(picker.hasAttribute('open')).toBe(true);
    fireEvent.pointerDown(document.body);
    expect(picker.hasAttribute('open')).toBe(false);
  });

  it('shows an analysis error with its message', () => {
    setup({ state: 'error', message: 'feature cam-e: hfov_deg must be in (0, 360], got 400' });
    expect(screen.getByText('Analysis failed: feature cam-e: hfov_deg must be in (0, 360], got 400')).toBeTruthy();
  });
});
