import type { ParsedArgs } from './args.js';
import type { CliIo } from './main.js';

/** Progress on stderr only when stderr is a terminal or with --progress (cli.md), never on stdout. */
export function progressReporter(args: ParsedArgs, io: CliIo): ((fraction: number, stage: string) => void) | undefined {
  if (!io.stderrIsTty && !args.options.has('progress')) return undefined;
  let last = -1;
  return (fraction, stage) => {
    const pct = Math.floor(fraction * 100);
    if (pct === last) return;
    last = pct;
    io.stderr(io.stderrIsTty ? `\r${stage} ${pct}%   ${pct === 100 ? '\n' : ''}` : `${stage} ${pct}%\n`);
  };
}
