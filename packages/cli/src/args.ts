/**
 * Command-line arguments of `milieu`.
 *
 * @module
 */
import type { RuleSetting } from '@milieu/core';

/** Output formats of `milieu check`. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
/** An output format (see {@link FORMATS}). */
export type Format = (typeof FORMATS)[number];

/** Parsed arguments of `milieu check`. */
export interface CheckArgs {
  command: 'check';
  /** The documents to check: paths or glob patterns, as given (relative to the working directory). */
  files: string[];
  format: Format;
  /** Rule settings from `--rule` flags, in order (later flags win). */
  rules: Record<string, RuleSetting>;
  /** `--config <file>`: a JSON file `{ "extends": …, "rules": { … } }`, merged under the `--rule` flags. */
  config?: string;
  /** `--preset <name>`: a built-in preset (`milieu:recommended`, `milieu:schedule`, `milieu:strict`). */
  preset?: string;
  /** `--now`, ISO 8601 with offset; default: the current time. */
  now?: string;
  /** `--from` / `--to`: the range to check (ISO 8601 with offset). */
  from?: string;
  to?: string;
  /** `--locale`: message language; default the program's locale. */
  locale?: string;
}

/** The result of {@link parseArgs}: what to do, or a usage error. */
export type ParsedArgs =
  CheckArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

/** Usage text printed by `milieu --help` and after argument errors. */
export const USAGE = `Usage: milieu check <file.json>... [options]

Check milieu documents against therapeutic-milieu practice rules. Give several files or globs
('examples/*.json', quoted so every shell passes them through) to check them in one run.

Options:
  --format text|json|sarif   output format (default: text); SARIF writes one log, one run per file
  --preset <name>            start from a preset: milieu:recommended (the defaults),
                             milieu:schedule (timetable only) or milieu:strict (everything, as errors)
  --rule <id>=<level>        set a rule's level: off, warn or error (repeatable);
                             <level> may also be a JSON setting: 'no-empty-stretch=["warn",{"maxHours":2}]'
  --config <file.json>       configuration { "extends": "milieu:schedule", "rules": { … } }
                             (--preset applies after its extends, --rule flags win)
  --now <ISO>                the instant to check at, e.g. 2026-03-28T20:00:00-04:00
                             (default: the current time, so findings change from day to day)
  --from <ISO> --to <ISO>    the range to check (default: this week and next)
  --locale en|es             message language (default: the program's locale)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 unreadable or invalid document, or bad arguments.`;

const LEVELS = new Set(['off', 'warn', 'error', '0', '1', '2']);

function parseRule(value: string): [string, RuleSetting] | string {
  const eq = value.indexOf('=');
  if (eq <= 0) return `--rule expects <id>=<level>, got "${value}"`;
  const id = value.slice(0, eq);
  const level = value.slice(eq + 1).trim();
  if (LEVELS.has(level))
    return [
      id,
      /^\d$/.test(level) ? (Number(level) as 0 | 1 | 2) : (level as 'off' | 'warn' | 'error'),
    ];
  if (level.startsWith('[') || level.startsWith('"')) {
    try {
      return [id, JSON.parse(level) as RuleSetting];
    } catch {
      return `--rule ${id}: "${level}" is not valid JSON`;
    }
  }
  return `--rule ${id}: level must be off, warn or error (or a JSON setting), got "${level}"`;
}

/**
 * Parses `milieu` arguments (without the node and script paths). Never throws: problems come
 * back as `{ command: 'error', message }`.
 *
 * @param argv - e.g. `['check', 'unit.json', '--format', 'sarif']`
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) return { command: 'error', message: 'missing command' };
  if (command !== 'check') return { command: 'error', message: `unknown command "${command}"` };
  const args: Partial<CheckArgs> & { rules: Record<string, RuleSetting>; files: string[] } = {
    command: 'check',
    format: 'text',
    rules: {},
    files: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('-')) {
      args.files.push(arg);
      continue;
    }
    const inline = arg.indexOf('=');
    const name = inline > 0 && arg.startsWith('--') ? arg.slice(0, inline) : arg;
    const takesValue = [
      '--format',
      '--rule',
      '--config',
      '--preset',
      '--now',
      '--from',
      '--to',
      '--locale',
    ].includes(name);
    if (!takesValue) return { command: 'error', message: `unknown option "${arg}"` };
    const value = name !== arg ? arg.slice(inline + 1) : rest[++i];
    if (value === undefined) return { command: 'error', message: `${name} needs a value` };
    switch (name) {
      case '--format':
        if (!(['text', 'json', 'sarif'] as string[]).includes(value))
          return {
            command: 'error',
            message: `--format must be text, json or sarif, got "${value}"`,
          };
        args.format = value as Format;
        break;
      case '--rule': {
        const parsed = parseRule(value);
        if (typeof parsed === 'string') return { command: 'error', message: parsed };
        args.rules[parsed[0]] = parsed[1];
        break;
      }
      case '--config':
        args.config = value;
        break;
      case '--preset':
        args.preset = value;
        break;
      case '--now':
        args.now = value;
        break;
      case '--from':
        args.from = value;
        break;
      case '--to':
        args.to = value;
        break;
      default:
        args.locale = value;
    }
  }
  if (args.files.length === 0) return { command: 'error', message: 'missing <file.json>' };
  if ((args.from === undefined) !== (args.to === undefined))
    return { command: 'error', message: '--from and --to go together' };
  return args as CheckArgs;
}
