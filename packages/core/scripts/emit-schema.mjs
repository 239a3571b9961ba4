#!/usr/bin/env node
// Writes packages/core/schema.json from the built package (run after tsup):
//   node scripts/emit-schema.mjs           write schema.json
//   node scripts/emit-schema.mjs --check   fail if schema.json is missing or stale
// The schema comes from documentJsonSchema(), i.e. from the zod/mini schemas themselves, so the
// TSDoc'd settings (policy.displayNames and the rest) carry their descriptions into the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The text of schema.json for a `documentJsonSchema` function (the built one when run, the
 * source one in tests).
 *
 * @param {() => Record<string, unknown>} documentJsonSchema
 * @returns {string}
 */
export function schemaText(documentJsonSchema) {
  return JSON.stringify(documentJsonSchema(), null, 2) + '\n';
}

async function main() {
  const { documentJsonSchema } = await import(join(root, 'dist', 'index.js'));
  const text = schemaText(documentJsonSchema);
  const target = join(root, 'schema.json');
  if (process.argv.includes('--check')) {
    let current;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      console.error('schema.json is missing or out of date: run `npm run build -w @milieu/core`');
      process.exit(1);
    }
    console.log('schema.json is up to date');
  } else {
    writeFileSync(target, text);
    console.log(`wrote schema.json (${(text.length / 1024).toFixed(1)} KB)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
