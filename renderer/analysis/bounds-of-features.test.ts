import { describe, expect, it } from 'vitest';
import { localFrame } from '../../core/geometry/local-frame.js';
import { boundsOfFeatures } from './bounds-of-features.js';
import { RIVERSIDE_ORIGIN, riversideResult, riversideScene } from './fixtures/riverside-market.js';

describe('boundsOfFeatures', () => {
  it('spans the named scene and output features together', () => {
    const frame = localFrame(RIVERSIDE_ORIGIN);
    // The bus stop zone spans x 62…82, y −20…−5 m; its N2A path starts at (150, −40).
    const b = boundsOfFeatures(['bus-stop', 'path-bus-stop-N2A'], riversideScene(), riversideResult())!;
    const [x0, y0] = frame.toLocal([b[0], b[1]]);
    const [x1, y1] = frame.toLocal([b[2], b[3]]);
    expect(x0).toBeCloseTo(62, 1);
    expect(y0).toBeCloseTo(-40, 1);
    expect(x1).toBeCloseTo(150, 1);
    expect(y1).toBeCloseTo(-5, 1);
  });

  it('is undefined when no id matches', () => {
    expect(boundsOfFeatures(['nope'], riversideScene(), null)).toBeUndefined();
  });
});
