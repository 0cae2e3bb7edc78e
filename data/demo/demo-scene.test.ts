import { describe, expect, it } from 'vitest';
import { validateScene } from '../../core/scene/validate.js';
import { demoScene } from './demo-scene.js';

describe('built-in demo project', () => {
  it('is a valid scene with every element the brief asks for', () => {
    const scene = demoScene();
    const v = validateScene(scene);
    expect(v.findings).toEqual([]);
    expect(v.valid).toBe(true);
    const kinds = scene.features.map((f) => f.properties.kind);
    expect(kinds.filter((k) => k === 'camera').length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((k) => k === 'perimeter')).toHaveLength(2);
    for (const k of ['site', 'crowd_zone', 'road', 'building', 'barrier', 'analysis_area']) expect(kinds).toContain(k);
    // The proposed bollard line leaves a gap: its two halves end 6 m apart.
    const west = scene.features.find((f) => f.id === 'hvm-west')!.geometry;
    const east = scene.features.find((f) => f.id === 'hvm-east')!.geometry;
    expect(west.type).toBe('LineString');
    expect(east.type).toBe('LineString');
  });

  it('is the same every time (stable ids and coordinates)', () => {
    expect(JSON.stringify(demoScene())).toBe(JSON.stringify(demoScene()));
  });
});
