/**
 * `basic-needs-unconditional`: meals, sleep, hygiene, privacy and advocacy are never a response.
 *
 * @module
 */
import * as z from 'zod/mini';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { compileWordList } from '../util/text.js';

/** Words naming basic needs, English and Spanish (default `needWords`). */
export const BASIC_NEED_WORDS: readonly string[] = [
  'meal',
  'meals',
  'food',
  'breakfast',
  'lunch',
  'dinner',
  'snack',
  'snacks',
  'water',
  'drink',
  'sleep',
  'bed',
  'bedtime',
  'shower',
  'showers',
  'hygiene',
  'toilet',
  'bathroom',
  'washing',
  'privacy',
  'phone call',
  'phone calls',
  'visit',
  'visits',
  'visitor',
  'visitors',
  'family contact',
  'advocate',
  'advocacy',
  'lawyer',
  'attorney',
  'legal',
  'legal counsel',
  'ombudsman',
  'patients rights',
  'comida',
  'comidas',
  'alimento',
  'desayuno',
  'almuerzo',
  'cena',
  'merienda',
  'agua',
  'dormir',
  'sueno',
  'cama',
  'descanso',
  'ducha',
  'higiene',
  'bano',
  'aseo',
  'privacidad',
  'intimidad',
  'llamada',
  'llamadas',
  'visita',
  'visitas',
  'abogado',
  'abogada',
  'defensor',
  'defensora',
  'asesor legal',
  'asesoria legal',
];

/** Words that make a step withhold or restrict something, English and Spanish (default `restrictionWords`). */
export const RESTRICTION_WORDS: readonly string[] = [
  'no',
  'lose',
  'loses',
  'loss',
  'lost',
  'withhold',
  'withheld',
  'without',
  'restrict',
  'restricted',
  'restriction',
  'remove',
  'removed',
  'removal',
  'revoke',
  'revoked',
  'suspend',
  'suspended',
  'deny',
  'denied',
  'cancel',
  'cancelled',
  'skip',
  'skipped',
  'earlier',
  'early',
  'reduced',
  'reduce',
  'limited',
  'limit',
  'until',
  'only after',
  'taken away',
  'sin',
  'pierde',
  'perder',
  'perdida',
  'retirar',
  'retira',
  'retirada',
  'restringir',
  'restringido',
  'restringida',
  'suspender',
  'suspendido',
  'suspendida',
  'negar',
  'negado',
  'quitar',
  'quita',
  'cancelar',
  'limitar',
  'limitado',
  'antes',
  'hasta',
];

/**
 * No ladder step makes a basic need conditional: a step is reported when its description names
 * a basic need (`needWords`: meals, sleep, hygiene, privacy, contact with family, advocates or
 * legal counsel) together with a restriction (`restrictionWords`: lose, withhold, earlier,
 * suspended, sin, pierde…). "Loses evening snack" and "earlier bedtime" are reported; "a 1:1
 * talk after lunch" is not.
 */
export const basicNeedsUnconditional = defineRule({
  id: 'basic-needs-unconditional',
  concern: 'consistency',
  defaultSeverity: 'error',
  options: z.strictObject({
    needWords: z._default(z.array(z.string()), [...BASIC_NEED_WORDS]),
    restrictionWords: z._default(z.array(z.string()), [...RESTRICTION_WORDS]),
  }),
  docs: {
    description:
      'Meals, sleep, hygiene, privacy and contact with advocates or legal counsel are never part of a response ladder.',
    rationale:
      'Basic needs and rights are unconditional: making them a consequence is punitive, harms recovery and in many jurisdictions violates patients’ rights law.',
    source:
      'Patients’ rights (e.g. 42 CFR 482.13, UN Principles for the Protection of Persons with Mental Illness); therapeutic milieu: non-punitive responses.',
  },
  messages: messagesFor('basic-needs-unconditional'),
  check(ctx) {
    const needs = compileWordList(ctx.options.needWords);
    const restrictions = compileWordList(ctx.options.restrictionWords);
    const reports: RuleReport[] = [];
    ctx.doc.expectations.items.forEach((item, index) => {
      item.ladder.forEach((step, i) => {
        const found = needs.find(step.description);
        if (found.length === 0 || !restrictions.test(step.description)) return;
        reports.push({
          messageId: 'conditional',
          data: { statement: item.statement, step: step.step, needs: found },
          path: `/expectations/items/${index}/ladder/${i}/description`,
          fix: 'fixConditional',
        });
      });
    });
    return reports;
  },
});
