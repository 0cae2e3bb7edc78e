/** Command-line arguments: positionals and `--name value` / `--name=value` / `--flag` options. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

const FLAGS = new Set(['help', 'progress', 'version']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') options.set('help', true);
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const name = a.slice(2);
        if (FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) options.set(name, true);
        else options.set(name, argv[++i]);
      }
    } else positionals.push(a);
  }
  return { positionals, options };
}

export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const v = stringOption(args, name);
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}
