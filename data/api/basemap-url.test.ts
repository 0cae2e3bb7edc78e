import { describe, expect, it } from 'vitest';
import { basemapOrigin, basemapUrlProblem } from './basemap-url.js';
import { parseApiArgument } from './contract.js';

describe('basemapUrlProblem', () => {
  it('accepts https templates and http only on this machine', () => {
    for (const ok of [
      'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      'https://tiles.example.org/base/{z}/{x}/{y}@2x.png?key=abc',
      'https://tiles.example.org:8443/{z}/{y}/{x}.jpg',
      'http://localhost:8080/{z}/{x}/{y}.png',
      'http://127.0.0.1:43123/tiles/{z}/{x}/{y}.png',
      'HTTPS://Tiles.Example.ORG/{z}/{x}/{y}.png',
    ]) expect(basemapUrlProblem(ok), ok).toBeNull();
  });

  it('names the problem: plain http elsewhere, other schemes, missing placeholders, not an address', () => {
    expect(basemapUrlProblem('http://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/plain http to tiles\.example\.org: use https, or http only for a tile server on this machine/);
    expect(basemapUrlProblem('http://192.168.1.5/{z}/{x}/{y}.png')).toMatch(/plain http to 192\.168\.1\.5/);
    expect(basemapUrlProblem('ftp://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/must start with https:\/\/ .* it starts with ftp:/);
    expect(basemapUrlProblem('file:///tiles/{z}/{x}/{y}.png')).toMatch(/not a web address/);
    expect(basemapUrlProblem('https://tiles.example.org/{z}/{x}.png')).toMatch(/missing \{y\}/);
    expect(basemapUrlProblem('https://tiles.example.org/tile.png')).toMatch(/missing \{z\}, \{x\}, \{y\}/);
    expect(basemapUrlProblem('tiles.example.org/{z}/{x}/{y}.png')).toMatch(/not a web address: "tiles\.example\.org/);
    expect(basemapUrlProblem('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toMatch(/placeholder in the server name \(\{s\}\.tile\.example\.org\)/);
    expect(basemapUrlProblem('https://me:secret@tiles.example.org/{z}/{x}/{y}.png')).toMatch(/user name or password/);
    expect(basemapUrlProblem('')).toBe('The basemap URL is empty.');
    expect(basemapUrlProblem(' https://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/spaces before or after/);
    expect(basemapUrlProblem(`https://t.example.org/{z}/{x}/{y}.png?k=${'a'.repeat(2000)}`)).toMatch(/at most 2000/);
  });

  it('gives the origin the CSP must allow, and none for an unusable URL', () => {
    expect(basemapOrigin('https://Tiles.Example.org/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(basemapOrigin('https://tiles.example.org:443/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(basemapOrigin('http://127.0.0.1:43123/t/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:43123');
    expect(basemapOrigin('http://tiles.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(basemapOrigin(null)).toBeNull();
  });
});

describe('setSettings schema', () => {
  it('refuses a bad basemap URL with the rule it broke, naming the field', () => {
    expect(() => parseApiArgument('setSettings', { basemap_url: 'http://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(
      /^setSettings: basemap_url: The basemap URL uses plain http to tiles\.example\.org/,
    );
    expect(parseApiArgument('setSettings', { basemap_url: null })).toEqual({ basemap_url: null });
  });

  it('takes suspicious items with ids, threat codes and finite lon/lat; refuses anything else', () => {
    const items = [
      { id: 'item-1', threat: 'briefcase', lonLat: [-1.5, 53.8] },
      { id: 'item-2', threat: 'custom:150', lonLat: [-1.5001, 53.8002] },
      { id: 'item-3', threat: 'custom:400:N1', lonLat: [180, -90] },
    ];
    expect(parseApiArgument('setSettings', { suspect_items: items })).toEqual({ suspect_items: items });
    const refused = (value: unknown) => () => parseApiArgument('setSettings', { suspect_items: value });
    expect(refused([{ id: 'item-1', threat: 'briefcase', lonLat: [-1.5, Number.NaN] }])).toThrow(/suspect_items\.0\.lonLat\.1/);
    expect(refused([{ id: 'item-1', threat: 'briefcase', lonLat: [200, 53] }])).toThrow(/suspect_items\.0\.lonLat\.0/);
    expect(refused([{ id: 'item-1', threat: 'Briefcase!', lonLat: [0, 0] }])).toThrow(/suspect_items\.0\.threat: a threat is a chart id/);
    expect(refused([{ id: '', threat: 'car', lonLat: [0, 0] }])).toThrow(/suspect_items\.0\.id/);
    expect(refused([{ id: 'item-1', threat: 'car', lonLat: [0, 0], note: 'x' }])).toThrow(/suspect_items\.0/);
    expect(refused([items[0], { ...items[1], id: 'item-1' }])).toThrow(/two suspicious items share an id/);
    // 501 items: one over the cap of 500.
    expect(refused(Array.from({ length: 501 }, (_, i) => ({ id: `item-${i + 1}`, threat: 'car', lonLat: [0, 0] })))).toThrow(/at most 500 suspicious items/);
  });

  it('refuses keys it does not know', () => {
    expect(() => parseApiArgument('setSettings', { basemap: 'https://t.example.org/{z}/{x}/{y}.png' })).toThrow(/setSettings/);
  });
});
