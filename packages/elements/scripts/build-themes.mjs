// Writes the shipped themes as plain CSS files (dist/themes/<theme>.css) from the token data,
// so a host can re-brand every widget with one <link rel="stylesheet"> (allowed under style-src 'self').
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEMES, themeCss } from '../dist/index.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'themes');
mkdirSync(out, { recursive: true });
for (const name of Object.keys(THEMES)) {
  const header = `/* @milieu/elements theme "${name}": set on :root; scope it by changing the selector. */\n`;
  writeFileSync(join(out, `${name}.css`), header + themeCss(name));
}
