import { UsageError, type ParsedArgs } from '../args.js';
import { EXIT_OK, printFindings, type CliIo } from '../main.js';
import { readSceneFile } from '../../io/read-scene-file.js';

/** `bulwark validate FILE`: 0 valid (warnings allowed), 1 invalid, 2 unreadable. */
export async function validateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new UsageError('validate needs a FILE');
  const { scene, findings } = readSceneFile(file);
  printFindings(file, findings, io);
  io.stdout(`${file}: valid scene format v1, ${scene.features.length} features${findings.length ? `, ${findings.length} warning(s)` : ''}\n`);
  return EXIT_OK;
}
