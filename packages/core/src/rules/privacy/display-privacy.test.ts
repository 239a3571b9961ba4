import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, routineOf, runRule } from '../fixtures/builders.js';

describe('display-privacy', () => {
  it('passes preferred first names and neutral titles', () => {
    expect(runRule('display-privacy', cleanDoc())).toEqual([]);
  });

  it('reports a preferred name holding the full name or too many words', () => {
    const doc = cleanDoc();
    const [p1, p2] = doc.people.participants;
    if (!p1 || !p2) throw new Error('fixture');
    p1.preferredName = 'Dana Rivera';
    p2.preferredName = 'Samuel James Okafor Jr';
    delete p2.lastName;
    expect(runRule('display-privacy', doc).map((f) => [f.messageId, f.path[0]])).toEqual([
      ['fullName', '/people/participants/0/preferredName'],
      ['longName', '/people/participants/1/preferredName'],
    ]);
  });

  it('reports displayed texts that name a participant or show levels and restrictions', () => {
    const doc = cleanDoc();
    routineOf(doc, 'walk').title = 'Walk (Level 2 and up)';
    routineOf(doc, 'art').exceptions.push({
      date: '2026-03-10',
      type: 'cancelled',
      reason: 'Rivera on close observation',
    });
    const findings = runRule('display-privacy', doc);
    expect(
      findings.map((f) => [f.messageId, f.path[0], f.data['terms'] ?? f.data['names']]),
    ).toEqual([
      ['namesParticipant', '/routines/9/exceptions/0/reason', ['Dana R.']],
      ['sensitiveTerm', '/routines/9/exceptions/0/reason', ['observation', 'close observation']],
      ['sensitiveTerm', '/routines/12/title', ['level']],
    ]);
  });

  it('reports diagnoses next to specific people but not general education', () => {
    const doc = cleanDoc();
    routineOf(doc, 'psychoed').title = 'Understanding depression';
    doc.program.locations.push({ id: 'l2', name: 'Level 2 lounge' });
    expect(runRule('display-privacy', doc)).toEqual([]);
    doc.routines.push(
      routine({
        id: 'ed',
        kind: 'group-therapy',
        title: 'Eating disorder group',
        start: '20:00',
        end: '20:30',
        facilitatorIds: ['s-ther'],
        audience: { type: 'groups', groupIds: ['track-a'] },
      }),
    );
    doc.program.groups.push({ id: 'bipolar', name: 'Bipolar support' });
    expect(runRule('display-privacy', doc).map((f) => f.path[0])).toEqual([
      '/program/groups/1/name',
      '/routines/15/title',
    ]);
  });

  it('does not search for last names that are only an initial', () => {
    const doc = cleanDoc();
    const p = doc.people.participants[0];
    if (p) p.lastName = 'S.';
    routineOf(doc, 'walk').title = 'Walk with S. and friends';
    expect(runRule('display-privacy', doc)).toEqual([]);
  });
});
