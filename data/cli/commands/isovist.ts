import { writeFileSync } from 'node:fs';
import { UsageError, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_INVALID, EXIT_OK, printFindings, type CliIo } from '../main.js';
import { readSceneFile } from '../../io/read-scene-file.js';
import { isovist } from '../../../core/coverage/isovist.js';

/** `bulwark isovist FILE --at LON,LAT [--range-m R]`: the ground visible from a point (cli.md). */
export async function isovistCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new UsageError('isovist needs a FILE');
  const at = stringOption(args, 'at');
  if (!at) throw new UsageError('isovist needs --at LON,LAT');
  const parts = at.split(',').map(Number);
  if (parts.length !== 2 || !parts.every(Number.isFinite) || Math.abs(parts[0]) > 180 || Math.abs(parts[1]) > 90) {
    throw new UsageError(`--at must be LON,LAT in degrees, got '${at}'`);
  }
  const rangeText = stringOption(args, 'range-m');
  const rangeM = rangeText === undefined ? undefined : Number(rangeText);
  if (rangeM !== undefined && !(rangeM > 0 && Number.isFinite(rangeM))) throw new UsageError(`--range-m must be a positive number of metres, got '${rangeText}'`);
  const { scene, findings } = readSceneFile(file);
  printFindings(file, findings, io);
  let feature;
  try {
    feature = isovist(scene, parts, { rangeM });
  } catch (e) {
    io.stderr(`${file}: ${(e as Error).message}\n`);
    return EXIT_INVALID;
  }
  const text = JSON.stringify({ type: 'FeatureCollection', bulwark: { version: 1 }, features: [feature] }) + '\n';
  const out = stringOption(args, 'out');
  if (out) writeFileSync(out, text);
  else io.stdout(text);
  return EXIT_OK;
}
