/**
 * Human-readable output, like a linter: per finding, in file order, `line:column  severity
 * message  rule-id`, the JSON pointer and the fix hint below it, then a summary with scores per
 * concern.
 *
 * @module
 */
import { CONCERNS, type CheckResult, type Issue } from '@milieu/core';
import type { PointerLocator } from '../locate.js';
import { summarizeRun, type FileReport } from './json.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Formats a check result as text.
 *
 * @param file - the file name to print
 * @param result - the result of `checkDocument`
 * @param locator - positions of JSON pointers in the file
 */
export function formatText(file: string, result: CheckResult, locator: PointerLocator): string {
  const { findings, summary } = result;
  const lines: string[] = [];
  if (findings.length > 0) {
    lines.push(file);
    // Like a linter: in file order (the core's order — by pointer, then rule — breaks ties).
    const located = findings
      .map((f, order) => ({ f, order, at: locator.locate(f.path[0] ?? '') }))
      .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column || a.order - b.order);
    const width = Math.max(...located.map(({ at }) => `${at.line}:${at.column}`.length));
    const pad = ' '.repeat(width + 2);
    for (const { f, at } of located) {
      const severity = f.severity === 'error' ? 'error' : 'warn ';
      lines.push(
        `  ${`${at.line}:${at.column}`.padEnd(width)}  ${severity}  ${f.message}  ${f.ruleId}`,
      );
      lines.push(`  ${pad}       at ${f.path.join(', ') || '/'}`);
      if (f.fix) lines.push(`  ${pad}       fix: ${f.fix.message}`);
    }
    lines.push('');
    const total = summary.errors + summary.warnings;
    lines.push(
      `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`,
    );
  } else {
    lines.push(`✓ ${file}: no problems`);
  }
  const scores = CONCERNS.map((c) => `${c} ${summary.concerns[c].score ?? '–'}`).join(' · ');
  lines.push(`  scores: ${scores}`);
  lines.push(
    `  checked ${summary.range.from} – ${summary.range.to} at ${summary.now} with ${plural(summary.rulesRun, 'rule')}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Formats the parse issues of an invalid document as text.
 *
 * @param file - the file name to print
 * @param issues - issues from `parseDocument`
 * @param locator - positions of JSON pointers in the file, when the text is JSON
 */
export function formatIssuesText(
  file: string,
  issues: readonly Issue[],
  locator: PointerLocator,
): string {
  const lines = [`${file}: not a valid milieu document`];
  for (const issue of issues) {
    const { line, column } = locator.locate(issue.path);
    lines.push(`  ${line}:${column}  ${issue.path || '/'}  ${issue.message}  (${issue.code})`);
  }
  lines.push('', `✖ ${plural(issues.length, 'issue')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The last line of a text run: how many files were checked and the totals, e.g.
 * `3 files checked: 0 errors, 6 warnings` or `✖ 2 files checked, 1 invalid: 3 errors, 0 warnings`.
 *
 * @param reports - one per file
 */
export function formatRunSummary(reports: readonly FileReport[]): string {
  const s = summarizeRun(reports);
  const bad = s.errors > 0 || s.invalid > 0;
  const invalid = s.invalid > 0 ? `, ${s.invalid} invalid or unreadable` : '';
  return `${bad ? '✖' : '✓'} ${plural(s.checked, 'file')} checked${invalid}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}\n`;
}
