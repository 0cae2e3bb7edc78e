import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isovist } from '../../core/coverage/isovist.js';
import { osmBuildingsScene } from './osm-buildings.js';

// Our exact visibility sweep against an independent GEOS ray caster (Shapely, 3,600 rays) on real
// streets: the buildings around Monaco's Casino square, © OpenStreetMap contributors (ODbL).
// Issue 3 asks for isovist areas within 1 % of a GEOS-based computation.
const here = dirname(fileURLToPath(import.meta.url));
const POINTS: [number, number][] = [
  [7.42786, 43.73924], // Casino square gardens
  [7.42905, 43.73965], // Avenue des Spélugues
  [7.42640, 43.73860], // Boulevard des Moulins side
  [7.42710, 43.74010], // north of the square
];

describe('isovist on real OSM streets (Monaco) against GEOS', () => {
  it('agrees with a Shapely/GEOS ray-cast isovist within 1 % at every open-ground point', () => {
    const { scene } = osmBuildingsScene([7.4235, 43.7365, 7.4315, 43.7425]);
    expect(scene.features.length).toBeGreaterThan(50);
    const file = join(mkdtempSync(join(tmpdir(), 'bulwark-monaco-')), 'scene.geojson');
    writeFileSync(file, JSON.stringify(scene));
    const r = spawnSync('/usr/bin/python3', [join(here, 'isovist_geos.py'), file, POINTS.map((p) => p.join(',')).join(';'), '150', '3600'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const geos = JSON.parse(r.stdout) as { inside: boolean; area_m2?: number }[];
    let compared = 0;
    POINTS.forEach(([lon, lat], i) => {
      if (geos[i].inside) {
        expect(() => isovist(scene, [lon, lat], { rangeM: 150 })).toThrow(/inside/);
        return;
      }
      const ours = isovist(scene, [lon, lat], { rangeM: 150 }).properties.area_m2 as number;
      console.log(`isovist at ${lon},${lat}: ours ${ours.toFixed(1)} m², GEOS ${geos[i].area_m2!.toFixed(1)} m²`);
      // 3,600 rays sample the visible area from inside, so GEOS may only be short of ours.
      expect(Math.abs(ours - geos[i].area_m2!) / geos[i].area_m2!).toBeLessThan(0.01);
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
