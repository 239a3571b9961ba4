import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

/** The fenced blocks of the README, in order: `{ lang, body }`. */
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1] ?? '',
  body: (m[2] ?? '').trimEnd(),
}));

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: root,
    readFile: (path) =>
      files[path] !== undefined ? Promise.resolve(files[path]) : readFile(path, 'utf8'),
  });
  return { code, stdout, stderr };
}

describe('packages/cli/README.md', () => {
  it('the first command a new user copies exits 0 on the examples and prints what the README shows', async () => {
    const index = blocks.findIndex((b) => b.lang === 'sh' && b.body.includes('milieu check'));
    const command = blocks[index]?.body.split('\n')[0] ?? '';
    expect(command).toMatch(/^npx milieu check examples\/\S+\.json --now \S+$/);
    const { code, stdout, stderr } = await run(command.split(/\s+/).slice(2));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const shown = blocks[index + 1];
    expect(shown?.lang).toBe('text');
    expect(stdout.trimEnd()).toBe(shown?.body);
  });

  it('shows the config errors the CLI really prints', async () => {
    const index = blocks.findIndex((b) => b.lang === 'json' && b.body.includes('"maxHours": 0'));
    const config = blocks[index]?.body ?? '';
    const { code, stderr } = await run(
      [
        'check',
        'examples/inpatient-unit.json',
        '--now',
        '2026-03-28T20:00:00-04:00',
        '--config',
        'milieu.config.json',
      ],
      { [`${root}milieu.config.json`]: `${config}\n` },
    );
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toBe(blocks[index + 1]?.body);
  });
});

describe('README.md (the repository root)', () => {
  it('its milieu check command exits 0 on the examples', async () => {
    const text = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const commands = [...text.matchAll(/`(npx milieu check [^`]+)`/g)].map((m) => m[1] ?? '');
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const { code, stderr } = await run(command.split(/\s+/).slice(2));
      expect(stderr, command).toBe('');
      expect(code, command).toBe(0);
    }
  });
});
