// The peer feedback form against the real @milieu/server (issue #14): a participant's page
// feeds `<milieu-feedback-form>` from `GET /api/v1/feedback/context` with the participant's
// token (no program document), and anonymous peer feedback is stored `pending`: its subject
// cannot read it before staff review, and no response to the subject ever carries its author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { startServer } from '@milieu/server';
import { FEEDBACK_CONTEXT_PATH, FEEDBACK_PATH } from '@milieu/core';
import { eventually, launch, open } from './harness.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const WRITER = 'p-12';
const SUBJECT = 'p-15';
const STRENGTH = 'Held the door for everyone after group today.';

const dir = mkdtempSync(join(tmpdir(), 'milieu-peer-'));
let api: Awaited<ReturnType<typeof startServer>>;
let page: Server;
let base = '';
let browser: Browser;
const tokens: Record<'writer' | 'subject' | 'staff', string> = {
  writer: '',
  subject: '',
  staff: '',
};
/** Every body the API sent to the subject's token, for the "never the author" check. */
const toSubject: string[] = [];

/** Calls the API as one of the test's users. */
async function as(
  user: keyof typeof tokens,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const res = await fetch(`${api.url}${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${tokens[user]}` },
  });
  if (user === 'subject') toSubject.push(await res.clone().text());
  return res;
}

beforeAll(async () => {
  api = await startServer({
    database: { kind: 'sqlite', file: join(dir, 'milieu.db') },
    seed: EXAMPLE,
    port: 0,
  });
  tokens.writer = (
    await api.store.createToken({ role: 'participant', participantId: WRITER, label: 'writer' })
  ).token;
  tokens.subject = (
    await api.store.createToken({ role: 'participant', participantId: SUBJECT, label: 'subject' })
  ).token;
  tokens.staff = (
    await api.store.createToken({ role: 'staff', staffId: 'st-th-1', label: 'staff' })
  ).token;

  // The form as a portal ships it: its public entry, bundled (production, minified).
  const bundle = await build({
    stdin: {
      contents: `import '@milieu/elements/feedback-form.js';`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['@milieu/source', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peer feedback</title>
<script type="module" src="/form.js"></script></head><body>
<milieu-feedback-form source="peer" subject="${SUBJECT}" context-src="${FEEDBACK_CONTEXT_PATH}" action="${FEEDBACK_PATH}"></milieu-feedback-form>
</body></html>`;
  // The portal's backend: pages and the form's script, and `/api/*` forwarded with the
  // signed-in participant's token (the browser never holds it).
  page = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/form.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    if (!url.startsWith('/api/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = { authorization: `Bearer ${tokens.writer}` };
      for (const name of ['content-type', 'idempotency-key', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = req.method === 'GET' ? undefined : Buffer.concat(chunks);
      void fetch(`${api.url}${url}`, { method: req.method, headers, body }).then(async (up) => {
        res.writeHead(up.status, {
          'content-type': up.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await up.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const address = page.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('peer feedback from a participant, on the real server', () => {
  it('is stored pending, hidden from its subject until review, and never names its author to them', async () => {
    const w = await open(browser, `${base}/`);
    const form = w.page.locator('milieu-feedback-form');
    // Reads the form's shadow root without waiting (a missing part is `''`, never a hang).
    const shown = (selector: string): Promise<string> =>
      form.evaluate(
        (el, s) => (el.shadowRoot?.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        selector,
      );
    // Fed by the context resource: the subject's display name, and the policy's promise.
    await eventually(() => shown('[part=subject], [part=error-message]')).toBe('About Kenji S.');
    await form.getByRole('checkbox', { name: 'Do not show my name' }).check();
    await eventually(() => shown('#anonymity-note')).toContain(
      'Your name is not saved with this feedback.',
    );
    await form.locator('#c-strengths').fill(STRENGTH);
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => shown('[part=status]')).toContain('A staff member reads it first.');
    expect(w.errors).toEqual([]);
    // The form needs no document: the page never asked for it.
    expect(w.requests.some((u) => u.includes('/api/v1/document'))).toBe(false);
    expect(w.requests.some((u) => u.includes(`${FEEDBACK_CONTEXT_PATH}?source=peer`))).toBe(true);
    await w.context.close();

    // Staff see it waiting for review.
    const listed = await as('staff', `${FEEDBACK_PATH}?source=peer&subject=${SUBJECT}&limit=100`);
    expect(listed.status).toBe(200);
    const staffView = (await listed.json()) as {
      entries: { id: string; strengths: string; review: { status: string } }[];
    };
    const entry = staffView.entries.find((e) => e.strengths === STRENGTH);
    expect(entry?.review.status).toBe('pending');

    // Its subject cannot read it before review.
    const before = await as('subject', `${FEEDBACK_PATH}?subject=${SUBJECT}&limit=100`);
    expect(before.status).toBe(200);
    expect(JSON.stringify(await before.json())).not.toContain(STRENGTH);

    // Staff approve it; whatever the subject can read now, it never carries the author.
    const review = await as('staff', `${FEEDBACK_PATH}/${entry!.id}/review`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(review.status).toBe(200);
    await as('subject', `${FEEDBACK_PATH}?subject=${SUBJECT}&limit=100`);
    await as('subject', `${FEEDBACK_PATH}?subject=${SUBJECT}&source=peer&limit=1`);
    expect(toSubject.length).toBeGreaterThanOrEqual(3);
    // The writer has named, non-anonymous peer feedback about the subject in the example; what
    // must never travel is the link between this anonymous entry (or any anonymous one) and them.
    for (const body of toSubject) {
      const parsed = JSON.parse(body) as {
        entries?: { anonymous: boolean; strengths: string; authorId?: string }[];
      };
      for (const e of parsed.entries ?? []) {
        if (e.anonymous || e.strengths === STRENGTH) expect(e.authorId).toBeUndefined();
      }
      if (body.includes(STRENGTH)) expect(body.split(STRENGTH).length).toBe(2);
    }
    // Under the default policy (`anonymousAuthors: nobody`) not even staff can learn the writer.
    expect((entry as { authorId?: string }).authorId).toBeUndefined();
  });
});
