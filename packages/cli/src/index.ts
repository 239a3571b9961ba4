/**
 * `@milieu/cli` — `milieu check`: lint a milieu document against therapeutic-milieu practice.
 * The bin runs {@link main}; the formatters are exported for tools that embed the checker.
 *
 * @packageDocumentation
 */
export { EXIT, main, type CliIo } from './main.js';
export { FORMATS, parseArgs, USAGE, type CheckArgs, type Format, type ParsedArgs } from './args.js';
export { locatePointers, type PointerLocator, type TextPosition } from './locate.js';
export { formatIssuesText, formatRunSummary, formatText } from './format/text.js';
export { loadConfig, type ConfigSources, type LoadedConfig } from './config.js';
export { expandFileArgs, globToRegExp, isGlob } from './glob.js';
export {
  formatIssuesJson,
  formatJson,
  formatRunJson,
  summarizeRun,
  type FileReport,
  type JsonRunReport,
  type RunSummary,
  type JsonInvalidReport,
  type JsonReport,
} from './format/json.js';
export {
  issuesToSarif,
  RULES_DOC_PATH,
  SARIF_SCHEMA,
  toSarif,
  type SarifLocation,
  type SarifLog,
  type SarifResult,
  type SarifRule,
  type SarifRun,
} from './format/sarif.js';
