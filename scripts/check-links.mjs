#!/usr/bin/env node
// Checks every relative link in every Markdown file of the repository:
//   node scripts/check-links.mjs     print broken links, exit 1 if any
// A link must resolve to a file or directory inside the repository (and, for `#anchor`, to a
// heading of the Markdown file it names); links to web pages (http, https, mailto) are allowed
// and not fetched. Run by `npm test` through packages/cli/test/links.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = new Set(['node_modules', 'dist', 'storybook-static', 'coverage', '__screenshots__']);

/** Every Markdown file under `root`, skipping dependencies, build output and dot directories. */
export function markdownFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') && entry.name !== '.changeset') continue;
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text (headings, with GitHub's -1, -2 suffixes for repeats). */
export function anchors(text) {
  const seen = new Map();
  const out = new Set();
  for (const line of stripCode(text).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]);
  return out;
}

/** Blanks fenced code blocks and inline code, keeping line numbers. */
function stripCode(text) {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

/** Links of a Markdown text: `[text](target)`, `![alt](target)` and `[label]: target`, with lines. */
export function links(text) {
  const clean = stripCode(text);
  const out = [];
  const lines = clean.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      out.push({ target: m[1], line: i + 1 });
    const ref = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(line);
    if (ref) out.push({ target: ref[1], line: i + 1 });
  });
  return out;
}

/**
 * Broken links of every Markdown file under `root`: targets that do not exist, leave the
 * repository, or name a missing heading.
 */
export function brokenLinks(root) {
  const problems = [];
  const anchorCache = new Map();
  const anchorsOf = (file) => {
    if (!anchorCache.has(file)) anchorCache.set(file, anchors(readFileSync(file, 'utf8')));
    return anchorCache.get(file);
  };
  for (const file of markdownFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const shown = relative(root, file).split(sep).join('/');
    for (const { target, line } of links(text)) {
      if (/^(?:https?:|mailto:)/i.test(target)) continue;
      const report = (why) => problems.push(`${shown}:${line}: ${target} — ${why}`);
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
        report('only web pages (http, https) may be linked outside the repository');
        continue;
      }
      const [pathPart, anchor] = target.split('#', 2);
      const decoded = decodeURIComponent(pathPart);
      if (decoded.startsWith('/')) {
        report('absolute paths do not resolve on GitHub or npm: use a relative link');
        continue;
      }
      const resolved = decoded === '' ? file : resolve(dirname(file), decoded);
      const inside = relative(root, resolved);
      if (inside.startsWith('..') || inside.split(sep)[0] === '..') {
        report('leaves the repository');
        continue;
      }
      if (!existsSync(resolved)) {
        report('no such file');
        continue;
      }
      if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
        if (!anchorsOf(resolved).has(anchor.toLowerCase())) report(`no heading #${anchor}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = brokenLinks(root);
  for (const p of problems) console.error(p);
  console.log(`${markdownFiles(root).length} Markdown files, ${problems.length} broken link(s)`);
  process.exit(problems.length > 0 ? 1 : 0);
}
