import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MilieuDocument } from '@milieu/core';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { openStore } from '../src/store/store.js';
import { hashToken } from '../src/store/tokens.js';
import { INPATIENT_FILE } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}, shutdown?: Promise<unknown>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env,
      ...(shutdown ? { shutdown } : {}),
    },
  };
}

describe('milieu-server token', () => {
  it('prints a new token once and stores only its hash', async () => {
    const db = join(dir, 'tokens.db');
    const run = io();
    expect(
      await main(
        [
          'token',
          'create',
          '--db',
          db,
          '--role',
          'participant',
          '--participant',
          'p-01',
          '--label',
          'tablet 3',
        ],
        run.io,
      ),
    ).toBe(0);
    const token = run.out.join('').trim();
    expect(token).toMatch(/^milieu_/);
    expect(run.err.join('')).toContain('shown once');
    const store = await openStore({ kind: 'sqlite', file: db });
    expect(await store.findPrincipal(hashToken(token))).toMatchObject({
      role: 'participant',
      participantId: 'p-01',
    });
    await store.close();
    const list = io();
    expect(await main(['token', 'list', '--db', db], list.io)).toBe(0);
    expect(list.out.join('')).toContain('participant\tp-01\ttablet 3');
    expect(list.out.join('')).not.toContain(token);
    const id = list.out.join('').split('\t')[0] ?? '';
    expect(await main(['token', 'revoke', id, '--db', db], io().io)).toBe(0);
    expect(await main(['token', 'revoke', id, '--db', db], io().io)).toBe(1);
  });

  it('gives tokens programs with --program, lists them, and lists programs', async () => {
    const db = join(dir, 'programs.db');
    const store = await openStore({ kind: 'sqlite', file: db });
    const a = JSON.parse(readFileSync(INPATIENT_FILE, 'utf8')) as MilieuDocument;
    const b = structuredClone(a);
    b.program.id = 'birch-house';
    b.program.name = 'Birch House';
    await store.replaceDocument(a, { type: 'create' });
    await store.replaceDocument(b, { type: 'create' });
    await store.close();
    const create = async (...args: string[]) => {
      const run = io();
      const code = await main(['token', 'create', '--db', db, ...args], run.io);
      return { code, token: run.out.join('').trim(), err: run.err.join('') };
    };
    const staff = await create(
      '--role',
      'staff',
      '--program',
      'birch-house',
      '--program',
      'riverside-4north',
      '--label',
      'float nurse',
    );
    expect(staff.code).toBe(0);
    const p = await create('--role', 'participant', '--participant', 'p-01', '--program', 'ghost');
    expect(p.code).toBe(0);
    expect(p.err).toContain('no program "ghost" yet');
    expect((await create('--role', 'admin')).code).toBe(0);
    expect((await create('--role', 'admin', '--program', 'birch-house')).code).toBe(0);
    // Several programs: a non-admin token must name them; a participant exactly one.
    const unnamed = await create('--role', 'kiosk');
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toContain('name them with --program');
    const two = await create(
      '--role',
      'participant',
      '--participant',
      'p-01',
      '--program',
      'birch-house',
      '--program',
      'riverside-4north',
    );
    expect(two.code).toBe(2);
    expect(two.err).toContain('exactly one --program');

    const list = io();
    expect(await main(['token', 'list', '--db', db], list.io)).toBe(0);
    const lines = list.out.join('').trim().split('\n');
    expect(lines[0]).toMatch(
      /\tstaff\t\tfloat nurse\t.*\tactive\tbirch-house:staff,riverside-4north:staff$/,
    );
    expect(lines[1]).toMatch(/\tghost:participant$/);
    expect(lines[2]).toMatch(/\tadmin\t.*\tglobal$/);
    expect(lines[3]).toMatch(/\tbirch-house:admin$/);
    const programs = io();
    expect(await main(['programs', '--db', db], programs.io)).toBe(0);
    expect(programs.out.join('')).toBe(
      `birch-house\tBirch House\nriverside-4north\t${a.program.name}\n`,
    );
    const check = await openStore({ kind: 'sqlite', file: db });
    expect((await check.findPrincipal(hashToken(staff.token)))?.grants).toEqual([
      { programId: 'birch-house', role: 'staff' },
      { programId: 'riverside-4north', role: 'staff' },
    ]);
    await check.close();
  });

  it('reads the database from MILIEU_DB', async () => {
    const db = join(dir, 'env.db');
    expect(await main(['token', 'create', '--role', 'kiosk'], io({ MILIEU_DB: db }).io)).toBe(0);
    const store = await openStore({ kind: 'sqlite', file: db });
    expect(await store.listTokens()).toHaveLength(1);
    await store.close();
  });

  it('rejects bad command lines with exit code 2 and the usage', async () => {
    const cases = [
      ['token', 'create', '--role', 'nurse'],
      ['token', 'create', '--role', 'participant'],
      ['token', 'create', '--role', 'kiosk', '--participant', 'p-01'],
      ['token', 'create', '--role', 'admin', '--db', 'a.db', '--database-url', 'postgres://x'],
      ['token', 'create', '--role', 'staff', '--program', 'not an id'],
      ['serve', '--port', 'eighty'],
      ['serve', '--bogus'],
      ['serve', '--anonymous-as', 'participant:p-01', '--host', '0.0.0.0'],
      ['serve', '--anonymous-as', 'participant'],
      ['serve', '--anonymous-as', 'kiosk:k1'],
      ['frobnicate'],
    ];
    for (const argv of cases) {
      const run = io({ MILIEU_DB: join(dir, 'usage.db') });
      expect(await main(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.err.join('')).toContain('Usage:');
    }
  });
});

describe('milieu-server serve', () => {
  it('migrates, seeds from a file, serves, and stops on shutdown', async () => {
    const db = join(dir, 'serve.db');
    let stop: (value?: unknown) => void = () => undefined;
    const shutdown = new Promise((resolve) => (stop = resolve));
    const run = io({}, shutdown);
    const done = main(
      [
        'serve',
        '--db',
        db,
        '--port',
        '0',
        '--seed',
        INPATIENT_FILE,
        '--cors-origin',
        'https://a.example,https://b.example',
      ],
      run.io,
    );
    let url: string | undefined;
    while (!url) {
      await new Promise((r) => setTimeout(r, 10));
      url = /listening on (\S+)/.exec(run.out.join(''))?.[1];
    }
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    const logs = run.err
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['migrated', 'seeded', 'listening', 'request']),
    );
    stop();
    expect(await done).toBe(0);
    const store = await openStore({ kind: 'sqlite', file: db });
    expect((await store.body())?.body.program.id).toBe('riverside-4north');
    await store.close();
  });

  it('serves when given options and no command (`milieu-server --db … --port …`)', async () => {
    let stop: (value?: unknown) => void = () => undefined;
    const shutdown = new Promise((resolve) => (stop = resolve));
    const run = io({}, shutdown);
    const done = main(['--db', join(dir, 'default.db'), '--port', '0'], run.io);
    let url: string | undefined;
    while (!url) {
      await new Promise((r) => setTimeout(r, 10));
      url = /listening on (\S+)/.exec(run.out.join(''))?.[1];
    }
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    stop();
    expect(await done).toBe(0);
  });

  it('fails with a clear message on an invalid seed', async () => {
    const seed = join(dir, 'bad.json');
    writeFileSync(seed, JSON.stringify({ milieuVersion: 1, program: {} }));
    const run = io();
    expect(
      await main(['serve', '--db', join(dir, 'bad.db'), '--port', '0', '--seed', seed], run.io),
    ).toBe(1);
    expect(run.err.join('')).toContain('is not a valid milieu document');
  });

  it('serves a static folder with a fresh CSP nonce per page', async () => {
    const site = join(dir, 'site');
    mkdirSync(site);
    writeFileSync(
      join(site, 'index.html'),
      '<!doctype html><script type="module" src="/app.js"></script>',
    );
    writeFileSync(join(site, 'app.js'), 'console.log(1)');
    let stop: (value?: unknown) => void = () => undefined;
    const run = io({}, new Promise((resolve) => (stop = resolve)));
    const done = main(
      [
        'serve',
        '--db',
        join(dir, 'static.db'),
        '--port',
        '0',
        '--static',
        site,
        '--log-level',
        'silent',
      ],
      run.io,
    );
    let url: string | undefined;
    while (!url) {
      await new Promise((r) => setTimeout(r, 10));
      url = /listening on (\S+)/.exec(run.out.join(''))?.[1];
    }
    const page = await fetch(`${url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.text()).toContain(`<script nonce="${nonce}"`);
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${url}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect(run.err.join('')).toBe('');
    stop();
    expect(await done).toBe(0);
  });
});
