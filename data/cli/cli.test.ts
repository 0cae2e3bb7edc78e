import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from './main.js';
import { demoScene } from '../demo/demo-scene.js';

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-cli-'));
const write = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

describe('bulwark CLI (shared/spec/cli.md)', () => {
  it('prints help with every command and exits 0', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of ['validate', 'convert', 'analyze', 'isovist', 'demo']) expect(io.out).toContain(`bulwark ${c}`);
  });

  it('validate: a valid scene exits 0', async () => {
    const io = capture();
    expect(await main(['validate', write('ok.geojson', demoScene())], io)).toBe(0);
    expect(io.err).toBe('');
  });

  it('validate: an invalid feature exits 1 with one line naming file, feature and problem', async () => {
    const scene = demoScene();
    scene.features.find((f) => f.id === 'cam-3')!.properties.hfov_deg = 400;
    const io = capture();
    expect(await main(['validate', write('scene.geojson', scene)], io)).toBe(1);
    expect(io.err).toBe('scene.geojson: feature cam-3: hfov_deg must be in (0, 360], got 400\n');
  });

  it('validate: NaN, out-of-range coordinates, unclosed and self-intersecting rings are each named', async () => {
    const scene = demoScene();
    const area = scene.features.find((f) => f.id === 'area')!;
    area.geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    const cam = scene.features.find((f) => f.id === 'cam-1')!;
    cam.geometry = { type: 'Point', coordinates: [200, 10] };
    const zone = scene.features.find((f) => f.id === 'fan-square')!;
    zone.geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    const text = JSON.stringify(scene).replace('"resolution_h_px":2560', '"resolution_h_px":NaN');
    const io = capture();
    expect(await main(['validate', write('bad.geojson', text)], io)).toBe(2); // NaN is not JSON: unreadable
    const io2 = capture();
    expect(await main(['validate', write('bad2.geojson', scene)], io2)).toBe(1);
    expect(io2.err).toContain('feature area: outer ring intersects itself');
    expect(io2.err).toContain('feature cam-1: longitude 200 is out of range');
    expect(io2.err).toContain('feature fan-square: outer ring is not closed');
  });

  it('validate: an unknown bulwark.version is refused, naming the versions read', async () => {
    const io = capture();
    expect(await main(['validate', write('v9.geojson', { type: 'FeatureCollection', bulwark: { version: 9 }, features: [] })], io)).toBe(1);
    expect(io.err).toContain('unknown bulwark.version 9; this reader reads version 1');
  });

  it('validate: an unknown extension or a missing file exits 2', async () => {
    const io = capture();
    expect(await main(['validate', write('plan.dwg', 'x')], io)).toBe(2);
    expect(io.err).toMatch(/plan\.dwg: .*unknown format/);
    expect(await main(['validate', join(dir, 'missing.geojson')], capture())).toBe(2);
  });

  it('convert: GeoJSON → GeoPackage → GeoJSON loses nothing, unknown properties included', async () => {
    const scene = demoScene();
    scene.features[1].properties.client_ref = 'ACME-42';
    const src = write('round.geojson', scene);
    const gpkg = join(dir, 'round.gpkg');
    const back = join(dir, 'round-back.geojson');
    expect(await main(['convert', src, gpkg], capture())).toBe(0);
    expect(await main(['convert', gpkg, back], capture())).toBe(0);
    const again = JSON.parse(readFileSync(back, 'utf8'));
    const byId = (s: { features: { id: string }[] }) => Object.fromEntries(s.features.map((f) => [f.id, f]));
    expect(byId(again)).toEqual(byId(JSON.parse(JSON.stringify(scene))));
    expect(again.bulwark.name).toBe(scene.bulwark.name);
  });

  it('convert: refuses to overwrite', async () => {
    const src = write('keep.geojson', demoScene());
    const io = capture();
    expect(await main(['convert', src, src], io)).toBe(2);
  });

  it('demo: writes a project that validates', async () => {
    const out = join(dir, 'demo.gpkg');
    expect(await main(['demo', '--out', out], capture())).toBe(0);
    expect(existsSync(out) && statSync(out).size > 0).toBe(true);
    expect(await main(['validate', out], capture())).toBe(0);
  });

  it('a corrupt or truncated .gpkg exits 2 with a message naming the file', async () => {
    const out = join(dir, 'cut.gpkg');
    await main(['demo', '--out', out], capture());
    const bytes = readFileSync(out);
    const cut = write('cut-half.gpkg', '');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const io = capture();
    expect(await main(['validate', cut], io)).toBe(2);
    // One line naming the file once (the store's message already starts with it).
    expect(io.err).toMatch(/^cut-half\.gpkg is not a SQLite database \(file is truncated or corrupt\)/);
    expect(io.err.match(/cut-half\.gpkg/g)).toHaveLength(1);
    const junk = write('junk.gpkg', 'this is not a database at all, just text'.repeat(50));
    const io2 = capture();
    expect(await main(['validate', junk], io2)).toBe(2);
    expect(io2.err).toMatch(/^junk\.gpkg is not a SQLite database/);
  });
});

describe('bulwark analyze and isovist', () => {
  it('analyze --only coverage writes camera views, gaps and the summary block; byte-identical on a rerun', async () => {
    const src = write('an.geojson', demoScene());
    const io1 = capture(), io2 = capture();
    expect(await main(['analyze', src, '--only', 'coverage'], io1)).toBe(0);
    expect(await main(['analyze', src, '--only', 'coverage'], io2)).toBe(0);
    expect(io1.out).toBe(io2.out);
    const out = JSON.parse(io1.out);
    expect(out.bulwark.version).toBe(1);
    const zone = out.bulwark.summary.coverage.zones.find((z: { zone_id: string }) => z.zone_id === 'fan-square');
    expect(zone.covered_pct.detect).toBeGreaterThan(zone.covered_pct.identify);
    const kinds = new Set(out.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect(kinds).toEqual(new Set(['camera_view', 'coverage_gap']));
    expect(io1.err).toBe(''); // progress only on a terminal or with --progress
  });

  it('analyze refuses an unknown analysis name with exit 2', async () => {
    const io = capture();
    expect(await main(['analyze', write('an2.geojson', demoScene()), '--only', 'astrology'], io)).toBe(2);
    expect(io.err).toContain("unknown analysis 'astrology'");
  });

  it('isovist on open ground is the whole disc (π r² within 1 %), and a bad --at exits 2', async () => {
    const scene = { type: 'FeatureCollection', bulwark: { version: 1 }, features: [] };
    const src = write('open.geojson', scene);
    const io = capture();
    expect(await main(['isovist', src, '--at', '4.35,50.85', '--range-m', '50'], io)).toBe(0);
    const area = JSON.parse(io.out).features[0].properties.area_m2;
    expect(Math.abs(area - Math.PI * 2500) / (Math.PI * 2500)).toBeLessThan(0.01);
    expect(await main(['isovist', src, '--at', 'north'], capture())).toBe(2);
  });
});

describe('bulwark analyze --only standoff,layers', () => {
  it('writes rings, breaches and the standoff and layers summaries for the chosen threat', async () => {
    const io = capture();
    expect(await main(['analyze', write('st.geojson', demoScene()), '--only', 'standoff,layers', '--threat', 'car'], io)).toBe(0);
    const out = JSON.parse(io.out);
    const rings = out.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'standoff_ring');
    // NCTC chart, sedan 227 kg: mandatory evacuation 98 m, preferred 580 m (blast-standoff.md §1).
    expect(new Set(rings.map((f: { properties: { distance_m: number } }) => f.properties.distance_m))).toEqual(new Set([98, 580]));
    const stadium = out.bulwark.summary.standoff.results.find((r: { target_id: string }) => r.target_id === 'stadium');
    expect(stadium).toMatchObject({ threat: 'car', required_m: 98 });
    // The demo leaves the stadium's north side open to traffic: a car bomb reaches its façade.
    expect(stadium.achieved_m).toBe(0);
    expect(stadium.ok).toBe(false);
    const layers = out.bulwark.summary.layers.results.map((t: { target_id: string }) => t.target_id).sort();
    expect(layers).toEqual(['fan-square', 'queue-west', 'stadium']);
  });
});
