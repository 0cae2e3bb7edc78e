import { existsSync } from 'node:fs';
import { UsageError, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type CliIo } from '../main.js';
import { demoScene } from '../../demo/demo-scene.js';
import { writeSceneFile } from '../../io/write-scene-file.js';

/** `bulwark demo --out FILE`: the built-in demo project, as .gpkg or .geojson. */
export async function demoCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const out = stringOption(args, 'out') ?? args.positionals[1];
  if (!out) throw new UsageError('demo needs --out FILE');
  if (existsSync(out)) throw new UsageError(`demo: ${out} already exists; remove it or choose another name`);
  const scene = demoScene();
  writeSceneFile(out, scene);
  io.stderr(`${out}: wrote the demo project "${scene.bulwark.name}" (${scene.features.length} features)\n`);
  return EXIT_OK;
}
