/**
 * The rule configuration of a `milieu check` run, from three sources: a `--config` file, a
 * `--preset` and `--rule` flags. Each source is validated on its own so that a problem is
 * reported where it was written: in the config file (its path, the line and column, and the
 * JSON pointer), or as the flag.
 *
 * @module
 */
import { resolve } from 'node:path';
import {
  createRuleRegistry,
  resolveRuleConfig,
  type AnyRule,
  type Issue,
  type RuleConfig,
  type RuleSetting,
} from '@milieu/core';
import { locatePointers } from './locate.js';

/** Where the configuration of a run came from. */
export interface ConfigSources {
  /** `--config`, as given. */
  config?: string;
  /** `--preset`. */
  preset?: string;
  /** `--rule` flags. */
  rules: Record<string, RuleSetting>;
}

/** The merged configuration, or the located problems. */
export type LoadedConfig = { ok: true; config: RuleConfig } | { ok: false; lines: string[] };

function flagLines(issues: readonly Issue[], flag: string): string[] {
  return issues.map(
    (i) => `  ${flag === '--rule' ? i.path.replace(/^\/rules\//, '--rule ') : flag}: ${i.message}`,
  );
}

/**
 * Reads and validates the configuration of a run. The result merges the file's `extends`, then
 * `--preset`, then the file's `rules`, then the `--rule` flags.
 *
 * @param sources - the config file, preset and flags
 * @param rules - the rules available
 * @param cwd - the working directory (the config path is relative to it)
 * @param read - reads a UTF-8 file
 */
export async function loadConfig(
  sources: ConfigSources,
  rules: readonly AnyRule[],
  cwd: string,
  read: (path: string) => Promise<string>,
): Promise<LoadedConfig> {
  const registry = createRuleRegistry(rules);
  const lines: string[] = [];
  let file: RuleConfig = {};
  if (sources.config !== undefined) {
    const shown = sources.config;
    let text: string;
    try {
      text = await read(resolve(cwd, shown));
    } catch (error) {
      return {
        ok: false,
        lines: [
          `  cannot read config ${shown}: ${error instanceof Error ? error.message : String(error)}`,
        ],
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        lines: [
          `  ${shown}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        ],
      };
    }
    const locator = locatePointers(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { ok: false, lines: [`  ${shown}:1:1 /: expected a JSON object { "rules": { … } }`] };
    const checked = resolveRuleConfig(parsed as RuleConfig, registry);
    if (!checked.ok)
      for (const issue of checked.issues) {
        const { line, column } = locator.locate(issue.path);
        lines.push(`  ${shown}:${line}:${column} ${issue.path || '/'}: ${issue.message}`);
      }
    file = parsed as RuleConfig;
  }
  if (sources.preset !== undefined) {
    const checked = resolveRuleConfig({ extends: sources.preset }, registry);
    if (!checked.ok) lines.push(...flagLines(checked.issues, '--preset'));
  }
  const flags = resolveRuleConfig({ rules: sources.rules }, registry);
  if (!flags.ok) lines.push(...flagLines(flags.issues, '--rule'));
  if (lines.length > 0) return { ok: false, lines };
  const fileExtends = typeof file.extends === 'string' ? [file.extends] : [...(file.extends ?? [])];
  return {
    ok: true,
    config: {
      extends: [...fileExtends, ...(sources.preset !== undefined ? [sources.preset] : [])],
      rules: Object.fromEntries(
        Object.entries({ ...file.rules, ...sources.rules }).map(([id, setting]) => {
          const before = file.rules?.[id];
          // A bare level from a flag keeps the options the file gave (ESLint's overlay).
          return [
            id,
            !Array.isArray(setting) && Array.isArray(before) && before.length > 1
              ? ([setting, before[1]] as RuleSetting)
              : setting,
          ];
        }),
      ),
    },
  };
}
