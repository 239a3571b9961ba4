// Minimum necessary, role by role (issue #13): on the inpatient example (20 participants with
// stay dates, goals, pronouns and level of care; ~1 700 records), every route a participant or a
// kiosk token can reach is read, and its body is searched for what that role may not see.
import type { MilieuDocument } from '@milieu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inpatientExample } from './fixtures.js';
import { harness, type Harness } from './harness.js';

const WEEK = '/api/v1/occurrences?from=2026-03-09&to=2026-03-16';
const ME = 'p-12';
/** Keys that carry a participant's record or personal data: never sent to a participant or kiosk. */
const PERSONAL_KEYS = [
  'records',
  'attendanceRecords',
  'completeness',
  'observations',
  'admissionDate',
  'dischargeDate',
  'anticipatedDischargeDate',
  'goals',
  'pronouns',
  'levelOfCare',
  'primaryTherapistId',
];

const doc: MilieuDocument = inpatientExample();
const participants = doc.people.participants;
const others = participants.filter((p) => p.id !== ME);
const fullName = (p: { preferredName: string; lastName?: string | undefined }): string =>
  p.lastName ? `${p.preferredName} ${p.lastName}` : p.preferredName;
const staffFirstNames = new Set(doc.people.staff.map((s) => s.preferredName));

/** Every key and every string value in a JSON value, with the path of each. */
function walk(value: unknown, path = ''): { keys: string[]; strings: [string, string][] } {
  const out = { keys: [] as string[], strings: [] as [string, string][] };
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'string') out.strings.push([at, v]);
    else if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${at}/${i}`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.keys.push(`${at}/${k}`);
        visit(item, `${at}/${k}`);
      }
    }
  };
  visit(value, path);
  return out;
}

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** What a participant or kiosk body must never hold; returns the offending paths. */
function forbidden(body: unknown, role: 'participant' | 'kiosk'): string[] {
  const { keys, strings } = walk(body);
  const found: string[] = [];
  for (const key of keys) {
    if (PERSONAL_KEYS.includes(lastSegment(key))) found.push(`key ${key}`);
    if (
      role === 'kiosk' &&
      ['participant', 'participants', 'participantId'].includes(lastSegment(key))
    )
      found.push(`key ${key}`);
  }
  const people = role === 'kiosk' ? participants : others;
  for (const [path, text] of strings) {
    for (const p of people) {
      if (text === p.id) found.push(`${path}: id ${p.id}`);
      if (text.includes(fullName(p))) found.push(`${path}: name of ${p.id}`);
      // A first name shared with a staff member ("Marcus") is that staff member's on a kiosk.
      if (role === 'kiosk' && !staffFirstNames.has(p.preferredName)) {
        if (new RegExp(`\\b${p.preferredName}\\b`, 'u').test(text))
          found.push(`${path}: first name of ${p.id}`);
      }
      for (const goal of p.goals) {
        if (text.includes(goal.statement)) found.push(`${path}: goal of ${p.id}`);
      }
    }
    if (text === 'acute inpatient') found.push(`${path}: level of care`);
  }
  return found;
}

let h: Harness;
let me: string;
beforeAll(async () => {
  h = await harness({ seed: doc });
  me = (await h.store.createToken({ role: 'participant', participantId: ME })).token;
});
afterAll(() => h.close());

describe('the schedule resource, per role', () => {
  it('gives admin and staff the roster and the records (what the checks below would catch)', async () => {
    for (const token of ['admin', 'staff'] as const) {
      const res = await h.request('GET', WEEK, { token });
      expect(res.status).toBe(200);
      // Staff see other participants and records; the same search finds them.
      expect(forbidden(res.json, 'kiosk').length).toBeGreaterThan(100);
      expect(
        res.json.occurrences.some((o: { participants?: unknown[] }) => o.participants?.length),
      ).toBe(true);
      expect(
        res.json.occurrences.some(
          (o: { attendanceRecords?: unknown[] }) => o.attendanceRecords?.length,
        ),
      ).toBe(true);
      expect(
        res.json.occurrences.every((o: { completeness?: { state: string } }) => o.completeness),
      ).toBe(true);
    }
  });

  it('gives a participant their own week and nobody else', async () => {
    const res = await h.request('GET', WEEK, { token: me });
    expect(res.status).toBe(200);
    expect(res.json.participant).toEqual({ id: ME, name: 'Aisha N.' });
    expect(res.json.program).toEqual({
      name: doc.program.name,
      timeZone: 'America/New_York',
      locale: doc.program.locale,
      displayNames: 'first-initial',
    });
    expect(res.json.occurrences.length).toBeGreaterThan(50);
    expect(forbidden(res.json, 'participant')).toEqual([]);
    // Asking for someone else is refused, not answered with their schedule.
    const probe = await h.request('GET', `${WEEK}&participant=p-05`, { token: me });
    expect(probe.status).toBe(403);
  });

  it('gives a kiosk the unit week with no participant in it at all', async () => {
    const res = await h.request('GET', WEEK, { token: 'kiosk' });
    expect(res.status).toBe(200);
    expect(res.json.occurrences.length).toBeGreaterThan(100);
    expect(res.json).not.toHaveProperty('participant');
    expect(forbidden(res.json, 'kiosk')).toEqual([]);
    // Facilitators by shared-screen name, without staff ids.
    const names = new Set<string>();
    for (const o of res.json.occurrences as { facilitators: { id?: string; name: string }[] }[]) {
      for (const f of o.facilitators) {
        expect(f).not.toHaveProperty('id');
        names.add(f.name);
      }
    }
    expect(names).toContain('Grace M.');
    for (const probe of ['p-05', 'p-nobody']) {
      const refused = await h.request('GET', `${WEEK}&participant=${probe}`, { token: 'kiosk' });
      expect(refused.status).toBe(403);
    }
  });

  it('names nobody on a kiosk of a 42 CFR Part 2 program (displayNames: none), initials on request', async () => {
    for (const [policy, expected] of [
      ['none', []],
      ['initials', ['G. M.']],
    ] as const) {
      const part2 = inpatientExample();
      part2.program.policy = { ...part2.program.policy, displayNames: policy };
      const h2 = await harness({ seed: part2 });
      const res = await h2.request('GET', WEEK, { token: 'kiosk' });
      expect(res.status).toBe(200);
      expect(res.json.program.displayNames).toBe(policy);
      expect(forbidden(res.json, 'kiosk')).toEqual([]);
      const names = new Set(
        (res.json.occurrences as { facilitators: { name: string }[] }[]).flatMap((o) =>
          o.facilitators.map((f) => f.name),
        ),
      );
      for (const name of expected) expect(names).toContain(name);
      if (policy === 'none') {
        expect(names.size).toBe(0);
        for (const s of doc.people.staff) expect(res.text).not.toContain(fullName(s));
      } else {
        for (const name of names) expect(name).toMatch(/^\p{Lu}\.(?: \p{Lu}\.)*$/u);
      }
      await h2.close();
    }
  });
});

describe('the other routes a participant or kiosk token reaches', () => {
  it('never gives either the document or the attendance records', async () => {
    for (const token of [me, 'kiosk']) {
      for (const path of ['/api/v1/document', '/api/v1/attendance?from=2026-03-09&to=2026-03-16']) {
        const res = await h.request('GET', path, { token });
        expect(res.status, path).toBe(403);
        expect(res.text).not.toContain('Aisha');
      }
    }
  });

  it('tells a session who it is and no more', async () => {
    expect((await h.request('GET', '/api/v1/me', { token: me })).json).toEqual({
      role: 'participant',
      participantId: ME,
    });
    expect((await h.request('GET', '/api/v1/me', { token: 'kiosk' })).json).toEqual({
      role: 'kiosk',
    });
  });

  it('keeps the kiosk away from feedback and findings', async () => {
    for (const path of ['/api/v1/feedback', '/api/v1/check']) {
      expect((await h.request('GET', path, { token: 'kiosk' })).status, path).toBe(403);
    }
  });

  it('lists a participant no anonymous author and no other participant’s data', async () => {
    const res = await h.request('GET', '/api/v1/feedback?limit=100', { token: me });
    expect(res.status).toBe(200);
    for (const e of res.json.entries as { anonymous: boolean; authorId?: string }[]) {
      if (e.anonymous) expect(e).not.toHaveProperty('authorId');
    }
    const { keys } = walk(res.json);
    expect(keys.filter((k) => PERSONAL_KEYS.includes(lastSegment(k)))).toEqual([]);
  });

  it('gives a participant findings about themself alone (or nothing)', async () => {
    const res = await h.request('GET', '/api/v1/check?now=2026-03-10T12:00:00-04:00', {
      token: me,
    });
    expect([200, 403]).toContain(res.status);
    if (res.status === 200) {
      expect(res.json).not.toHaveProperty('summary');
      for (const f of res.json.findings as { related: { participantIds?: string[] } }[]) {
        expect(f.related.participantIds).toEqual(expect.arrayContaining([ME]));
        expect(f.related.participantIds?.every((id) => id === ME)).toBe(true);
      }
      expect(forbidden(res.json, 'participant')).toEqual([]);
    }
  });
});
