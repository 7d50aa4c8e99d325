/**
 * Turning what a source says ("A from Mon 13 to Fri 17 Feb", "week of 13-Feb-2012: A") into one
 * person per duty week, with a stated rule when two entries claim the same week.
 */
import { addDays, dayNumber, isWeekend, mondayOf, type IsoDate } from '../time';
import { normalizeName } from './identity-match';
import type { RotationWeek } from './types';

export interface DutySpan {
  person: string;
  email?: string;
  start: IsoDate;
  /** Exclusive, like an all-day DTEND. */
  end: IsoDate;
  /** Higher wins a tie (a one-off event beats a recurring one). */
  priority: number;
  /** Position in the source; the later one wins a remaining tie. */
  order: number;
}

/** A date that starts a duty week → that week's Monday; Saturday or Sunday means the coming Monday. */
export function weekKeyForStart(date: IsoDate): IsoDate {
  return isWeekend(date) ? mondayOf(addDays(date, 2)) : mondayOf(date);
}

/** A row that names a week: Monday–Friday of that week. */
export function weekSpan(date: IsoDate, person: string, order: number, email?: string): DutySpan {
  const monday = weekKeyForStart(date);
  return { person, ...(email ? { email } : {}), start: monday, end: addDays(monday, 5), priority: 0, order };
}

const MAX_SPAN_DAYS = 366;

interface Claim {
  span: DutySpan;
  days: number;
}

/**
 * Each week goes to whoever covers most of its weekdays; then the higher priority, then the later
 * entry. Every conflict is reported in words.
 */
export function spansToWeeks(spans: readonly DutySpan[], warnings: string[]): RotationWeek[] {
  const byWeek = new Map<IsoDate, Map<string, Claim>>();
  for (const span of spans) {
    let length = dayNumber(span.end) - dayNumber(span.start);
    if (!(length > 0)) length = 1;
    if (length > MAX_SPAN_DAYS) {
      warnings.push(`An entry for ${span.person} from ${span.start} spans ${length} days; only its first year is used.`);
      length = MAX_SPAN_DAYS;
    }
    for (let i = 0; i < length; i++) {
      const day = addDays(span.start, i);
      if (isWeekend(day)) continue;
      const week = mondayOf(day);
      let claims = byWeek.get(week);
      if (!claims) byWeek.set(week, (claims = new Map()));
      const key = normalizeName(span.person) || span.person;
      const claim = claims.get(key);
      if (!claim) claims.set(key, { span, days: 1 });
      else {
        claim.days += 1;
        if (better(span, claim.span)) claim.span = span;
      }
    }
  }
  const weeks: RotationWeek[] = [];
  for (const [week, claims] of [...byWeek].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ranked = [...claims.values()].sort(
      (a, b) => b.days - a.days || b.span.priority - a.span.priority || b.span.order - a.span.order,
    );
    const winner = ranked[0].span;
    if (ranked.length > 1) {
      warnings.push(
        `Week of ${week}: ${ranked.map((c) => c.span.person).join(' and ')} are both listed; using ${winner.person}.`,
      );
    }
    weeks.push({ week, person: winner.person, ...(winner.email ? { email: winner.email } : {}) });
  }
  return weeks;
}

function better(a: DutySpan, b: DutySpan): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.order > b.order);
}
