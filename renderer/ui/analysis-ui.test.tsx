import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { riversideResult, riversideScene } from '../analysis/fixtures/riverside-market.js';
import { analysisStore } from '../analysis/analysis-store.js';
import { barrierCheckText } from '../analysis/barrier-check-text.js';
import { approachPathsByTarget } from './approach-paths.js';
import { groupCounts } from './group-counts.js';
import { AnalysisDock } from './AnalysisDock.js';
import { useUi } from '../state/ui-store.js';
import { LayersPanel } from './LayersPanel.js';

afterEach(cleanup);

beforeEach(() => {
  analysisStore.setState({ selectedPathId: null });
  analysisStore.getState().finished(riversideResult(), riversideScene());
  useUi.setState({ analysisHidden: {} });
});

describe('approach paths by target', () => {
  it('groups the riverside paths by target, fastest path and fastest target first', () => {
    const groups = approachPathsByTarget(riversideResult());
    expect(groups.map((g) => g.targetId)).toEqual(['market-square', 'bus-stop']);
    const speeds = groups[0].paths.map((p) => p.properties.impact_speed_kmh as number);
    expect(speeds).toEqual([...speeds].sort((a, b) => b - a));
    expect(groups[1].paths.map((p) => p.id)).toEqual(['path-bus-stop-N2A']);
    expect(approachPathsByTarget(null)).toEqual([]);
  });
});

describe('analysis group counts', () => {
  it('counts the output features each layers-panel row draws', () => {
    const counts = groupCounts(riversideResult());
    // riverside-market.ts: 7 coverage_gap features (4 market square + 3 bus stop), 2 rings, 2 breaches.
    expect(counts.get('gaps')).toBe(7);
    expect(counts.get('rings')).toBe(2);
    expect(counts.get('breaches')).toBe(2);
    expect(counts.get('paths')).toBe(approachPathsByTarget(riversideResult()).flatMap((g) => g.paths).length);
  });
});

describe('barrier badge text', () => {
  it('says the barrier, the class, the verdict, both speeds and the reason', () => {
    expect(barrierCheckText({ barrier_id: 'bollards-south', vehicle: 'M1', verdict: 'fail', required_speed_kmh: 51.1, rated_speed_kmh: 48, reason: 'impact 51.1 km/h above rated 48 km/h' })).toBe(
      'Barrier bollards-south vs M1: FAILS · arrives at 51.1 km/h · rated 48.0 km/h · impact 51.1 km/h above rated 48 km/h',
    );
    expect(barrierCheckText({ barrier_id: 'benches-east', vehicle: 'N2A', verdict: 'unrated', required_speed_kmh: 33.5, rated_speed_kmh: null })).toBe(
      'Barrier benches-east vs N2A: unrated · arrives at 33.5 km/h · no rating',
    );
  });
});

describe('analysis dock', () => {
  it('lists the findings first; the approach tab charts a path and selecting another selects it in the store', () => {
    render(<AnalysisDock open onToggle={() => {}} />);
    expect(screen.getByTestId('dock-panel-findings').textContent).toContain('South bollard line fails');
    fireEvent.click(screen.getByTestId('dock-tab-approach'));
    const panel = screen.getByTestId('dock-panel-approach');
    expect(panel.querySelector('svg')).not.toBeNull();
    fireEvent.click(screen.getByTestId('path-path-bus-stop-N2A'));
    expect(analysisStore.getState().selectedPathId).toBe('path-bus-stop-N2A');
    expect(screen.getByTestId('path-path-bus-stop-N2A').className).toContain('active');
  });

  it('collapsed, it shows the tabs only; a tab opens it', () => {
    const toggles: number[] = [];
    render(<AnalysisDock open={false} onToggle={() => toggles.push(1)} />);
    expect(screen.queryByTestId('dock-panel-findings')).toBeNull();
    fireEvent.click(screen.getByTestId('dock-tab-standoff'));
    expect(toggles).toEqual([1]);
  });
});

describe('layers panel analysis rows', () => {
  it('one row per analysis group; the eye switches the group off in the UI store and back', () => {
    render(<LayersPanel />);
    expect(screen.getByTestId('analysis-layer-paths').textContent).toContain('Approach paths');
    expect(screen.getByTestId('analysis-layer-gaps').textContent).toContain('7');
    fireEvent.click(screen.getByTestId('analysis-visibility-paths'));
    expect(useUi.getState().analysisHidden.paths).toBe(true);
    expect(screen.getByTestId('analysis-visibility-paths').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByTestId('analysis-visibility-paths'));
    expect(useUi.getState().analysisHidden.paths).toBe(false);
  });
});
