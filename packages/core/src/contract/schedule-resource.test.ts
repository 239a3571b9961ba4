import { describe, expect, it } from 'vitest';
import { examples } from '../model/__fixtures__/documents.js';
import { parseDocument, type MilieuDocument } from '../model/index.js';
import { OccurrencesResponseSchema } from './schedule.js';
import { scheduleResource, type ScheduleViewer } from './schedule-resource.js';

function inpatient(displayNames?: 'first-initial' | 'initials' | 'none'): MilieuDocument {
  const parsed = parseDocument(examples.inpatient());
  if (!parsed.ok) throw new Error('the inpatient example must parse');
  const doc = parsed.value;
  if (displayNames) doc.program.policy = { ...doc.program.policy, displayNames };
  return doc;
}

const from = Date.parse('2026-03-09T04:00:00Z');
const to = Date.parse('2026-03-16T04:00:00Z');

function build(doc: MilieuDocument, viewer: ScheduleViewer, participant?: string) {
  const response = scheduleResource(doc, viewer, { from, to, participant });
  expect(OccurrencesResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

describe('scheduleResource', () => {
  it('gives a kiosk no participant ids, lists or records, whatever it asks for', () => {
    const doc = inpatient();
    const someone = doc.people.participants[0]!;
    const kiosk = build(doc, { kind: 'kiosk' }, someone.id);
    const text = JSON.stringify(kiosk);
    expect(kiosk.participant).toBeUndefined();
    expect(text).not.toContain('"participants"');
    expect(text).not.toContain('attendanceRecords');
    for (const p of doc.people.participants) expect(text).not.toContain(`"${p.id}"`);
    for (const s of doc.people.staff) expect(text).not.toContain(`"${s.id}"`);
    for (const o of kiosk.occurrences) {
      for (const f of o.facilitators) expect(Object.keys(f)).toEqual(['name']);
    }
  });

  it('names facilitators on shared screens as policy.displayNames says', () => {
    const first = build(inpatient(), { kind: 'kiosk' });
    const initials = build(inpatient('initials'), { kind: 'kiosk' });
    const none = build(inpatient('none'), { kind: 'kiosk' });
    expect(first.program.displayNames).toBe('first-initial');
    expect(initials.program.displayNames).toBe('initials');
    const named = first.occurrences.find((o) => o.facilitators.length > 0)!;
    expect(named.facilitators[0]!.name).toMatch(/^\p{L}+ \p{L}\.$/u);
    const same = initials.occurrences.find((o) => o.id === named.id)!;
    expect(same.facilitators[0]!.name).toMatch(/^\p{L}\. \p{L}\.$/u);
    expect(none.occurrences.every((o) => o.facilitators.length === 0)).toBe(true);
  });

  it('gives a participant their own schedule only, whoever else they ask for', () => {
    const doc = inpatient();
    const [me, other] = doc.people.participants;
    const mine = build(doc, { kind: 'participant', participantId: me!.id }, other!.id);
    expect(mine.participant?.id).toBe(me!.id);
    const text = JSON.stringify(mine);
    expect(text).not.toContain('"participants"');
    expect(text).not.toContain('attendanceRecords');
    expect(text).not.toContain(other!.preferredName + ' ' + (other!.lastName ?? ''));
  });

  it('carries the program and the no-empty-stretch options a board needs', () => {
    const staff = build(inpatient(), { kind: 'staff' });
    expect(staff.program).toMatchObject({ timeZone: 'America/New_York' });
    expect(staff.emptyStretch).toEqual({
      maxHours: 3,
      wakingStart: '07:00',
      wakingEnd: '22:00',
      useWakeAndLightsOut: true,
      ignoreKinds: ['lights-out'],
    });
    expect(staff.occurrences.some((o) => (o.participants?.length ?? 0) > 0)).toBe(true);
  });

  it('carries attendance completeness at now for staff only (overdue = ended, incomplete)', () => {
    const doc = inpatient();
    const now = Date.parse('2026-03-11T04:00:00Z');
    const group = scheduleResource(doc, { kind: 'staff' }, { from, to, now }).occurrences.find(
      (o) => o.kind === 'group-therapy' && o.localDate === '2026-03-09' && o.status !== 'cancelled',
    )!;
    const first = group.participants![0]!.id!;
    const attendance = new Map([
      [group.id, [{ occurrenceId: group.id, participantId: first, status: 'present' as const }]],
    ]);
    const staff = scheduleResource(doc, { kind: 'staff' }, { from, to, now, attendance });
    expect(OccurrencesResponseSchema.safeParse(staff).success).toBe(true);
    const view = staff.occurrences.find((o) => o.id === group.id)!;
    expect(view.completeness).toMatchObject({
      state: 'overdue',
      expected: group.participants!.length,
      recorded: 1,
    });
    expect(view.completeness!.missing).not.toContain(first);
    const later = staff.occurrences.find(
      (o) => o.kind === 'group-therapy' && o.localDate === '2026-03-13',
    );
    if (later && later.status !== 'cancelled') expect(later.completeness?.state).toBe('pending');
    for (const viewer of [
      { kind: 'kiosk' },
      { kind: 'participant', participantId: first },
    ] as const) {
      const text = JSON.stringify(scheduleResource(doc, viewer, { from, to, now, attendance }));
      expect(text).not.toContain('completeness');
    }
  });
});
