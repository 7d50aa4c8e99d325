/** Date formats the GOC pages use. All times are UTC (the 2015+ site printed UTC). */

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n, w = 2) => String(n).padStart(w, '0');

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** `YYYY-MM-DD` */
export function ymd(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `<time datetime>`: `YYYY-MM-DDTHH:MM:SS+00:00` */
export function isoDatetime(ms) {
  const d = new Date(ms);
  return `${ymd(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

/** PHP `M j, Y h:i A e`, e.g. `Aug 15, 2012 03:03 PM UTC` */
export function headerTime(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${pad(h12)}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'} UTC`;
}

/** PHP `D, j M Y G:i:s` + ` GMT` — no leading zeros on day or hour (docs/goc-pages.md §14). */
export function rssDate(ms) {
  const d = new Date(ms);
  return `${DOW[d.getUTCDay()]}, ${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
}

/** A mail client's quote header date, e.g. `Tue, Nov 10, 2026 at 3:15 PM` */
export function mailDate(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${DOW[d.getUTCDay()]}, ${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at ${h12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** GOC-TX trailer date, e.g. `2026-11-10 15:15 UTC` */
export function txDate(ms) {
  const d = new Date(ms);
  return `${ymd(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function unix(ms) {
  return Math.floor(ms / 1000);
}

/** Monday 00:00 UTC of the week holding `ms` (dates here are calendar dates, zone-free). */
export function mondayOf(ms) {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

/** True on Saturday and Sunday (`ms` is a calendar date as UTC midnight, like mondayOf's). */
export function isWeekendDay(ms) {
  const dow = new Date(ms).getUTCDay();
  return dow === 0 || dow === 6;
}

/** The calendar date in `timeZone` at the instant `ms`, as UTC midnight ms (Intl applies the zone's DST rules). */
export function dayInZone(ms, timeZone) {
  const s = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
  return parseYmd(s);
}

export function parseYmd(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return ymd(ms) === s ? ms : null;
}

/** TWiki date styles: `13-Feb-2012`, `2012-02-13`, `13 Feb 2012`. */
export function twikiDate(ms, style) {
  const d = new Date(ms);
  if (style === 1) return ymd(ms);
  if (style === 2) return `${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${pad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}

/** iCal DATE value `YYYYMMDD`. */
export function icalDate(ms) {
  return ymd(ms).replace(/-/g, '');
}

export function icalStamp(ms) {
  return isoDatetime(ms).slice(0, 19).replace(/[-:]/g, '') + 'Z';
}
