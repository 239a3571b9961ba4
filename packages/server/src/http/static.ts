/**
 * Serves a built web app (the demo) from a folder, under a strict Content-Security-Policy with
 * a fresh nonce per HTML response — the way a locked-down hospital portal would serve widgets.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page policy: scripts by nonce only, styles from the origin, API calls to the origin.
 *
 * @param nonce - this response's nonce
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/**
 * A handler serving files from `root` (`/` serves `index.html`); `undefined` when there is no
 * such file, so the caller can answer `404`.
 *
 * @param root - the folder to serve
 */
export function staticFiles(root: string): (c: Context) => Promise<Response | undefined> {
  const base = resolve(root);
  return async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return undefined;
    }
    if (path.includes('\0')) return undefined;
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    try {
      if (!(await stat(file)).isFile()) return undefined;
    } catch {
      return undefined;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (type.startsWith('text/html')) {
      const nonce = randomBytes(16).toString('base64');
      const html = (await readFile(file, 'utf8')).replaceAll('<script', `<script nonce="${nonce}"`);
      headers['Content-Security-Policy'] = pageCsp(nonce);
      return c.body(html, 200, headers);
    }
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  };
}
