#!/usr/bin/env node
// Writes packages/core/schema.json from the built package (run after tsup):
//   node scripts/emit-schema.mjs           write schema.json
//   node scripts/emit-schema.mjs --check   fail if schema.json is missing or stale
// The schema comes from documentJsonSchema(), i.e. from the zod/mini schemas themselves.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { documentJsonSchema } = await import(join(root, 'dist', 'index.js'));
const text = JSON.stringify(documentJsonSchema(), null, 2) + '\n';
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
