/**
 * JSON output: the check result as is, with the file name.
 *
 * @module
 */
import type { CheckResult, Issue } from '@milieu/core';
import type { PointerLocator } from '../locate.js';

/** What one file of a run gave: a check result, parse issues, or a read error. */
export type FileReport =
  | { file: string; kind: 'checked'; result: CheckResult; locator: PointerLocator }
  | { file: string; kind: 'invalid'; issues: Issue[]; locator: PointerLocator }
  | { file: string; kind: 'unreadable'; message: string };

/** Totals of a run over several files. */
export interface RunSummary {
  /** Files named or matched. */
  files: number;
  /** Files checked (valid documents). */
  checked: number;
  /** Files that are not valid documents or could not be read. */
  invalid: number;
  /** Errors over all checked files. */
  errors: number;
  /** Warnings over all checked files. */
  warnings: number;
}

/** What `--format json` prints when several files (or a glob) are given. */
export interface JsonRunReport {
  files: (JsonReport | JsonInvalidReport | { file: string; valid: false; error: string })[];
  summary: RunSummary;
}

/**
 * Totals of a run.
 *
 * @param reports - one per file
 */
export function summarizeRun(reports: readonly FileReport[]): RunSummary {
  const checked = reports.flatMap((r) => (r.kind === 'checked' ? [r.result.summary] : []));
  return {
    files: reports.length,
    checked: checked.length,
    invalid: reports.length - checked.length,
    errors: checked.reduce((n, s) => n + s.errors, 0),
    warnings: checked.reduce((n, s) => n + s.warnings, 0),
  };
}

/**
 * Formats a run over several files as one JSON object `{ files: [...], summary }`, each file as
 * {@link formatJson} or {@link formatIssuesJson} would print it alone (or with `error` when it
 * could not be read).
 *
 * @param reports - one per file, in order
 */
export function formatRunJson(reports: readonly FileReport[]): string {
  const out: JsonRunReport = {
    files: reports.map((r) =>
      r.kind === 'checked'
        ? { file: r.file, valid: true, findings: r.result.findings, summary: r.result.summary }
        : r.kind === 'invalid'
          ? { file: r.file, valid: false, issues: r.issues }
          : { file: r.file, valid: false, error: r.message },
    ),
    summary: summarizeRun(reports),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** What `--format json` prints for a checked document. */
export interface JsonReport {
  file: string;
  valid: true;
  findings: CheckResult['findings'];
  summary: CheckResult['summary'];
}

/** What `--format json` prints for a document that could not be checked. */
export interface JsonInvalidReport {
  file: string;
  valid: false;
  issues: Issue[];
}

/**
 * Formats a check result as JSON (two-space indentation, trailing newline).
 *
 * @param file - the file name
 * @param result - the result of `checkDocument`
 */
export function formatJson(file: string, result: CheckResult): string {
  const report: JsonReport = {
    file,
    valid: true,
    findings: result.findings,
    summary: result.summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Formats the parse issues of an invalid document as JSON.
 *
 * @param file - the file name
 * @param issues - issues from `parseDocument`
 */
export function formatIssuesJson(file: string, issues: Issue[]): string {
  const report: JsonInvalidReport = { file, valid: false, issues };
  return `${JSON.stringify(report, null, 2)}\n`;
}
