/**
 * `therapist-not-enforcer`: responses are not issued by the participant's primary therapist.
 *
 * @module
 */
import * as z from 'zod/mini';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * Off by default (a program choice): when enabled, an observation recorded with a ladder step
 * by the participant's own `primaryTherapistId` is reported.
 */
export const therapistNotEnforcer = defineRule({
  id: 'therapist-not-enforcer',
  concern: 'consistency',
  defaultSeverity: 'off',
  options: z.strictObject({}),
  docs: {
    description:
      "(Optional) A response on the ladder is not issued by the participant's own primary therapist.",
    rationale:
      'Some programs separate the therapeutic relationship from enforcement, so that the one person a participant confides in is never the one applying sanctions. Off by default: small programs may not have the staff to separate roles.',
    source:
      'Therapeutic community and milieu practice (separating therapy and limit-setting roles).',
  },
  messages: messagesFor('therapist-not-enforcer'),
  check(ctx) {
    const reports: RuleReport[] = [];
    ctx.doc.records.observations.forEach((o, index) => {
      const participant = ctx.participant(o.participantId)?.value;
      if (!participant || participant.primaryTherapistId !== o.byStaffId) return;
      reports.push({
        messageId: 'therapistIssued',
        data: {
          name: ctx.nameOf(o.byStaffId),
          participant: ctx.nameOf(o.participantId),
          date: ctx.localDateOf(o.at),
        },
        path: `/records/observations/${index}/byStaffId`,
        related: { participantIds: [o.participantId], staffIds: [o.byStaffId] },
        fix: 'fixTherapistIssued',
      });
    });
    return reports;
  },
});
