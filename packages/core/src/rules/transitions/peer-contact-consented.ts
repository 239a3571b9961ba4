/**
 * `peer-contact-consented`: peer and alumni contact after discharge only with recorded consent.
 *
 * @module
 */
import * as z from 'zod/mini';
import { SettingSchema } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * Every `peer-contact` plan task of a participant transition (unless `not-applicable`) carries a
 * recorded `consent` whose `parties` include the participant and at least one other party (the
 * peer, alumnus or peer-support worker: both sides of peer-to-peer contact consent); the consent
 * is recorded no later than the booked contact (`at`). In the `substanceUseSettings` (residential,
 * PHP and IOP by default — US programs there are usually federally assisted substance-use
 * programs), the consent's `basis` must be `42-cfr-part-2`, whose consent requirements are
 * stricter than HIPAA's. Programs that are not substance-use programs can set
 * `substanceUseSettings: []`.
 */
export const peerContactConsented = defineRule({
  id: 'peer-contact-consented',
  concern: 'transitions',
  defaultSeverity: 'error',
  options: z.strictObject({
    substanceUseSettings: z._default(z.array(SettingSchema), ['residential', 'php', 'iop']),
  }),
  docs: {
    description:
      'Alumni and peer contact after discharge happens only with recorded consent: of both sides for peer-to-peer contact, under 42 CFR Part 2 for substance-use programs.',
    rationale:
      'Peer and alumni contact supports recovery, but sharing that someone was in treatment — especially substance-use treatment — without consent is a breach of trust and of law.',
    source:
      '42 CFR Part 2 (confidentiality of substance use disorder patient records); HIPAA Privacy Rule; peer-support practice.',
  },
  messages: messagesFor('peer-contact-consented'),
  check(ctx) {
    const part2 = ctx.options.substanceUseSettings.includes(ctx.doc.program.setting);
    const reports: RuleReport[] = [];
    ctx.doc.transitions.forEach((t, ti) => {
      if (t.participantId === undefined) return;
      const participantId = t.participantId;
      const name = ctx.nameOf(participantId);
      t.plan.forEach((task, i) => {
        if (task.kind !== 'peer-contact' || task.status === 'not-applicable') return;
        const base = `/transitions/${ti}/plan/${i}`;
        const related = { participantIds: [participantId] };
        const consent = task.consent;
        if (!consent) {
          reports.push({
            messageId: 'noConsent',
            data: { name },
            path: base,
            related,
            fix: 'fixConsent',
          });
          return;
        }
        if (!consent.parties.includes(participantId)) {
          reports.push({
            messageId: 'subjectMissing',
            data: { name },
            path: `${base}/consent/parties`,
            related,
            fix: 'fixConsent',
          });
        } else if (consent.parties.length < 2) {
          reports.push({
            messageId: 'oneSided',
            data: { name },
            path: `${base}/consent/parties`,
            related,
            fix: 'fixConsent',
          });
        }
        if (part2 && consent.basis !== '42-cfr-part-2') {
          reports.push({
            messageId: 'basis',
            data: { name, basis: consent.basis ?? '', setting: ctx.doc.program.setting },
            path: `${base}/consent${consent.basis === undefined ? '' : '/basis'}`,
            related,
            fix: 'fixBasis',
          });
        }
        if (task.at !== undefined && ctx.localDateOf(task.at) < consent.recordedOn) {
          reports.push({
            messageId: 'afterContact',
            data: { name, recordedOn: consent.recordedOn, at: ctx.localDateOf(task.at) },
            path: `${base}/consent/recordedOn`,
            related,
            fix: 'fixConsent',
          });
        }
      });
    });
    return reports;
  },
});
