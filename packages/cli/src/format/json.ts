/**
 * JSON output: the check result as is, with the file name.
 *
 * @module
 */
import type { CheckResult, Issue } from '@milieu/core';

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
