/**
 * Importing the program and its people: the unit Group, audience Groups, Locations, Patients
 * (with stays from EpisodeOfCare or the unit's member periods), Practitioners (roles and dates
 * from the CareTeam), Goals and chosen electives.
 *
 * @module
 */
import {
  DISPLAY_NAME_POLICIES,
  SETTINGS,
  STAFF_ROLES,
  STAY_MODELS,
  ANONYMOUS_AUTHOR_VISIBILITIES,
  ID_PATTERN,
  type Goal as MilieuGoal,
  type Participant,
  type Policy,
  type Program,
  type Staff,
} from '@milieu/core';
import type {
  CarePlan,
  CareTeam,
  EpisodeOfCare,
  Goal,
  Group,
  HumanName,
  Location,
  Patient,
  Practitioner,
} from '@medplum/fhirtypes';
import { findExt, identifierValue } from '../util.js';
import { dateOf, listOf, sub, type BundleIndex, type Located } from './bundle.js';

/** What the import knows before it reads people. */
export interface ProgramDefaults {
  id?: string | undefined;
  name?: string | undefined;
  setting?: Program['setting'] | undefined;
  timeZone?: string | undefined;
  locale?: string | undefined;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** The unit Group: the one with the milieu program identifier or extension. */
export function findUnit(ix: BundleIndex): Located<Group> | undefined {
  const groups = ix.all<Group>('Group');
  return (
    groups.find((g) => identifierValue(g.resource, ix.c.identifier('program')) !== undefined) ??
    groups.find((g) => findExt(g.resource, ix.c.extension('program')))
  );
}

/** Reads the program: from the unit Group, then `defaults`, then the zone the appointments use. */
export function readProgram(
  ix: BundleIndex,
  unit: Located<Group> | undefined,
  defaults: ProgramDefaults,
  zoneHint: string | undefined,
): Program {
  const e = unit ? findExt(unit.resource, ix.c.extension('program')) : undefined;
  const code = (name: string): string | undefined => sub(e, name)?.valueCode;
  const int = (name: string): number | undefined => sub(e, name)?.valuePositiveInt;
  const program: Program = {
    id: unit ? ix.idOf('program', unit.resource) : (defaults.id ?? 'imported'),
    name: unit?.resource.name ?? defaults.name ?? 'Imported program',
    setting: oneOf(SETTINGS, code('setting')) ?? defaults.setting ?? 'outpatient',
    timeZone: code('timeZone') ?? defaults.timeZone ?? zoneHint ?? 'UTC',
    locale: code('locale') ?? defaults.locale ?? 'en',
    stay: {
      model: oneOf(STAY_MODELS, code('stayModel')) ?? 'short-term',
      boundDays: int('stayBoundDays') ?? 30,
    },
    locations: [],
    groups: [],
  };
  const policy: Policy = {};
  const minRaters = int('peerAnonymityMinRaters');
  if (minRaters !== undefined) policy.peerAnonymityMinRaters = minRaters;
  const names = oneOf(DISPLAY_NAME_POLICIES, code('displayNames'));
  if (names) policy.displayNames = names;
  const authors = oneOf(ANONYMOUS_AUTHOR_VISIBILITIES, code('anonymousAuthors'));
  if (authors) policy.anonymousAuthors = authors;
  const crisis = sub(e, 'crisisResource');
  const crisisName = sub(crisis, 'name')?.valueString;
  if (crisisName) {
    policy.crisisResource = { name: crisisName };
    const phone = sub(crisis, 'phone')?.valueString;
    const url = sub(crisis, 'url')?.valueUrl;
    if (phone) policy.crisisResource.phone = phone;
    if (url) policy.crisisResource.url = url;
  }
  if (Object.keys(policy).length > 0) program.policy = policy;

  for (const located of ix.all<Location>('Location')) {
    try {
      const { resource: l } = located;
      const capacity = sub(findExt(l, ix.c.extension('program')), 'capacity')?.valuePositiveInt;
      program.locations.push({
        id: ix.idOf('location', l),
        name: l.name ?? l.alias?.[0] ?? ix.idOf('location', l),
        ...(capacity === undefined ? {} : { capacity }),
      });
    } catch (error) {
      ix.skip(located, error);
    }
  }
  for (const located of ix.all<Group>('Group')) {
    try {
      const { resource: g } = located;
      if (unit && g === unit.resource) continue;
      const description = findExt(g, ix.c.extension('description'))?.valueString;
      program.groups.push({
        id: ix.idOf('group', g),
        name: g.name ?? ix.idOf('group', g),
        ...(description === undefined ? {} : { description }),
      });
    } catch (error) {
      ix.skip(located, error);
    }
  }
  return program;
}

function names(list: HumanName[] | undefined): { preferredName: string; lastName?: string } {
  const n = list?.find((x) => x.use === 'usual') ?? list?.[0];
  const given = n?.given?.[0];
  const preferredName = given ?? n?.text ?? 'Unnamed';
  return n?.family ? { preferredName, lastName: n.family } : { preferredName };
}

/** A goal's milieu id: the part after `participant/` of its identifier, else a generated one. */
function goalId(ix: BundleIndex, g: Goal, pid: string): string {
  const value = identifierValue(g, ix.c.identifier('goal'));
  const id = value?.startsWith(`${pid}/`) ? value.slice(pid.length + 1) : undefined;
  return id !== undefined && ID_PATTERN.test(id) ? id : ix.idOf('goal', g, pid);
}

const GOAL_STATUS: Record<string, MilieuGoal['status']> = {
  active: 'active',
  accepted: 'active',
  planned: 'active',
  proposed: 'active',
  completed: 'met',
  'on-hold': 'paused',
  cancelled: 'closed',
  rejected: 'closed',
  'entered-in-error': 'closed',
};

/**
 * Reads participants and staff.
 *
 * @param firstSeen - the earliest date a person appears on an appointment (for stays FHIR did not give)
 * @param routineByUrl - routine ids by ActivityDefinition canonical URL (for chosen electives)
 */
export function readPeople(
  ix: BundleIndex,
  unit: Located<Group> | undefined,
  firstSeen: ReadonlyMap<string, string>,
  routineByUrl: ReadonlyMap<string, string>,
  fallbackDate: string,
): { participants: Participant[]; staff: Staff[] } {
  const episodes = new Map<string, EpisodeOfCare>();
  for (const located of ix.all<EpisodeOfCare>('EpisodeOfCare')) {
    try {
      const { resource: e } = located;
      const pid = ix.refId('participant', 'Patient', e.patient);
      if (pid !== undefined && !episodes.has(pid)) episodes.set(pid, e);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  const memberPeriods = new Map<string, { start?: string; end?: string }>();
  listOf(unit?.resource.member).forEach((m, i) => {
    if (m === null || typeof m !== 'object') {
      // A damaged member is reported where it stands; the rest of the unit still imports.
      ix.issue(
        `${unit!.pointer}/resource/member/${i}`,
        'invalid_value',
        'a Group member must be an object; skipped',
      );
      return;
    }
    const pid = ix.refId('participant', 'Patient', m.entity);
    if (pid !== undefined && m.period) memberPeriods.set(pid, m.period);
  });
  const groupsOf = new Map<string, string[]>();
  for (const located of ix.all<Group>('Group')) {
    try {
      const { resource: g } = located;
      if (unit && g === unit.resource) continue;
      for (const m of g.member ?? []) {
        const pid = ix.refId('participant', 'Patient', m.entity);
        if (pid === undefined) continue;
        const list = groupsOf.get(pid) ?? [];
        list.push(ix.idOf('group', g));
        groupsOf.set(pid, list);
      }
    } catch (error) {
      ix.skip(located, error);
    }
  }
  const goalsOf = new Map<string, MilieuGoal[]>();
  for (const located of ix.all<Goal>('Goal')) {
    try {
      const { resource: g, pointer } = located;
      const pid = ix.refId('participant', 'Patient', g.subject);
      const statement = g.description?.text ?? g.description?.coding?.[0]?.display;
      if (pid === undefined || !statement) {
        ix.issue(
          pointer,
          'unknown_reference',
          'a Goal without a Patient subject or description is skipped',
        );
        continue;
      }
      const list = goalsOf.get(pid) ?? [];
      list.push({
        id: goalId(ix, g, pid),
        statement,
        setOn: dateOf(g.startDate) ?? fallbackDate,
        status: GOAL_STATUS[g.lifecycleStatus] ?? 'active',
      });
      goalsOf.set(pid, list);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  const electivesOf = new Map<string, string[]>();
  for (const located of ix.all<CarePlan>('CarePlan')) {
    try {
      const { resource: plan } = located;
      if (!plan.identifier?.some((i) => i.system === ix.c.identifier('electives'))) continue;
      const pid = ix.refId('participant', 'Patient', plan.subject);
      if (pid === undefined) continue;
      const ids = (plan.activity ?? [])
        .flatMap((a) => a.detail?.instantiatesCanonical ?? [])
        .map((url) => routineByUrl.get(url))
        .filter((id): id is string => id !== undefined);
      electivesOf.set(pid, [...new Set(ids)]);
    } catch (error) {
      ix.skip(located, error);
    }
  }

  const participants: Participant[] = ix.all<Patient>('Patient').flatMap((located) => {
    const out = ix.guard(located, () => readParticipant(located));
    return out ? [out] : [];
  });
  function readParticipant({ resource: p, pointer }: Located<Patient>): Participant {
    const id = ix.idOf('participant', p);
    const episode = episodes.get(id);
    const period = episode?.period ?? memberPeriods.get(id);
    const admissionDate = dateOf(period?.start) ?? firstSeen.get(id) ?? fallbackDate;
    const out: Participant = {
      id,
      ...names(p.name),
      admissionDate,
      groupIds: groupsOf.get(id) ?? [],
      electiveRoutineIds: electivesOf.get(id) ?? [],
      goals: goalsOf.get(id) ?? [],
    };
    const discharge = dateOf(period?.end);
    if (discharge !== undefined && discharge >= admissionDate) out.dischargeDate = discharge;
    const pronouns = findExt(p, ix.c.extension('pronouns'))?.valueString;
    if (pronouns) out.pronouns = pronouns;
    const anticipated = dateOf(
      findExt(episode, ix.c.extension('anticipated-discharge'))?.valueDate,
    );
    if (anticipated !== undefined && anticipated >= admissionDate)
      out.anticipatedDischargeDate = anticipated;
    const level = episode?.type?.[0]?.text;
    if (level) out.levelOfCare = level;
    const therapist = ix.refId('staff', 'Practitioner', episode?.careManager);
    if (therapist !== undefined) out.primaryTherapistId = therapist;
    ix.origins.set(out, pointer);
    return out;
  }

  const membership = new Map<string, { role?: string; start?: string; end?: string }>();
  for (const located of ix.all<CareTeam>('CareTeam')) {
    try {
      const { resource: team } = located;
      for (const m of team.participant ?? []) {
        const sid = ix.refId('staff', 'Practitioner', m.member);
        if (sid === undefined || membership.has(sid)) continue;
        const role = m.role
          ?.flatMap((r) => r.coding ?? [])
          .find((c) => c.system === ix.c.codeSystem('staff-role'))?.code;
        membership.set(sid, {
          ...(role ? { role } : {}),
          ...(m.period?.start ? { start: m.period.start } : {}),
          ...(m.period?.end ? { end: m.period.end } : {}),
        });
      }
    } catch (error) {
      ix.skip(located, error);
    }
  }
  const staff: Staff[] = ix.all<Practitioner>('Practitioner').flatMap((located) => {
    const out = ix.guard(located, () => readStaff(located));
    return out ? [out] : [];
  });
  function readStaff({ resource: p, pointer }: Located<Practitioner>): Staff {
    const id = ix.idOf('staff', p);
    const m = membership.get(id);
    const startDate = dateOf(m?.start) ?? firstSeen.get(`staff:${id}`) ?? fallbackDate;
    const out: Staff = {
      id,
      ...names(p.name),
      role: oneOf(STAFF_ROLES, m?.role) ?? 'other',
      startDate,
    };
    const end = dateOf(m?.end);
    if (end !== undefined && end >= startDate) out.endDate = end;
    const pronouns = findExt(p, ix.c.extension('pronouns'))?.valueString;
    if (pronouns) out.pronouns = pronouns;
    ix.origins.set(out, pointer);
    return out;
  }
  return { participants, staff };
}
