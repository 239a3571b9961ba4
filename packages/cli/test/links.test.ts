import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script shared with `node scripts/check-links.mjs`
import { brokenLinks, markdownFiles } from '../../../scripts/check-links.mjs';

const check = brokenLinks as (root: string) => string[];
const list = markdownFiles as (root: string) => string[];
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('Markdown links', () => {
  it('every relative link in every Markdown file of the repository resolves inside it', () => {
    expect(list(root).length).toBeGreaterThan(20);
    expect(check(root)).toEqual([]);
  });

  it('reports missing files, missing headings and links that leave the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'milieu-links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'guide.md'), '# Guide\n\n## Set up\n');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '# Readme',
        '[ok](docs/guide.md#set-up) [web](https://example.org/x) [self](#readme)',
        '[gone](docs/missing.md)',
        '[outside](../shared/architecture.md)',
        '[anchor](docs/guide.md#install)',
        '`[code](not/a/link.md)`',
      ].join('\n'),
    );
    expect(check(dir)).toEqual([
      'README.md:3: docs/missing.md — no such file',
      'README.md:4: ../shared/architecture.md — leaves the repository',
      'README.md:5: docs/guide.md#install — no heading #install',
    ]);
  });
});
