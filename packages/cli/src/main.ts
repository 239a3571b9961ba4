/**
 * `milieu check`: reads a document, checks it with `@milieu/core` and prints findings like a
 * linter. The entry point of the `milieu` bin.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  builtinRules,
  checkDocument,
  parseDocumentJson,
  RuleConfigError,
  type CheckOptions,
  type CheckResult,
  type RuleConfig,
} from '@milieu/core';
import { parseArgs, USAGE, type CheckArgs } from './args.js';
import { formatIssuesJson, formatJson } from './format/json.js';
import { issuesToSarif, toSarif } from './format/sarif.js';
import { formatIssuesText, formatText } from './format/text.js';
import { locatePointers } from './locate.js';

/** What `main` writes to and reads from: the process in the bin, fakes in tests. */
export interface CliIo {
  /** Findings and reports. */
  stdout: { write(chunk: string): unknown };
  /** Usage and fatal errors. */
  stderr: { write(chunk: string): unknown };
  /** Directory that relative file names are resolved against. */
  cwd: string;
  /** Reads a UTF-8 file (default: `fs.promises.readFile`). */
  readFile?: (path: string) => Promise<string>;
  /** The current time, used when `--now` is not given (default: `new Date()`). */
  now?: () => Date;
}

/** Exit codes of `milieu`. */
export const EXIT = { ok: 0, errors: 1, fatal: 2 } as const;

async function version(read: (path: string) => Promise<string>): Promise<string> {
  try {
    const pkg = JSON.parse(
      await read(fileURLToPath(new URL('../package.json', import.meta.url))),
    ) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`milieu: ${message}\n`);
  return EXIT.fatal;
}

async function loadConfig(
  args: CheckArgs,
  io: CliIo,
  read: (path: string) => Promise<string>,
): Promise<RuleConfig | string> {
  let rules: Record<string, unknown> = {};
  if (args.config !== undefined) {
    try {
      const parsed = JSON.parse(await read(resolve(io.cwd, args.config))) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return `${args.config}: expected a JSON object { "rules": { … } }`;
      const given = (parsed as { rules?: unknown }).rules;
      if (
        given !== undefined &&
        (given === null || typeof given !== 'object' || Array.isArray(given))
      )
        return `${args.config}: "rules" must be an object`;
      rules = { ...(given as Record<string, unknown>) };
    } catch (error) {
      return `cannot read config ${args.config}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { rules: { ...rules, ...args.rules } as RuleConfig['rules'] };
}

/**
 * Runs the `milieu` command line.
 *
 * `milieu check <file.json> [--format text|json|sarif] [--rule id=level] [--config file]
 * [--now ISO] [--from ISO --to ISO] [--locale en|es]`. Without `--now` the current time is
 * used, so the output of a plain `milieu check` changes from day to day; pass `--now` in CI for
 * reproducible results.
 *
 * @param argv - arguments after the script name
 * @param io - output streams, working directory and optional file reader and clock
 * @returns the exit code: 0 no errors (warnings allowed), 1 errors found, 2 unreadable or
 *   invalid document, invalid configuration or bad arguments
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const read = io.readFile ?? ((path: string) => readFile(path, 'utf8'));
  const args = parseArgs(argv);
  if (args.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (args.command === 'version') {
    io.stdout.write(`${await version(read)}\n`);
    return EXIT.ok;
  }
  if (args.command === 'error') {
    io.stderr.write(`milieu: ${args.message}\n\n${USAGE}\n`);
    return EXIT.fatal;
  }

  const path = resolve(io.cwd, args.file);
  const shown = (relative(io.cwd, path) || args.file).split(sep).join('/');
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    return fail(
      io,
      `cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const locator = locatePointers(text);
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) {
    if (args.format === 'json') io.stdout.write(formatIssuesJson(shown, parsed.issues));
    else if (args.format === 'sarif')
      io.stdout.write(
        `${JSON.stringify(issuesToSarif(shown, parsed.issues, locator, await version(read)), null, 2)}\n`,
      );
    else io.stdout.write(formatIssuesText(shown, parsed.issues, locator));
    return EXIT.fatal;
  }

  const config = await loadConfig(args, io, read);
  if (typeof config === 'string') return fail(io, config);
  const options: CheckOptions = { now: args.now ?? (io.now ? io.now() : new Date()), config };
  if (args.from !== undefined && args.to !== undefined)
    options.range = { from: args.from, to: args.to };
  if (args.locale !== undefined) options.locale = args.locale;
  let result: CheckResult;
  try {
    result = checkDocument(parsed.value, options);
  } catch (error) {
    if (error instanceof RuleConfigError) {
      const lines = error.issues.map(
        (i) =>
          `  ${i.path
            .replace(/^\/config\/rules\//, '--rule ')
            .replace(/^\/now$/, '--now')
            .replace(/^\/range\/(from|to)$/, '--$1')}: ${i.message}`,
      );
      return fail(io, `invalid options\n${lines.join('\n')}`);
    }
    throw error;
  }

  if (args.format === 'json') io.stdout.write(formatJson(shown, result));
  else if (args.format === 'sarif')
    io.stdout.write(
      `${JSON.stringify(toSarif(shown, result, builtinRules, locator, await version(read)), null, 2)}\n`,
    );
  else io.stdout.write(formatText(shown, result, locator));
  return result.summary.errors > 0 ? EXIT.errors : EXIT.ok;
}
