import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type ParsedArgs } from '../args.js';
import { EXIT_OK, printFindings, type CliIo } from '../main.js';
import { readSceneFile } from '../../io/read-scene-file.js';
import { writeSceneFile } from '../../io/write-scene-file.js';

/** `bulwark convert IN OUT`: by extension; a .gpkg out is a complete project. */
export async function convertCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [, input, output] = args.positionals;
  if (!input || !output) throw new UsageError('convert needs IN and OUT');
  if (resolve(input) === resolve(output)) throw new UsageError('convert: IN and OUT are the same file');
  if (existsSync(output)) throw new UsageError(`convert: ${output} already exists; remove it or choose another name`);
  const { scene, findings } = readSceneFile(input);
  printFindings(input, findings, io);
  writeSceneFile(output, scene);
  io.stderr(`${output}: wrote ${scene.features.length} features\n`);
  return EXIT_OK;
}
