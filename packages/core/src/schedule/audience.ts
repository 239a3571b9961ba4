/**
 * Audience resolution: who a routine's occurrence on a civil date is for.
 *
 * For a date D: participants whose stay covers D (`admissionDate <= D <= dischargeDate`, open
 * while there is no `dischargeDate`); `everyone` = all of them, `groups` = those in a listed
 * group, `participants` = the listed ones; for elective routines only those who chose the routine
 * (`electiveRoutineIds`); then the roster changes with `effective <= D`, in date order (an `add`
 * also counts only while the participant's stay covers D). Ids unknown to the document are
 * dropped (the model's reference checks report them). Output follows document order.
 *
 * The audience only changes at a few change points (admissions, discharges, roster dates), so
 * it is computed once per segment between change points and reused.
 *
 * @module
 */
import type { MilieuDocument, Participant, Routine } from '../model/index.js';
import { localDateToDayNumber } from '../time/civil.js';

interface Stay {
  index: number;
  id: string;
  from: number;
  to: number;
}

/** Day-number stays of a document's participants, computed once per expansion. @internal */
export class StayIndex {
  readonly byId = new Map<string, Stay>();
  readonly list: Stay[] = [];
  readonly participants: readonly Participant[];

  constructor(doc: MilieuDocument) {
    this.participants = doc.people.participants;
    this.participants.forEach((p, index) => {
      const from = localDateToDayNumber(p.admissionDate);
      const discharge = p.dischargeDate === undefined ? NaN : localDateToDayNumber(p.dischargeDate);
      const stay = {
        index,
        id: p.id,
        from: Number.isNaN(from) ? -Infinity : from,
        to: Number.isNaN(discharge) ? Infinity : discharge,
      };
      this.byId.set(p.id, stay);
      this.list.push(stay);
    });
  }
}

interface RosterStep {
  stay: Stay;
  add: boolean;
  effective: number;
}

/** Resolves a routine's audience per civil date, caching per segment. @internal */
export class RoutineAudience {
  private readonly base: Stay[];
  private readonly roster: RosterStep[];
  private readonly points: number[];
  private segLo = Infinity;
  private segHi = -Infinity;
  private cached: string[] = [];

  constructor(routine: Routine, stays: StayIndex) {
    const aud = routine.audience;
    let base: Stay[];
    if (aud.type === 'everyone') base = stays.list;
    else if (aud.type === 'participants') {
      const ids = new Set(aud.participantIds);
      base = stays.list.filter((s) => ids.has(s.id));
    } else {
      const groups = new Set(aud.groupIds);
      base = stays.list.filter((s) =>
        stays.participants[s.index]?.groupIds.some((g) => groups.has(g)),
      );
    }
    if (routine.attendance === 'elective') {
      base = base.filter((s) =>
        stays.participants[s.index]?.electiveRoutineIds.includes(routine.id),
      );
    }
    this.base = base;
    this.roster = [];
    for (const change of routine.roster) {
      const stay = stays.byId.get(change.participantId);
      const effective = localDateToDayNumber(change.effective);
      if (stay && !Number.isNaN(effective))
        this.roster.push({ stay, add: change.action === 'add', effective });
    }
    this.roster.sort((a, b) => a.effective - b.effective);
    const points = new Set<number>();
    for (const s of [...base, ...this.roster.map((r) => r.stay)]) {
      if (Number.isFinite(s.from)) points.add(s.from);
      if (Number.isFinite(s.to)) points.add(s.to + 1);
    }
    for (const r of this.roster) points.add(r.effective);
    this.points = [...points].sort((a, b) => a - b);
  }

  /** Participant ids for local day `d` (a shared array: copy before handing it out). */
  at(d: number): readonly string[] {
    if (d >= this.segLo && d < this.segHi) return this.cached;
    // Segment containing d: [points[i-1], points[i]) with i = first point > d.
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.points[mid] as number) <= d) lo = mid + 1;
      else hi = mid;
    }
    this.segLo = lo === 0 ? -Infinity : (this.points[lo - 1] as number);
    this.segHi = lo === this.points.length ? Infinity : (this.points[lo] as number);
    this.cached = this.compute(d);
    return this.cached;
  }

  private compute(d: number): string[] {
    const members = new Set<Stay>();
    for (const s of this.base) if (s.from <= d && d <= s.to) members.add(s);
    for (const r of this.roster) {
      if (r.effective > d) break;
      if (r.add) {
        if (r.stay.from <= d && d <= r.stay.to) members.add(r.stay);
      } else members.delete(r.stay);
    }
    return [...members].sort((a, b) => a.index - b.index).map((s) => s.id);
  }
}
