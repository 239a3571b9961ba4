/**
 * SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps, VS Code SARIF viewer).
 *
 * @module
 */
import type { AnyRule, CheckResult, Finding } from '@milieu/core';
import type { PointerLocator } from '../locate.js';

/** The SARIF 2.1.0 JSON schema URI written as `$schema`. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * Where the rules are documented, relative to the repository root. `helpUri`s are written only
 * when the caller passes an absolute URL of this file (see {@link toSarif}).
 */
export const RULES_DOC_PATH = 'packages/core/docs/rules.md';

/** A SARIF log (the subset we write). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

/** One SARIF run. */
export interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
  artifacts: { location: { uri: string } }[];
  results: SarifResult[];
  properties?: Record<string, unknown>;
}

/** A SARIF reporting descriptor. */
export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'none' | 'warning' | 'error' };
  properties: { concern: string; tags: string[] };
}

/** A SARIF result. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'warning' | 'error';
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
  properties: Record<string, unknown>;
}

/** A SARIF location: the file (with a region) and the JSON pointer as a logical location. */
export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; index: number };
    region: { startLine: number; startColumn: number };
  };
  logicalLocations: { fullyQualifiedName: string; kind: 'member' }[];
}

const LEVEL = { off: 'none', warn: 'warning', error: 'error' } as const;

function location(uri: string, pointer: string, locator: PointerLocator): SarifLocation {
  const { line, column } = locator.locate(pointer);
  return {
    physicalLocation: {
      artifactLocation: { uri, index: 0 },
      region: { startLine: line, startColumn: column },
    },
    logicalLocations: [{ fullyQualifiedName: pointer || '/', kind: 'member' }],
  };
}

function result(f: Finding, uri: string, ruleIndex: number, locator: PointerLocator): SarifResult {
  const [primary = '', ...others] = f.path;
  const out: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.fix ? `${f.message} Fix: ${f.fix.message}` : f.message },
    locations: [location(uri, primary, locator)],
    properties: {
      messageId: f.messageId,
      concern: f.concern,
      data: f.data,
      related: f.related,
      ...(f.fix ? { fix: f.fix.message } : {}),
    },
  };
  if (others.length > 0)
    out.relatedLocations = others.map((p, id) => ({ id, ...location(uri, p, locator) }));
  return out;
}

/**
 * Converts a check result to a SARIF 2.1.0 log: `tool.driver.rules` lists every rule that can
 * report (with its description, rationale and source as help); each result carries `ruleId`,
 * `level`, a message, the file as `physicalLocation` (with the line and column of the JSON
 * pointer) and the pointer as a `logicalLocation` `fullyQualifiedName`.
 *
 * @param uri - the checked file, as a relative URI
 * @param check - the result of `checkDocument`
 * @param rules - the rules of the registry used
 * @param locator - positions of JSON pointers in the file
 * @param version - the tool version
 * @param docsUri - absolute URL of the rules documentation; adds `informationUri` and per-rule
 *   `helpUri` (`<docsUri>#<rule-id>`) when given
 */
export function toSarif(
  uri: string,
  check: CheckResult,
  rules: readonly AnyRule[],
  locator: PointerLocator,
  version: string,
  docsUri?: string,
): SarifLog {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'milieu',
            version,
            ...(docsUri ? { informationUri: docsUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs.description },
              fullDescription: { text: r.docs.rationale },
              help: {
                text: `${r.docs.description}\n\nWhy: ${r.docs.rationale}\n\nSource: ${r.docs.source}`,
                markdown: `${r.docs.description}\n\n**Why:** ${r.docs.rationale}\n\n**Source:** ${r.docs.source}`,
              },
              ...(docsUri ? { helpUri: `${docsUri}#${r.id.replace(/[^a-z0-9-]/g, '')}` } : {}),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { concern: r.concern, tags: ['milieu', r.concern] },
            })),
          },
        },
        artifacts: [{ location: { uri } }],
        results: check.findings.map((f) => result(f, uri, index.get(f.ruleId) ?? -1, locator)),
        properties: { summary: check.summary },
      },
    ],
  };
}

/**
 * A SARIF log for a document that could not be checked: one `error` result per parse issue,
 * under the pseudo-rule `milieu/invalid-document`.
 *
 * @param uri - the file, as a relative URI
 * @param issues - issues from `parseDocument` (`path` is a JSON pointer)
 * @param locator - positions of JSON pointers in the file
 * @param version - the tool version
 */
export function issuesToSarif(
  uri: string,
  issues: readonly { path: string; code: string; message: string }[],
  locator: PointerLocator,
  version: string,
): SarifLog {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'milieu',
            version,
            rules: [
              {
                id: 'milieu/invalid-document',
                shortDescription: { text: 'The file is not a valid milieu document.' },
                fullDescription: {
                  text: 'The document must parse as JSON and match the milieu document schema (milieuVersion 1) before practice rules can run.',
                },
                help: {
                  text: 'Fix the listed issues; each is located by a JSON pointer.',
                  markdown: 'Fix the listed issues; each is located by a JSON pointer.',
                },
                defaultConfiguration: { level: 'error' },
                properties: { concern: 'document', tags: ['milieu'] },
              },
            ],
          },
        },
        artifacts: [{ location: { uri } }],
        results: issues.map((issue) => ({
          ruleId: 'milieu/invalid-document',
          ruleIndex: 0,
          level: 'error' as const,
          message: { text: `${issue.message} (${issue.code})` },
          locations: [location(uri, issue.path, locator)],
          properties: { code: issue.code },
        })),
      },
    ],
  };
}
