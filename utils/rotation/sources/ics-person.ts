/**
 * Who is on duty in an iCalendar event: the person named by its summary ("Triage: Alain Roy"),
 * else its first usable attendee. In a calendar where some events mention triage duty, the others
 * are someone else's events and name nobody on duty.
 */
import { cleanPerson, mentionsDuty, personFromSummary, type PersonRef } from '../person';
import type { Component } from './ics-zones';

export function summaryText(event: Component): string {
  return String(event.getFirstPropertyValue('summary') ?? '');
}

/**
 * The duty person of an event, or null. `dedicated`: no event of the calendar mentions duty, so
 * every event is a duty event.
 */
export function dutyPersonOf(event: Component, dedicated: boolean): PersonRef | null {
  const summary = summaryText(event);
  if (!dedicated && !mentionsDuty(summary)) return null;
  return personFromSummary(summary, dedicated) ?? attendeeOf(event);
}

function attendeeOf(event: Component): PersonRef | null {
  for (const prop of event.getAllProperties('attendee')) {
    const cn = prop.getParameter('cn');
    const address = String(prop.getFirstValue() ?? '').replace(/^mailto:/i, '').trim();
    const email = /@/.test(address) ? address.toLowerCase() : undefined;
    const name = typeof cn === 'string' && cn.trim() ? cn : email;
    if (!name) continue;
    const ref = cleanPerson(name);
    if (ref) return email && !ref.email ? { ...ref, email } : ref;
  }
  return null;
}
