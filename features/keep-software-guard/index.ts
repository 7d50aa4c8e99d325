/**
 * Keep-Software guard (issue 8). The process says: when you assign a ticket, leave the Software user
 * assigned. Saving the editor replaces the assignee list wholesale (docs/goc-pages.md §7.1), so when
 * a Software pseudo-user (`queue.softwareAssignees`) that was assigned when the page loaded is no
 * longer assigned at submit, the shared submit hold asks (`data-gta="keep-software-guard"`):
 * "keep" re-assigns it in the teams it was in, then the page's own submit goes on; "remove" goes on
 * without it; "edit" returns to the form. One prompt with the unsigned-update question when both
 * apply. Off with settings `features.keepSoftwareGuard = false`.
 */
import type { Feature, FeatureEnv } from '../types';
import { describeAssignees, droppedSoftwareAssignees, softwareAssigneeMatcher, type AssigneeRef } from '../../utils/keep-software';
import { assignedFpIds, assignedSoftware, readTeams, setAssigned } from '../shared/assignees';
import { createElement, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/update.css';
import { holdSubmit } from '../shared/submit-hold';
import { findUpdateBox } from '../shared/update-box';

interface LoadedRef extends AssigneeRef {
  /** `team_N` it was assigned in (one person may be in several teams). */
  team: string;
}

export function installKeepSoftwareGuard(env: Pick<FeatureEnv, 'document' | 'settings' | 'ctx'>): boolean {
  const doc = env.document;
  const software = env.settings.queue?.softwareAssignees ?? [];
  // "At page load": this runs at DOM ready (phase 'ready'), where the assignee lists are the
  // server's; a submit made before that waits for the guards (features/shared/submit-hold).
  const atLoad: LoadedRef[] = assignedSoftware(readTeams(doc), softwareAssigneeMatcher(software)).map((m) => ({ fpid: m.fpid, name: m.name, team: m.key }));
  if (atLoad.length === 0) return false; // not a Software ticket, or no assignee lists (read-only form)

  const dropped = (): AssigneeRef[] => {
    const now = [...assignedFpIds(doc)].map((fpid) => ({ fpid, name: '' }));
    return droppedSoftwareAssignees(atLoad, now, software);
  };

  const keep = (refs: readonly AssigneeRef[]) => {
    const ids = new Set(refs.map((r) => r.fpid));
    for (const ref of atLoad) if (ids.has(ref.fpid)) setAssigned(doc, ref.team, ref.fpid, true);
  };

  // "Edit" leaves the user at the box they unticked (names hold brackets: compared, never a selector).
  const focusAssignees = (refs: readonly AssigneeRef[]) => {
    const ref = atLoad.find((r) => r.fpid === refs[0]?.fpid);
    const list = ref ? doc.getElementById(`${ref.team}__list`) : null;
    const box = Array.from(list?.querySelectorAll<HTMLInputElement>('input') ?? []).find((i) => i.name === `${ref?.team}[${ref?.fpid}]` && i.type === 'checkbox');
    (box ?? list?.querySelector<HTMLElement>('input.autocomplete') ?? findUpdateBox(doc))?.focus();
  };

  const installed = holdSubmit(env, {
    id: 'keep-software-guard',
    ask() {
      if (env.settings.features?.keepSoftwareGuard === false) return null;
      const gone = dropped();
      if (gone.length === 0) return null;
      const who = describeAssignees(gone);
      const element = createElement(doc, 'div', {
        'data-gta': 'keep-software-guard',
        class: 'gta-keep-software-guard',
        role: 'alertdialog',
        'aria-label': 'Software user removed',
        'data-gta-dropped': gone.map((r) => r.fpid).join(' '),
      });
      element.append(
        createElement(
          doc,
          'p',
          {},
          `This update removes ${who} from the assignees: the ticket leaves the Software queue. The process says to leave the Software user assigned.`,
        ),
      );
      return {
        element,
        choices: [
          { choice: 'keep', label: 'Keep it assigned', className: 'btn btn-primary btn-small', answer: 'go', apply: () => keep(gone) },
          { choice: 'remove', label: 'Remove it', className: 'btn btn-small', answer: 'go' },
          { choice: 'edit', label: 'Back to the form', className: 'btn btn-link btn-small', answer: 'edit' },
        ],
        onEdit: () => focusAssignees(gone),
      };
    },
  });
  removeOnInvalidated(env.ctx, doc, 'keep-software-guard');
  return installed;
}

export const keepSoftwareGuard: Feature = {
  id: 'keep-software-guard',
  pages: ['ticket'],
  phase: 'ready', // with the unsigned guard: from DOM ready, not after the page's load event
  init(env) {
    if (env.settings.features?.keepSoftwareGuard === false) return;
    installKeepSoftwareGuard(env);
  },
};
