/** The panel's status line after Apply and Undo, in words (read out through aria-live). */
import { joinNames } from '../../utils/triage/note';
import type { ApplyOutcome } from './apply';

export function describeApply(
  outcome: ApplyOutcome,
  asked: { nextAction: string | null; nad: string | null; softwareLeft: boolean; signed: boolean },
): string {
  const parts: string[] = [];
  const done = outcome.owners.filter((o) => o.state === 'ticked' || o.state === 'added');
  const already = outcome.owners.filter((o) => o.state === 'already');
  const missing = outcome.owners.filter((o) => o.state === 'missing');
  if (done.length) parts.push(`Assigned ${joinNames(done.map((o) => (o.team ? `${o.name} (${o.team})` : o.name)))}.`);
  if (already.length) parts.push(`${joinNames(already.map((o) => o.name))} ${already.length > 1 ? 'were' : 'was'} already assigned.`);
  if (missing.length) {
    const names = joinNames(missing.map((o) => o.name));
    parts.push(`${names} ${missing.length > 1 ? 'are' : 'is'} not in this ticket's assignee lists: nothing was assigned for them; assign them by hand.`);
  }
  if (asked.nextAction !== null) parts.push(outcome.nextAction ? `Next Action: ${asked.nextAction}.` : 'Next Action unchanged.');
  if (asked.nad !== null) parts.push(outcome.nad ? `Deadline: ${asked.nad}.` : 'Deadline unchanged.');
  if (outcome.note === 'inserted' || outcome.note === 'replaced') parts.push(asked.signed ? 'Signed note added to the New Update.' : 'Note added to the New Update (set your name in the options to sign it).');
  if (outcome.note === 'already') parts.push('The note is already in the New Update.');
  if (outcome.note === 'no-box') parts.push('No New Update box for the note.');
  if (!asked.softwareLeft) parts.push('No Software user is assigned any more: the ticket would leave the Software queue.');
  const changed = done.length > 0 || outcome.nextAction || outcome.nad || outcome.note === 'inserted' || outcome.note === 'replaced';
  parts.push(changed ? 'Press Update to save.' : 'Nothing changed.');
  return parts.join(' ');
}

export function describeUndo(r: { fields: number; owners: number; note: boolean }): string {
  const what: string[] = [];
  if (r.owners) what.push(`${r.owners} assignment${r.owners > 1 ? 's' : ''}`);
  if (r.fields) what.push(`${r.fields} field${r.fields > 1 ? 's' : ''}`);
  if (r.note) what.push('the note');
  return what.length ? `Undone: ${joinNames(what)} restored as they were.` : 'Nothing to undo.';
}
