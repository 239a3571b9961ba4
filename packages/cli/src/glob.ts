/**
 * File arguments of `milieu check`: plain paths, or glob patterns (`examples/*.json`,
 * `programs/**\/*.json`) expanded here so they work the same in every shell, Windows included.
 *
 * @module
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** Whether an argument is a glob pattern (contains `*`, `?` or `[`). */
export function isGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/**
 * Converts a glob to a regular expression over `/`-separated relative paths: `*` matches within
 * a segment, `**` any number of segments, `?` one character, `[abc]` a class.
 *
 * @param glob - the pattern, with `/` separators
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]+/)*' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile()) into.push(path);
  }
}

/**
 * Expands file arguments to absolute paths, in argument order, each glob's matches sorted and
 * every file listed once. A plain path is kept as given (reading it reports a missing file);
 * a glob walks from its first wildcard-free directories, skipping `node_modules` and dot
 * directories.
 *
 * @param args - paths or globs, relative to `cwd`
 * @param cwd - the working directory
 * @returns the files, and the globs that matched nothing
 */
export async function expandFileArgs(
  args: readonly string[],
  cwd: string,
): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push(path);
  };
  for (const arg of args) {
    if (!isGlob(arg)) {
      add(resolve(cwd, arg));
      continue;
    }
    const pattern = arg.split(sep).join('/');
    const segments = pattern.split('/');
    const firstGlob = segments.findIndex(isGlob);
    const base = resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
    const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
    const found: string[] = [];
    await walk(base, found);
    const matches = found
      .filter((path) => matcher.test(relative(base, path).split(sep).join('/')))
      .sort();
    if (matches.length === 0) unmatched.push(arg);
    matches.forEach(add);
  }
  return { files, unmatched };
}
