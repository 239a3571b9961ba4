import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { checkReferences } from './refs.js';
import { examples, set, type Json } from './__fixtures__/documents.js';

/** Issues of the minimal document after one patch; every test starts from a clean document. */
const issuesAfter = (pointer: string, value: Json) => {
  const r = parseDocument(set(examples.minimal(), pointer, value));
  return r.ok ? [] : r.issues;
};
const unknown = (path: string, message: string) => [{ path, code: 'unknown_reference', message }];

describe('cross-references', () => {
  it('the examples have no dangling references', () => {
    for (const doc of [
      examples.minimal(),
      examples.inpatient(),
      examples.rehab(),
      examples.outpatient(),
    ]) {
      const r = parseDocument(doc);
      expect(r.ok && checkReferences(r.value)).toEqual([]);
    }
  });

  it('routine facilitators must be staff', () => {
    expect(issuesAfter('/routines/1/facilitatorIds/0', 'st-99')).toEqual(
      unknown('/routines/1/facilitatorIds/0', 'no staff member has the id "st-99"'),
    );
  });
  it('a participant is not a facilitator', () => {
    expect(issuesAfter('/routines/1/facilitatorIds/0', 'p-01')).toMatchObject([
      { path: '/routines/1/facilitatorIds/0', code: 'unknown_reference' },
    ]);
  });
  it('routine and exception locations must be program locations', () => {
    expect(issuesAfter('/routines/0/locationId', 'gym')).toEqual(
      unknown('/routines/0/locationId', 'no location has the id "gym"'),
    );
    expect(
      issuesAfter('/routines/1/exceptions/0', {
        date: '2026-03-06',
        type: 'changed',
        reason: 'Room change',
        locationId: 'roof',
        facilitatorIds: ['st-1', 'st-7'],
      }),
    ).toEqual([
      ...unknown('/routines/1/exceptions/0/locationId', 'no location has the id "roof"'),
      ...unknown('/routines/1/exceptions/0/facilitatorIds/1', 'no staff member has the id "st-7"'),
    ]);
  });
  it('audience groups must be program groups; audience participants must be participants', () => {
    expect(issuesAfter('/routines/0/audience', { type: 'groups', groupIds: ['track-a'] })).toEqual(
      unknown('/routines/0/audience/groupIds/0', 'no group has the id "track-a"'),
    );
    expect(
      issuesAfter('/routines/0/audience', {
        type: 'participants',
        participantIds: ['p-01', 'p-99'],
      }),
    ).toEqual(unknown('/routines/0/audience/participantIds/1', 'no participant has the id "p-99"'));
  });
  it('roster changes name participants', () => {
    expect(
      issuesAfter('/routines/0/roster/0', {
        participantId: 'p-9',
        action: 'add',
        effective: '2026-03-10',
      }),
    ).toEqual(unknown('/routines/0/roster/0/participantId', 'no participant has the id "p-9"'));
  });
  it('participant groups, primary therapist and electives resolve', () => {
    expect(issuesAfter('/people/participants/0/groupIds', ['blue'])).toEqual(
      unknown('/people/participants/0/groupIds/0', 'no group has the id "blue"'),
    );
    expect(issuesAfter('/people/participants/0/primaryTherapistId', 'st-3')).toEqual(
      unknown('/people/participants/0/primaryTherapistId', 'no staff member has the id "st-3"'),
    );
    expect(issuesAfter('/people/participants/0/electiveRoutineIds/0', 'yoga')).toEqual(
      unknown('/people/participants/0/electiveRoutineIds/0', 'no routine has the id "yoga"'),
    );
  });
  it('an elective id must name an elective routine', () => {
    expect(issuesAfter('/people/participants/0/electiveRoutineIds/0', 'skills')).toEqual([
      {
        path: '/people/participants/0/electiveRoutineIds/0',
        code: 'invalid_reference',
        message: 'routine "skills" is not elective (attendance is "required")',
      },
    ]);
  });
  it('the expectation set names the meeting where it was agreed', () => {
    expect(issuesAfter('/expectations/agreedAt/routineId', 'townhall')).toEqual(
      unknown('/expectations/agreedAt/routineId', 'no routine has the id "townhall"'),
    );
  });
  it('attendance names an existing routine and participant, once per occurrence', () => {
    expect(issuesAfter('/records/attendance/0/occurrenceId', 'yoga@2026-03-03')).toEqual(
      unknown('/records/attendance/0/occurrenceId', 'no routine has the id "yoga"'),
    );
    expect(issuesAfter('/records/attendance/0/participantId', 'p-99')).toEqual(
      unknown('/records/attendance/0/participantId', 'no participant has the id "p-99"'),
    );
    expect(
      issuesAfter('/records/attendance/2', {
        occurrenceId: 'skills@2026-03-03',
        participantId: 'p-01',
        status: 'late',
      }),
    ).toMatchObject([{ path: '/records/attendance/2', code: 'duplicate_value' }]);
  });
  it('observations name a participant, an expectation, a step on its ladder and a staff member', () => {
    const o = {
      id: 'o1',
      participantId: 'p-01',
      expectationId: 'confidential',
      at: '2026-03-04T10:00:00-06:00',
      step: 1,
      byStaffId: 'st-2',
    };
    expect(issuesAfter('/records/observations/0', o)).toEqual([]);
    expect(
      issuesAfter('/records/observations/0', {
        ...o,
        participantId: 'p-5',
        expectationId: 'kindness',
        byStaffId: 'nurse',
      }),
    ).toEqual([
      ...unknown('/records/observations/0/participantId', 'no participant has the id "p-5"'),
      ...unknown('/records/observations/0/byStaffId', 'no staff member has the id "nurse"'),
      ...unknown('/records/observations/0/expectationId', 'no expectation has the id "kindness"'),
    ]);
    expect(issuesAfter('/records/observations/0', { ...o, step: 4 })).toEqual([
      {
        path: '/records/observations/0/step',
        code: 'invalid_reference',
        message: 'step 4 is not on the ladder of expectation "confidential" (steps: 1, 2, 3)',
      },
    ]);
  });
  it('feedback authors, subjects, reviewers and topics resolve', () => {
    expect(issuesAfter('/records/feedback/2/subjectId', 'p-2')).toEqual([
      ...unknown('/records/feedback/2/subjectId', 'no participant has the id "p-2"'),
    ]);
    expect(issuesAfter('/records/feedback/2/authorId', 'st-1')).toEqual(
      unknown('/records/feedback/2/authorId', 'no participant has the id "st-1"'),
    );
    expect(issuesAfter('/records/feedback/2/about', { type: 'goal', id: 'g9' })).toEqual(
      unknown('/records/feedback/2/about/id', 'no goal of participant "p-01" has the id "g9"'),
    );
    expect(issuesAfter('/records/feedback/2/about', { type: 'expectation', id: 'curfew' })).toEqual(
      unknown('/records/feedback/2/about/id', 'no expectation has the id "curfew"'),
    );
    expect(
      issuesAfter('/records/feedback/2/about', { type: 'activity', id: 'skills@2026-03-03' }),
    ).toEqual([]);
    expect(issuesAfter('/records/feedback/2/about', { type: 'activity', id: 'karaoke' })).toEqual(
      unknown('/records/feedback/2/about/id', 'no routine has the id "karaoke"'),
    );
    expect(
      issuesAfter('/records/feedback/2/review', { status: 'approved', reviewedBy: 'p-01' }),
    ).toEqual(
      unknown('/records/feedback/2/review/reviewedBy', 'no staff member has the id "p-01"'),
    );
  });
  it('staff feedback is written by staff', () => {
    const doc = set(
      set(examples.minimal(), '/records/feedback/2/source', 'staff'),
      '/records/feedback/2/authorId',
      'p-01',
    );
    const r = parseDocument(doc);
    expect(r.ok ? [] : r.issues).toEqual(
      unknown('/records/feedback/2/authorId', 'no staff member has the id "p-01"'),
    );
  });
  it('coping practice names a participant', () => {
    expect(issuesAfter('/records/copingPractice/0/participantId', 'st-1')).toEqual(
      unknown('/records/copingPractice/0/participantId', 'no participant has the id "st-1"'),
    );
  });
  it('transitions name their participant, staff, successor and consenting parties', () => {
    expect(issuesAfter('/transitions/0/participantId', 'p-7')).toEqual(
      unknown('/transitions/0/participantId', 'no participant has the id "p-7"'),
    );
    const departure = {
      id: 'tr-2',
      type: 'staff-departure',
      staffId: 'st-8',
      successorStaffId: 'st-9',
      effectiveDate: '2026-04-30',
      announcedDate: '2026-03-30',
      plan: [
        {
          id: 'peer',
          kind: 'peer-contact',
          status: 'done',
          consent: { recordedOn: '2026-03-19', parties: ['p-01', 'st-2', 'alum-1'] },
        },
      ],
    };
    expect(issuesAfter('/transitions/1', departure)).toEqual([
      ...unknown('/transitions/1/staffId', 'no staff member has the id "st-8"'),
      ...unknown('/transitions/1/successorStaffId', 'no staff member has the id "st-9"'),
      ...unknown(
        '/transitions/1/plan/0/consent/parties/2',
        'no participant or staff member has the id "alum-1"',
      ),
    ]);
  });
  it('people ids are unique across participants and staff', () => {
    const nurse = { id: 'p-01', preferredName: 'Pat', role: 'nurse', startDate: '2025-01-06' };
    expect(issuesAfter('/people/staff/2', nurse)).toEqual([
      {
        path: '/people/staff/2/id',
        code: 'duplicate_id',
        message:
          '"p-01" is also a participant\'s id; people ids must be unique across participants and staff',
      },
    ]);
  });
  it('reports every dangling reference in one pass, together with shape issues', () => {
    const doc = examples.minimal();
    set(doc, '/routines/0/facilitatorIds/0', 'ghost');
    set(doc, '/routines/1/locationId', 'attic');
    set(doc, '/routines/1/start', '25:00');
    const r = parseDocument(doc);
    expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_time /routines/1/start',
      'unknown_reference /routines/0/facilitatorIds/0',
      'unknown_reference /routines/1/locationId',
    ]);
  });
});
