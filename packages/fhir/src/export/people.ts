/**
 * The program and its people: the unit `Group` (members with their stay periods), audience
 * `Group`s, `Location`s, `Patient`s, `Practitioner`s, `EpisodeOfCare` per stay, `Goal`s, the
 * unit's `CareTeam` (staff with `participant.period`) and a `CarePlan` of each participant's
 * chosen electives.
 *
 * @module
 */
import { displayName, type Participant, type Staff } from '@milieu/core';
import type {
  CarePlan,
  CareTeam,
  EpisodeOfCare,
  Extension,
  Goal,
  Group,
  HumanName,
  Location,
  Patient,
  Practitioner,
} from '@medplum/fhirtypes';
import { GOAL_ACHIEVEMENT_SYSTEM } from '../constants.js';
import { coding, ext, subs } from '../util.js';
import type { ExportContext } from './context.js';

function humanName(person: { preferredName: string; lastName?: string | undefined }): HumanName {
  const name: HumanName = { use: 'usual', given: [person.preferredName] };
  if (person.lastName !== undefined && person.lastName.trim() !== '') name.family = person.lastName;
  name.text = displayName(person, 'full');
  return name;
}

function pronouns(ctx: ExportContext, value: string | undefined): Extension[] | undefined {
  return value === undefined || value === ''
    ? undefined
    : [ext(ctx.c.extension('pronouns'), { valueString: value })];
}

/** Program settings FHIR has no element for, as sub-extensions of the unit Group. */
function programExtension(ctx: ExportContext): Extension {
  const p = ctx.doc.program;
  const policy = p.policy;
  const crisis = policy?.crisisResource;
  return ext(ctx.c.extension('program'), {
    extension: subs([
      ext('setting', { valueCode: p.setting }),
      ext('timeZone', { valueCode: p.timeZone }),
      ext('locale', { valueCode: p.locale }),
      ext('stayModel', { valueCode: p.stay.model }),
      ext('stayBoundDays', { valuePositiveInt: p.stay.boundDays }),
      policy?.peerAnonymityMinRaters === undefined
        ? undefined
        : ext('peerAnonymityMinRaters', { valuePositiveInt: policy.peerAnonymityMinRaters }),
      policy?.displayNames === undefined
        ? undefined
        : ext('displayNames', { valueCode: policy.displayNames }),
      policy?.anonymousAuthors === undefined
        ? undefined
        : ext('anonymousAuthors', { valueCode: policy.anonymousAuthors }),
      crisis === undefined
        ? undefined
        : ext('crisisResource', {
            extension: subs([
              ext('name', { valueString: crisis.name }),
              crisis.phone === undefined ? undefined : ext('phone', { valueString: crisis.phone }),
              crisis.url === undefined ? undefined : ext('url', { valueUrl: crisis.url }),
            ]),
          }),
    ]),
  });
}

function exportParticipant(ctx: ExportContext, p: Participant): void {
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [ctx.identifier('participant', p.id)],
    active: p.dischargeDate === undefined,
    name: [humanName(p)],
  };
  const pro = pronouns(ctx, p.pronouns);
  if (pro) patient.extension = pro;
  ctx.add('participant', p.id, patient);

  const episode: EpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
    identifier: [ctx.identifier('participant', p.id)],
    status: p.dischargeDate === undefined ? 'active' : 'finished',
    patient: ctx.ref('participant', p.id, displayName(p, 'full')),
    period: { start: p.admissionDate, ...(p.dischargeDate ? { end: p.dischargeDate } : {}) },
  };
  if (p.levelOfCare !== undefined && p.levelOfCare !== '') episode.type = [{ text: p.levelOfCare }];
  if (p.primaryTherapistId !== undefined) {
    const s = ctx.staff.get(p.primaryTherapistId);
    episode.careManager = ctx.ref(
      'staff',
      p.primaryTherapistId,
      s ? displayName(s, 'full') : undefined,
    );
  }
  if (p.anticipatedDischargeDate !== undefined) {
    episode.extension = [
      ext(ctx.c.extension('anticipated-discharge'), { valueDate: p.anticipatedDischargeDate }),
    ];
  }
  ctx.entries.push({
    fullUrl: ctx.url('participant', `episode:${p.id}`),
    resource: episode,
    match: ctx.identifier('participant', p.id),
  });

  for (const g of p.goals) {
    const goal: Goal = {
      resourceType: 'Goal',
      // Goal ids are unique within their participant: the identifier names both.
      identifier: [ctx.identifier('goal', `${p.id}/${g.id}`)],
      lifecycleStatus:
        g.status === 'active'
          ? 'active'
          : g.status === 'met'
            ? 'completed'
            : g.status === 'paused'
              ? 'on-hold'
              : 'cancelled',
      description: { text: g.statement },
      subject: ctx.ref('participant', p.id, displayName(p, 'full')),
      startDate: g.setOn,
    };
    if (g.status === 'met') {
      goal.achievementStatus = {
        coding: [coding(GOAL_ACHIEVEMENT_SYSTEM, 'achieved', 'Achieved')],
      };
    }
    ctx.add('goal', `${p.id}/${g.id}`, goal);
  }

  if (p.electiveRoutineIds.length > 0) {
    const plan: CarePlan = {
      resourceType: 'CarePlan',
      identifier: [ctx.identifier('electives', p.id)],
      status: p.dischargeDate === undefined ? 'active' : 'completed',
      intent: 'plan',
      title: 'Chosen electives',
      subject: ctx.ref('participant', p.id, displayName(p, 'full')),
      activity: p.electiveRoutineIds.map((rid) => ({
        detail: {
          status: 'scheduled',
          instantiatesCanonical: [ctx.c.activityDefinition(ctx.doc.program.id, rid)],
        },
      })),
    };
    ctx.add('electives', p.id, plan);
  }
}

function exportStaff(ctx: ExportContext, s: Staff): void {
  const practitioner: Practitioner = {
    resourceType: 'Practitioner',
    identifier: [ctx.identifier('staff', s.id)],
    active: s.endDate === undefined,
    name: [humanName(s)],
  };
  const pro = pronouns(ctx, s.pronouns);
  if (pro) practitioner.extension = pro;
  ctx.add('staff', s.id, practitioner);
}

/** Exports the program, its places, groups and people. @internal */
export function exportPeople(ctx: ExportContext): void {
  const { program, people } = ctx.doc;
  for (const l of program.locations) {
    const location: Location = {
      resourceType: 'Location',
      identifier: [ctx.identifier('location', l.id)],
      status: 'active',
      name: l.name,
      mode: 'instance',
    };
    if (l.capacity !== undefined) {
      location.extension = [
        ext(ctx.c.extension('program'), {
          extension: [ext('capacity', { valuePositiveInt: l.capacity })],
        }),
      ];
    }
    ctx.add('location', l.id, location);
  }
  for (const s of people.staff) exportStaff(ctx, s);
  for (const p of people.participants) exportParticipant(ctx, p);

  const unit: Group = {
    resourceType: 'Group',
    identifier: [ctx.identifier('program', program.id)],
    type: 'person',
    actual: true,
    name: program.name,
    quantity: people.participants.length,
    extension: [programExtension(ctx)],
    member: people.participants.map((p) => ({
      entity: ctx.ref('participant', p.id, displayName(p, 'full')),
      period: { start: p.admissionDate, ...(p.dischargeDate ? { end: p.dischargeDate } : {}) },
    })),
  };
  ctx.add('program', program.id, unit);

  for (const g of program.groups) {
    const members = people.participants.filter((p) => p.groupIds.includes(g.id));
    const group: Group = {
      resourceType: 'Group',
      identifier: [ctx.identifier('group', g.id)],
      type: 'person',
      actual: true,
      name: g.name,
      quantity: members.length,
      member: members.map((p) => ({
        entity: ctx.ref('participant', p.id, displayName(p, 'full')),
      })),
    };
    if (group.member?.length === 0) delete group.member;
    if (g.description !== undefined && g.description !== '') {
      group.extension = [ext(ctx.c.extension('description'), { valueString: g.description })];
    }
    ctx.add('group', g.id, group);
  }

  const team: CareTeam = {
    resourceType: 'CareTeam',
    identifier: [ctx.identifier('program', program.id)],
    status: 'active',
    name: `${program.name} staff`,
    subject: ctx.ref('program', program.id, program.name),
    participant: people.staff.map((s) => ({
      role: [{ coding: [coding(ctx.c.codeSystem('staff-role'), s.role)], text: s.role }],
      member: ctx.ref('staff', s.id, displayName(s, 'full')),
      period: { start: s.startDate, ...(s.endDate ? { end: s.endDate } : {}) },
    })),
  };
  if (team.participant?.length === 0) delete team.participant;
  ctx.entries.push({
    fullUrl: ctx.url('program', `careteam:${program.id}`),
    resource: team,
    match: ctx.identifier('program', program.id),
  });
}
