import { describe, expect, it } from 'vitest';
import { KIND_PROPERTIES, propertySpec } from '../../core/scene/index.js';
import { parseField, placeholderOf, withProperty } from './property-edit.js';
import type { SceneFeature } from '../../core/scene/types.js';

const spec = (kind: 'camera' | 'barrier' | 'note', key: string) => {
  const s = propertySpec(kind, key);
  if (!s) throw new Error(`no spec ${kind}.${key}`);
  return s;
};

describe('property fields (properties panel)', () => {
  it('parses a bearing, with a decimal comma too', () => {
    expect(parseField(spec('camera', 'bearing_deg'), '135')).toEqual({ ok: true, value: 135 });
    expect(parseField(spec('camera', 'bearing_deg'), '12,5')).toEqual({ ok: true, value: 12.5 });
  });

  it('refuses out-of-range and non-numbers with the format message', () => {
    expect(parseField(spec('camera', 'hfov_deg'), '400')).toEqual({ ok: false, message: 'hfov_deg must be in (0, 360], got 400' });
    expect(parseField(spec('camera', 'hfov_deg'), '0')).toEqual({ ok: false, message: 'hfov_deg must be in (0, 360], got 0' });
    expect(parseField(spec('camera', 'bearing_deg'), 'north')).toEqual({ ok: false, message: 'bearing_deg must be a number, got "north"' });
    expect(parseField(spec('camera', 'resolution_h_px'), '1920.5')).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
  });

  it('treats an empty field as "use the default"', () => {
    expect(parseField(spec('camera', 'bearing_deg'), '  ')).toEqual({ ok: true, value: undefined });
  });

  it('keeps text and enum values as typed and checks enums', () => {
    expect(parseField(spec('note', 'text'), 'Gate 3 staffed')).toEqual({ ok: true, value: 'Gate 3 staffed' });
    expect(parseField(spec('barrier', 'barrier_type'), 'wall')).toEqual({ ok: true, value: 'wall' });
    expect(parseField(spec('barrier', 'barrier_type'), 'moat')).toMatchObject({ ok: false });
    expect(parseField(spec('barrier', 'stops_vehicles'), false)).toEqual({ ok: true, value: false });
  });

  it('sets and removes a property without touching the original feature', () => {
    const f: SceneFeature = { type: 'Feature', id: 'c1', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'camera', bearing_deg: 10, vendor: 'x' } };
    const g = withProperty(f, 'bearing_deg', 135);
    expect(g.properties).toEqual({ kind: 'camera', bearing_deg: 135, vendor: 'x' });
    expect(f.properties.bearing_deg).toBe(10);
    expect(withProperty(g, 'bearing_deg', undefined).properties).toEqual({ kind: 'camera', vendor: 'x' });
  });

  it('shows derived defaults as placeholders', () => {
    expect(placeholderOf(spec('barrier', 'stops_vehicles'))).toBe('derived: true for bollard, planter, wall, gate');
    expect(placeholderOf(spec('camera', 'hfov_deg'))).toBe('default 90');
    expect(placeholderOf(KIND_PROPERTIES.camera[0])).toBe('not set');
  });
});
