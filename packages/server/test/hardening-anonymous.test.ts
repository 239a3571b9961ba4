/**
 * `--anonymous-as` (demo mode) is for loopback clients only: it refuses to start on a
 * non-loopback `--host`, and a request without a token that came through a reverse proxy is
 * refused (403, logged) instead of acting as the anonymous principal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROXY_HEADERS } from '../src/http/app.js';
import type { LogFields, Logger } from '../src/http/logger.js';
import { anonymousOption, isLoopbackHost } from '../src/cli/args.js';
import { main } from '../src/main.js';
import { INPATIENT_FILE } from './fixtures.js';
import { harness, type Harness } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-anon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--anonymous-as and --host', () => {
  it('accepts loopback hosts only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(anonymousOption('kiosk', host)).toEqual({ role: 'kiosk' });
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '[::]',
      '10.0.0.5',
      '192.168.1.20',
      'example.org',
      '127.0.0.1.example.org',
      '127.0.0.256',
      '128.0.0.1',
      '',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
      expect(() => anonymousOption('kiosk', host), host).toThrow(/loopback/);
    }
  });

  it('refuses to start serve on 0.0.0.0, ::, or a LAN address (exit code 2)', async () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5']) {
      const err: string[] = [];
      const code = await main(
        ['serve', '--db', join(dir, 'refused.db'), '--anonymous-as', 'kiosk', '--host', host],
        { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, env: {} },
      );
      expect(code, host).toBe(2);
      expect(err.join('')).toContain('--anonymous-as is for local demos');
    }
    const err: string[] = [];
    const viaEnv = await main(
      ['serve', '--db', join(dir, 'refused.db'), '--anonymous-as', 'kiosk'],
      {
        stdout: { write: () => true },
        stderr: { write: (t: string) => err.push(t) },
        env: { MILIEU_HOST: '0.0.0.0' },
      },
    );
    expect(viaEnv).toBe(2);
  });
});

describe('demo mode behind a proxy', () => {
  let h: Harness;
  const errors: { message: string; fields: LogFields | undefined }[] = [];
  const logger: Logger = {
    info: () => undefined,
    error: (message, fields) => errors.push({ message, fields }),
  };
  beforeAll(async () => {
    h = await harness({ anonymous: { role: 'kiosk' }, logger });
  });
  afterAll(() => h.close());

  it('acts as the anonymous principal for a direct request', async () => {
    const res = await h.request('GET', '/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ role: 'kiosk' });
  });

  it('refuses (403, logged) a request without a token that carries any proxy header', async () => {
    const values: Record<(typeof PROXY_HEADERS)[number], string> = {
      forwarded: 'for=203.0.113.7;proto=https',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-host': 'milieu.example.org',
      'x-forwarded-proto': 'https',
      'x-real-ip': '203.0.113.7',
    };
    for (const name of PROXY_HEADERS) {
      errors.length = 0;
      for (const path of ['/api/v1/me', '/api/v1/occurrences?from=2026-03-09&to=2026-03-10']) {
        const res = await h.request('GET', path, { headers: { [name]: values[name] } });
        expect(res.status, name).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
        expect(res.json.error.message).toContain('proxy');
        expect(res.text).not.toContain('occurrences');
      }
      expect(errors.map((e) => e.message)).toEqual([
        'anonymous request through a proxy refused',
        'anonymous request through a proxy refused',
      ]);
      expect(errors[0]?.fields).toMatchObject({ header: name });
    }
  });

  it('still serves a proxied request that sends a real token', async () => {
    const res = await h.request('GET', '/api/v1/me', {
      token: 'staff',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe('staff');
  });
});

describe('milieu-server serve --anonymous-as over TCP', () => {
  it('serves a loopback client and refuses one forwarded by a proxy', async () => {
    let stop: (value?: unknown) => void = () => undefined;
    const shutdown = new Promise((resolve) => (stop = resolve));
    const out: string[] = [];
    const err: string[] = [];
    const done = main(
      [
        'serve',
        '--db',
        join(dir, 'serve.db'),
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--seed',
        INPATIENT_FILE,
        '--anonymous-as',
        'kiosk',
      ],
      {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
        env: {},
        shutdown,
      },
    );
    const url = await vi.waitFor(
      () => {
        const m = /listening on (\S+)/.exec(out.join(''));
        if (!m?.[1]) throw new Error('not listening yet');
        return m[1];
      },
      { timeout: 20_000, interval: 20 },
    );
    const direct = await fetch(`${url}/api/v1/me`);
    expect(direct.status).toBe(200);
    const proxied = await fetch(`${url}/api/v1/me`, { headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(proxied.status).toBe(403);
    await proxied.text();
    stop();
    expect(await done).toBe(0);
    expect(err.join('')).toContain('anonymous request through a proxy refused');
  });
});
