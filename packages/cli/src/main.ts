/**
 * `milieu check`: reads documents, checks them with `@milieu/core` and prints findings like a
 * linter. The entry point of the `milieu` bin.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  builtinRules,
  checkDocument,
  parseDocumentJson,
  RuleConfigError,
  type CheckOptions,
  type Issue,
} from '@milieu/core';
import { parseArgs, USAGE, type CheckArgs } from './args.js';
import { loadConfig } from './config.js';
import { formatIssuesJson, formatJson, formatRunJson, type FileReport } from './format/json.js';
import { issuesToSarif, SARIF_SCHEMA, toSarif, type SarifLog } from './format/sarif.js';
import { formatIssuesText, formatRunSummary, formatText } from './format/text.js';
import { expandFileArgs, isGlob } from './glob.js';
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

function optionLines(issues: readonly Issue[]): string[] {
  return issues.map(
    (i) =>
      `  ${i.path
        .replace(/^\/config\/rules\//, '--rule ')
        .replace(/^\/now$/, '--now')
        .replace(/^\/range\/(from|to)$/, '--$1')}: ${i.message}`,
  );
}

/** Checks one file; `{ fatal }` when the options are invalid (e.g. a bad `--now`). */
async function checkFile(
  path: string,
  shown: string,
  options: CheckOptions,
  read: (path: string) => Promise<string>,
): Promise<FileReport | { fatal: string[] }> {
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    return {
      file: shown,
      kind: 'unreadable',
      message: `cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const locator = locatePointers(text);
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) return { file: shown, kind: 'invalid', issues: parsed.issues, locator };
  try {
    return { file: shown, kind: 'checked', result: checkDocument(parsed.value, options), locator };
  } catch (error) {
    if (error instanceof RuleConfigError) return { fatal: optionLines(error.issues) };
    throw error;
  }
}

function exitOf(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.kind !== 'checked')) return EXIT.fatal;
  return reports.some((r) => r.kind === 'checked' && r.result.summary.errors > 0)
    ? EXIT.errors
    : EXIT.ok;
}

async function runCheck(
  args: CheckArgs,
  io: CliIo,
  read: (path: string) => Promise<string>,
): Promise<number> {
  const expanded = await expandFileArgs(args.files, io.cwd);
  if (expanded.unmatched.length > 0)
    return fail(io, `no files match ${expanded.unmatched.map((g) => `"${g}"`).join(', ')}`);
  const config = await loadConfig(
    { config: args.config, preset: args.preset, rules: args.rules },
    builtinRules,
    io.cwd,
    read,
  );
  if (!config.ok) return fail(io, `invalid configuration\n${config.lines.join('\n')}`);
  const options: CheckOptions = {
    now: args.now ?? (io.now ? io.now() : new Date()),
    config: config.config,
  };
  if (args.from !== undefined && args.to !== undefined)
    options.range = { from: args.from, to: args.to };
  if (args.locale !== undefined) options.locale = args.locale;

  const reports: FileReport[] = [];
  for (const path of expanded.files) {
    const shown = (relative(io.cwd, path) || path).split(sep).join('/');
    const report = await checkFile(path, shown, options, read);
    if ('fatal' in report) return fail(io, `invalid options\n${report.fatal.join('\n')}`);
    if (report.kind === 'unreadable') io.stderr.write(`milieu: ${report.message}\n`);
    reports.push(report);
  }

  const many = args.files.length > 1 || args.files.some(isGlob);
  if (args.format === 'sarif') {
    const v = await version(read);
    const logs: SarifLog[] = reports.flatMap((r) =>
      r.kind === 'checked'
        ? [toSarif(r.file, r.result, builtinRules, r.locator, v)]
        : r.kind === 'invalid'
          ? [issuesToSarif(r.file, r.issues, r.locator, v)]
          : [],
    );
    // One log, one run per file (none when no file could be read).
    const log: SarifLog = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: logs.flatMap((l) => l.runs),
    };
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
  } else if (args.format === 'json') {
    if (!many && reports.length === 1) {
      const [r] = reports as [FileReport];
      if (r.kind === 'checked') io.stdout.write(formatJson(r.file, r.result));
      else if (r.kind === 'invalid') io.stdout.write(formatIssuesJson(r.file, r.issues));
    } else io.stdout.write(formatRunJson(reports));
  } else {
    const blocks = reports.flatMap((r) =>
      r.kind === 'checked'
        ? [formatText(r.file, r.result, r.locator)]
        : r.kind === 'invalid'
          ? [formatIssuesText(r.file, r.issues, r.locator)]
          : [],
    );
    io.stdout.write(`${blocks.join('\n')}\n${formatRunSummary(reports)}`);
  }
  return exitOf(reports);
}

/**
 * Runs the `milieu` command line.
 *
 * `milieu check <file.json|glob>... [--format text|json|sarif] [--preset name] [--rule id=level]
 * [--config file] [--now ISO] [--from ISO --to ISO] [--locale en|es]`. Without `--now` the
 * current time is used, so the output of a plain `milieu check` changes from day to day; pass
 * `--now` in CI for reproducible results.
 *
 * @param argv - arguments after the script name
 * @param io - output streams, working directory and optional file reader and clock
 * @returns the exit code: 0 no errors (warnings allowed), 1 errors found, 2 an unreadable or
 *   invalid document, an invalid configuration or bad arguments
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
  return runCheck(args, io, read);
}
