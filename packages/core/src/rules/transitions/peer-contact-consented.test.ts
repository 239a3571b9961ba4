import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

function withConsent(consent: unknown, setting?: 'residential') {
  const doc = cleanDoc();
  const task = doc.transitions[0]?.plan[1];
  if (!task) throw new Error('fixture');
  if (consent === undefined) delete task.consent;
  else task.consent = consent as typeof task.consent;
  if (setting) doc.program.setting = setting;
  return doc;
}

describe('peer-contact-consented', () => {
  it('passes peer contact consented by both sides', () => {
    expect(runRule('peer-contact-consented', cleanDoc())).toEqual([]);
  });

  it('reports missing, one-sided and foreign consent', () => {
    expect(
      runRule('peer-contact-consented', withConsent(undefined)).map((f) => f.messageId),
    ).toEqual(['noConsent']);
    expect(
      runRule(
        'peer-contact-consented',
        withConsent({ recordedOn: '2026-03-02', parties: ['p1'] }),
      ).map((f) => f.messageId),
    ).toEqual(['oneSided']);
    expect(
      runRule(
        'peer-contact-consented',
        withConsent({ recordedOn: '2026-03-02', parties: ['p3'] }),
      ).map((f) => f.messageId),
    ).toEqual(['subjectMissing']);
  });

  it('requires 42 CFR Part 2 consent in substance-use settings', () => {
    const doc = withConsent(
      { recordedOn: '2026-03-02', parties: ['p1', 'p3'], basis: 'hipaa' },
      'residential',
    );
    expect(runRule('peer-contact-consented', doc)).toMatchObject([
      { messageId: 'basis', path: ['/transitions/0/plan/1/consent/basis'] },
    ]);
    expect(
      runRule('peer-contact-consented', doc, { options: { substanceUseSettings: [] } }),
    ).toEqual([]);
    const ok = withConsent(
      { recordedOn: '2026-03-02', parties: ['p1', 'p3'], basis: '42-cfr-part-2' },
      'residential',
    );
    expect(runRule('peer-contact-consented', ok)).toEqual([]);
  });

  it('reports consent recorded after the contact; not-applicable tasks need none', () => {
    const doc = withConsent({ recordedOn: '2026-03-25', parties: ['p1', 'p3'] });
    const task = doc.transitions[0]?.plan[1];
    if (task) task.at = '2026-03-24T18:00:00-04:00';
    expect(runRule('peer-contact-consented', doc).map((f) => f.messageId)).toEqual([
      'afterContact',
    ]);
    const na = withConsent(undefined);
    const naTask = na.transitions[0]?.plan[1];
    if (naTask) naTask.status = 'not-applicable';
    expect(runRule('peer-contact-consented', na)).toEqual([]);
  });
});
