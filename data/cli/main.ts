import { basename } from 'node:path';
import { ApiError } from '../api/contract.js';
import { formatFinding, type Finding } from '../../core/scene/validate.js';
import { HELP } from './help.js';
import { parseArgs, UsageError, type ParsedArgs } from './args.js';
import { validateCommand } from './commands/validate.js';
import { convertCommand } from './commands/convert.js';
import { demoCommand } from './commands/demo.js';
import { analyzeCommand } from './commands/analyze.js';
import { isovistCommand } from './commands/isovist.js';

/** Exit statuses of shared/spec/cli.md. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTty: boolean;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

type Command = (args: ParsedArgs, io: CliIo) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  convert: convertCommand,
  demo: demoCommand,
  analyze: analyzeCommand,
  isovist: isovistCommand,
};

/** Runs one command; returns its exit status. Never throws for bad input. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`bulwark: ${(e as Error).message}\n`);
    return EXIT_UNREADABLE;
  }
  const [name] = args.positionals;
  if (!name || args.options.has('help')) {
    io.stdout(HELP);
    return name || args.options.has('help') ? EXIT_OK : EXIT_UNREADABLE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`bulwark: unknown command '${name}' (try bulwark --help)\n`);
    return EXIT_UNREADABLE;
  }
  try {
    return await command(args, io);
  } catch (e) {
    return reportError(e, args.positionals[1] ?? name, io);
  }
}

/** One line per problem: `FILE: feature ID: problem`; the status says invalid (1) or unreadable (2). */
export function reportError(e: unknown, file: string, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr(`bulwark: ${e.message} (try bulwark --help)\n`);
    return EXIT_UNREADABLE;
  }
  if (e instanceof ApiError) {
    if (e.findings.length > 0) printFindings(file, e.findings, io);
    else io.stderr(`${withFileName(file, e.message)}\n`);
    return e.code === 'invalid_scene' ? EXIT_INVALID : EXIT_UNREADABLE;
  }
  io.stderr(`${basename(file)}: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT_UNREADABLE;
}

/** `FILE: message`, unless the store's message already begins with the file's name. */
function withFileName(file: string, message: string): string {
  const name = basename(file);
  return message.startsWith(`${name}:`) || message.startsWith(`${name} `) ? message : `${name}: ${message}`;
}

export function printFindings(file: string, findings: Finding[], io: CliIo): void {
  for (const f of findings) io.stderr(`${basename(file)}: ${f.severity === 'warning' ? 'warning: ' : ''}${formatFinding(f)}\n`);
}
