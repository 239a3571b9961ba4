// Minimum necessary in the demo (issue #13): the participant page and the hallway TV run on the
// real @milieu/server behind the portal's backend-for-frontend, each with its own session's
// token, and every response either page receives is searched for what it may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startDemo, type RunningDemo } from '../serve.mjs';
import {
  boardReady,
  eventually,
  launch,
  open,
  recordResponses,
  type SeenResponse,
} from './harness.js';

interface Person {
  id: string;
  preferredName: string;
  lastName?: string;
  pronouns?: string;
  levelOfCare?: string;
  goals: { statement: string }[];
}
const doc = JSON.parse(
  readFileSync(new URL('../../../examples/inpatient-unit.json', import.meta.url), 'utf8'),
) as {
  people: { participants: Person[]; staff: { preferredName: string }[] };
  records: {
    observations: { note?: string }[];
    attendance: { note?: string }[];
    feedback: { anonymous: boolean; authorId?: string }[];
  };
};
const ME = 'p-12';
const participants = doc.people.participants;
const me = participants.find((p) => p.id === ME)!;
const others = participants.filter((p) => p.id !== ME);
const fullName = (p: Person): string =>
  p.lastName ? `${p.preferredName} ${p.lastName}` : p.preferredName;
/** Display name as a peer picker shows it: preferred name and last initial. */
const displayName = (p: Person): string =>
  p.lastName ? `${p.preferredName} ${p.lastName.charAt(0).toUpperCase()}.` : p.preferredName;
const staffFirstNames = new Set(doc.people.staff.map((s) => s.preferredName));
const ownGoals = new Set(me.goals.map((g) => g.statement));
const notes = [...doc.records.observations, ...doc.records.attendance]
  .map((r) => r.note)
  .filter((n): n is string => n !== undefined && n.length > 12);
const anonymousAuthors = new Set(
  doc.records.feedback.filter((f) => f.anonymous && f.authorId).map((f) => f.authorId),
);
/** Keys of records and of personal data that neither page may receive, whoever they are about. */
const RECORD_KEYS = [
  'records',
  'attendanceRecords',
  'observations',
  'admissionDate',
  'dischargeDate',
  'anticipatedDischargeDate',
  'pronouns',
  'levelOfCare',
  'primaryTherapistId',
];
const PRONOUNS = new Set(participants.map((p) => p.pronouns).filter(Boolean));

const isJson = (r: SeenResponse): boolean => r.contentType.includes('json');

/** Every object in a JSON value, with its path. */
function objects(value: unknown, path = ''): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, `${path}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [
    [path, record],
    ...Object.entries(record).flatMap(([k, v]) => objects(v, `${path}/${k}`)),
  ];
}

/** What no response of either page may carry; returns the findings. */
function forbiddenEverywhere(seen: SeenResponse[]): string[] {
  const found: string[] = [];
  for (const r of seen) {
    for (const p of others) {
      for (const goal of p.goals) {
        if (!ownGoals.has(goal.statement) && r.body.includes(goal.statement))
          found.push(`${r.url}: a goal of ${p.id}`);
      }
    }
    for (const note of notes) if (r.body.includes(note)) found.push(`${r.url}: a record's note`);
    if (!isJson(r)) continue;
    for (const [path, o] of objects(JSON.parse(r.body) as unknown)) {
      for (const [key, value] of Object.entries(o)) {
        if (RECORD_KEYS.includes(key)) found.push(`${r.url} ${path}/${key}`);
        if (key === 'authorId' && (value !== ME || o['anonymous'] === true))
          found.push(`${r.url} ${path}/authorId`);
        if (key === 'authorId' && anonymousAuthors.has(value as string))
          found.push(`${r.url} ${path}/authorId of anonymous feedback`);
        if (typeof value === 'string' && PRONOUNS.has(value)) found.push(`${r.url} ${path}/${key}`);
        if (value === 'acute inpatient') found.push(`${r.url} ${path}/${key}: level of care`);
      }
    }
  }
  return found;
}

/** Other participants anywhere but as `{ id, name }` with their display name (a peer picker). */
function peersMisplaced(seen: SeenResponse[]): string[] {
  const misplaced: string[] = [];
  for (const r of seen) {
    for (const p of others) {
      if (!isJson(r) && r.body.includes(fullName(p))) misplaced.push(`${r.url}: ${p.id}`);
    }
    if (!isJson(r)) continue;
    for (const [path, o] of objects(JSON.parse(r.body) as unknown)) {
      const keys = Object.keys(o).sort().join();
      for (const [key, value] of Object.entries(o)) {
        if (typeof value !== 'string') continue;
        for (const p of others) {
          const mentions = value === p.id || value.includes(fullName(p));
          const asPicker = keys === 'id,name' && o['id'] === p.id && o['name'] === displayName(p);
          if (mentions && !asPicker) misplaced.push(`${r.url} ${path}/${key}: ${p.id}`);
        }
      }
    }
  }
  return misplaced;
}

/** Any participant at all: id, name, or a participant-shaped key (the kiosk). */
function participantsIn(seen: SeenResponse[]): string[] {
  const found: string[] = [];
  for (const r of seen) {
    for (const p of participants) {
      if (r.body.includes(fullName(p))) found.push(`${r.url}: name of ${p.id}`);
      // A first name a staff member shares ("Marcus") is that staff member's.
      if (
        !staffFirstNames.has(p.preferredName) &&
        new RegExp(`\\b${p.preferredName}\\b`, 'u').test(r.body)
      )
        found.push(`${r.url}: first name of ${p.id}`);
    }
    if (!isJson(r)) continue;
    for (const [path, o] of objects(JSON.parse(r.body) as unknown)) {
      for (const [key, value] of Object.entries(o)) {
        if (['participant', 'participants', 'participantId', 'people'].includes(key))
          found.push(`${r.url} ${path}/${key}`);
        if (typeof value === 'string' && participants.some((p) => p.id === value))
          found.push(`${r.url} ${path}/${key}: ${value}`);
      }
    }
  }
  return found;
}

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({ dbFile: ':memory:', port: 0 });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The session cookie a page of the portal signs in with. */
async function sessionOf(page: string): Promise<string> {
  const res = await fetch(`${demo.url}${page}`);
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the portal backend-for-frontend', () => {
  it('refuses every API request without a session: 401, never staff', async () => {
    for (const path of [
      'api/v1/document',
      'api/v1/occurrences?from=2026-03-09&to=2026-03-16',
      'api/v1/feedback',
      'api/v1/me',
    ]) {
      const res = await fetch(`${demo.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
    const forged = await fetch(`${demo.url}api/v1/document`, {
      headers: { cookie: 'milieu-demo-session=staff; milieu-demo-user=staff' },
    });
    expect(forged.status).toBe(401);
  });

  it('signs each page in with its own role, and only staff read the document', async () => {
    const who = async (cookie: string): Promise<unknown> =>
      (await fetch(`${demo.url}api/v1/me`, { headers: { cookie } })).json();
    const staff = await sessionOf('');
    const participant = await sessionOf('participant.html');
    const kiosk = await sessionOf('kiosk.html');
    expect(await who(staff)).toEqual({ role: 'staff', staffId: 'st-th-1' });
    expect(await who(participant)).toEqual({ role: 'participant', participantId: ME });
    expect(await who(kiosk)).toEqual({ role: 'kiosk' });
    const documentAs = async (cookie: string): Promise<number> =>
      (await fetch(`${demo.url}api/v1/document`, { headers: { cookie } })).status;
    expect(await documentAs(staff)).toBe(200);
    expect(await documentAs(participant)).toBe(403);
    expect(await documentAs(kiosk)).toBe(403);
  });
});

describe('what the participant and kiosk pages receive', () => {
  it('the resources each page reads, as its session reads them through the portal', async () => {
    const read = async (cookie: string, path: string): Promise<SeenResponse> => {
      const res = await fetch(`${demo.url}${path}`, { headers: { cookie } });
      return {
        url: path,
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: await res.text(),
      };
    };
    const participant = await sessionOf('participant.html');
    const mine = [
      await read(participant, `api/v1/occurrences?from=2026-03-09&to=2026-03-16&participant=${ME}`),
      await read(participant, `api/v1/occurrences?from=2026-03-16&to=2026-03-23&participant=${ME}`),
      await read(participant, 'api/v1/feedback/context?source=peer'),
      await read(participant, 'api/v1/feedback/context?source=self'),
    ];
    expect(mine.slice(0, 2).map((r) => r.status)).toEqual([200, 200]);
    expect(mine[0]!.body).toContain('"name":"Aisha N."');
    expect(forbiddenEverywhere(mine)).toEqual([]);
    expect(peersMisplaced(mine)).toEqual([]);

    const kiosk = await sessionOf('kiosk.html');
    const unit = [
      await read(kiosk, 'api/v1/occurrences?from=2026-03-09&to=2026-03-10'),
      await read(kiosk, 'api/v1/occurrences?from=2026-03-09&to=2026-03-16'),
    ];
    expect(unit.map((r) => r.status)).toEqual([200, 200]);
    expect(unit[0]!.body).toContain('Process group A');
    expect(forbiddenEverywhere(unit)).toEqual([]);
    expect(participantsIn(unit)).toEqual([]);
    // The same search finds people in what staff receive (so it can fail).
    const staff = [
      await read(await sessionOf(''), 'api/v1/occurrences?from=2026-03-09&to=2026-03-10'),
    ];
    expect(participantsIn(staff).length).toBeGreaterThan(10);
    expect(forbiddenEverywhere(staff).length).toBeGreaterThan(10);
  });

  it('participant page: their own week, peers as id and display name only, no records', async () => {
    let recorded: Awaited<ReturnType<typeof recordResponses>> | undefined;
    const w = await open(browser, `${demo.url}participant.html`, {
      // Recording starts before the first request of the page.
      before: async (page) => void (recorded = await recordResponses(page)),
    });
    const { page } = w;
    const board = page.locator('#my-board');
    // [needs w13view] the board reads the schedule resource from `src`.
    await boardReady(page, '#my-board');
    await eventually(() => board.locator('[part=header]').textContent()).toContain(
      'Schedule for Aisha N.',
    );
    const titles = await board.locator('button.occ').allTextContents();
    for (const title of ['Community meeting', 'Process group B', 'Walking group']) {
      expect(titles.join('\n')).toContain(title);
    }
    expect(titles.join('\n')).not.toContain('Process group A'); // group A is not hers
    // [needs w14 + w14form] the peer picker and the forms read the feedback context.
    await eventually(() => page.locator('#peer-select option').count()).toBeGreaterThan(5);
    await board.getByRole('button', { name: 'Next week' }).click();
    await eventually(() => board.locator('.range').textContent()).toContain('Mar 15');
    await boardReady(page, '#my-board');

    const seen = await recorded!.settled();
    const api = seen.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
    expect(api.map((r) => new URL(r.url).pathname)).toContain('/api/v1/occurrences');
    expect(api.map((r) => new URL(r.url).pathname)).not.toContain('/api/v1/document');
    expect(forbiddenEverywhere(seen)).toEqual([]);

    // Other community members: only as { id, name } with their display name.
    expect(peersMisplaced(seen)).toEqual([]);
    expect(w.violations).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('kiosk page: now and next, and no participant at all', async () => {
    let recorded: Awaited<ReturnType<typeof recordResponses>> | undefined;
    const w = await open(browser, `${demo.url}kiosk.html`, {
      // Recording starts before the first request of the page.
      before: async (page) => void (recorded = await recordResponses(page)),
    });
    const board = w.page.locator('#kiosk-board');
    await eventually(() => board.locator('[part=clock]').textContent()).toContain('10:20');
    // [needs w13view] the board reads the schedule resource from `src`.
    await eventually(() => board.locator('[part=now-panel]').textContent()).toContain(
      'Process group A',
    );
    expect(await board.locator('[part=now-panel]').textContent()).toContain(
      'Understanding mood and recovery',
    );

    const seen = await recorded!.settled();
    const paths = seen.map((r) => new URL(r.url).pathname);
    expect(paths).toContain('/api/v1/occurrences');
    expect(paths.filter((p) => p.startsWith('/api/') && p !== '/api/v1/occurrences')).toEqual([]);
    expect(forbiddenEverywhere(seen)).toEqual([]);
    expect(participantsIn(seen)).toEqual([]);
    expect(w.violations).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 60_000);
});
