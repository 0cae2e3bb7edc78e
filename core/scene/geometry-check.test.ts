import { describe, expect, it } from 'vitest';
import { ringProblem, ringSelfIntersection } from './geometry-check.js';
import type { Position } from './types.js';

describe('ring checks name the place', () => {
  it('a bow-tie is reported at its crossing, not at a vertex', () => {
    // Edges (0,0)→(2,2) and (2,0)→(0,2) cross at (1,1).
    const bowTie: Position[] = [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]];
    expect(ringSelfIntersection(bowTie)).toEqual([1, 1]);
    expect(ringProblem(bowTie, 'outer ring')).toBe('outer ring intersects itself at [1, 1]');
  });

  it('a crossing off the grid is given to 7 decimals (about 1 cm)', () => {
    // (0,0)→(3,1) and (1,1)→(1,-1) cross at x = 1, y = 1/3.
    const ring: Position[] = [[0, 0], [3, 1], [1, 1], [1, -1], [0, 0]];
    expect(ringProblem(ring, 'outer ring')).toBe('outer ring intersects itself at [1, 0.3333333]');
  });

  it('a ring touching itself at a vertex is reported at that vertex', () => {
    // The vertex (1,0) of the spike lies on the bottom edge (0,0)→(2,0).
    const ring: Position[] = [[0, 0], [2, 0], [2, 2], [1, 0], [0, 2], [0, 0]];
    expect(ringSelfIntersection(ring)).toEqual([1, 0]);
  });

  it('a simple square passes', () => {
    expect(ringSelfIntersection([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toBeNull();
    expect(ringProblem([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], 'outer ring')).toBeUndefined();
  });
});
