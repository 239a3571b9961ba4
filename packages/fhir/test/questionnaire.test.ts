import { describe, expect, test } from 'vitest';
import { BUILT_IN_TEMPLATES, STAFF_TEMPLATE, type MilieuDocument } from '@milieu/core';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { fromFhir, templateQuestionnaire, toFhir, canon } from '../src/index.js';
import { examples } from './helpers.js';
import { validate } from './medplum.js';

const linkIds = (items: { linkId: string; item?: unknown[] }[] | undefined): string[] =>
  (items ?? []).flatMap((i) => [i.linkId, ...linkIds(i.item as { linkId: string }[] | undefined)]);

describe('feedback templates as Questionnaires', () => {
  test('the staff template has a section and an item both called "strengths"', () => {
    const section = STAFF_TEMPLATE.sections.find((s) => s.id === 'strengths');
    expect(section?.items.some((i) => i.id === 'strengths')).toBe(true);
  });

  test.each(Object.values(BUILT_IN_TEMPLATES))(
    '$id: linkIds are unique and the Questionnaire is valid R4',
    (t) => {
      const q = templateQuestionnaire({ c: canon() }, t, 'en');
      const ids = linkIds(q.item);
      expect(new Set(ids).size).toBe(ids.length);
      expect(validate(q)).toEqual([]);
    },
  );

  test('an entry made with a known template is nested by its sections and reads back the same', () => {
    const { doc } = examples().find((e) => e.name === 'minimal.json')!;
    const p = doc.people.participants[0]!;
    const staff = doc.people.staff[0]!;
    const withEntry: MilieuDocument = structuredClone(doc);
    withEntry.records.feedback = [
      {
        id: 'fb-staff-1',
        createdAt: '2026-03-04T15:00:00-06:00',
        source: 'staff',
        authorId: staff.id,
        subjectId: p.id,
        strengths: 'Led the check-in calmly.',
        suggestions: 'Try the breathing exercise before group tomorrow.',
        ratings: { progress: 4 },
        about: { type: 'goal', id: p.goals[0]!.id, label: p.goals[0]!.statement },
        visibility: 'subject',
        anonymous: false,
        review: {
          status: 'approved',
          reviewedBy: staff.id,
          reviewedAt: '2026-03-04T16:00:00-06:00',
        },
        templateId: STAFF_TEMPLATE.id,
      },
    ];
    const bundle = toFhir(withEntry);
    const qr = bundle.entry?.find((e) => e.resource?.resourceType === 'QuestionnaireResponse')
      ?.resource as QuestionnaireResponse;
    expect(qr.questionnaire).toBe(canon().questionnaire(STAFF_TEMPLATE.id));
    expect(qr.item?.map((i) => i.linkId)).toEqual(expect.arrayContaining(['section.strengths']));
    const q = bundle.entry?.find(
      (e) => (e.resource as Questionnaire | undefined)?.url === qr.questionnaire,
    )?.resource as Questionnaire;
    // Every linkId of the response is one of the Questionnaire's.
    expect(linkIds(q.item)).toEqual(expect.arrayContaining(linkIds(qr.item)));
    expect(validate(qr)).toEqual([]);
    const back = fromFhir(JSON.parse(JSON.stringify(bundle)));
    expect(back.ok && back.value.records.feedback).toEqual(withEntry.records.feedback);
  });
});
