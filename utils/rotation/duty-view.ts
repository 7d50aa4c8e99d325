/**
 * The words the banner and the popup show for a duty situation. Pure, so both surfaces say the same
 * thing and tests can check the text without a browser.
 */
import { isoWeekday, type IsoDate } from '../time';
import { displayName, isMe, type IdentityLike, type TeamMemberLike } from './identity-match';
import type { DutySummary, WeekView } from './schedule';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 13 Feb" */
export function shortDate(date: IsoDate): string {
  const [, m, d] = date.split('-').map(Number);
  return `${DAYS[isoWeekday(date) - 1]} ${d} ${MONTHS[m - 1]}`;
}

/** "Mon 13 – Fri 17 Feb", "Mon 27 Feb – Fri 3 Mar" */
export function weekRange(week: WeekView): string {
  const [, m1, d1] = week.monday.split('-').map(Number);
  const [, m2, d2] = week.friday.split('-').map(Number);
  return m1 === m2 ? `Mon ${d1} – Fri ${d2} ${MONTHS[m2 - 1]}` : `Mon ${d1} ${MONTHS[m1 - 1]} – Fri ${d2} ${MONTHS[m2 - 1]}`;
}

export interface DutyViewInput {
  summary: DutySummary;
  identity: IdentityLike;
  team: readonly TeamMemberLike[];
  /** Untriaged tickets in the software queue, when the queue check knows it. */
  untriaged?: number | null;
}

export interface DutyView {
  /** Today's duty person (roster name) or '' (weekend, holiday, nobody). */
  duty: string;
  /** Next week's person or ''. */
  next: string;
  /** The user is on duty today. */
  you: boolean;
  /** The user is on duty this week, even if today is a holiday. */
  youThisWeek: boolean;
  /** The main line. */
  headline: string;
  /** The second part: next week / Monday. */
  detail: string;
  /** "3 untriaged tickets" when known and the user is on duty. */
  untriagedText: string;
  kind: DutySummary['day']['kind'];
}

function nameOf(week: WeekView, team: readonly TeamMemberLike[]): string {
  return week.person ? displayName(week.person, team, week.email) : '';
}

export function dutyView(input: DutyViewInput): DutyView {
  const { summary, identity, team } = input;
  const thisName = nameOf(summary.thisWeek, team);
  const nextName = nameOf(summary.nextWeek, team);
  const youThisWeek = isMe(summary.thisWeek.person, identity, team, summary.thisWeek.email);
  const range = weekRange(summary.thisWeek);
  const day = summary.day;
  const duty = day.kind === 'duty' ? thisName : '';
  const you = day.kind === 'duty' && youThisWeek;
  const untriaged =
    typeof input.untriaged === 'number' && input.untriaged >= 0
      ? `${input.untriaged} untriaged ticket${input.untriaged === 1 ? '' : 's'}`
      : '';
  let headline: string;
  let detail = `Next week: ${nextName || 'nobody listed'}`;
  switch (day.kind) {
    case 'duty':
      headline = you ? `You are on triage duty this week (${range})` : `Triage duty this week (${range}): ${thisName}`;
      break;
    case 'weekend':
      headline = `No triage today; Monday: ${nextName || 'nobody listed'}`;
      detail = '';
      break;
    case 'holiday':
      headline = `Holiday: no triage today. This week (${range}): ${youThisWeek ? 'you' : thisName || 'nobody listed'}`;
      break;
    case 'gap':
      headline = `Nobody is on triage duty this week (${range})`;
      break;
  }
  return {
    duty,
    next: nextName,
    you,
    youThisWeek,
    headline,
    detail,
    untriagedText: you ? untriaged : '',
    kind: day.kind,
  };
}

/** "3 hours ago", "2 days ago" — for "last good sync". */
export function ago(then: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}
