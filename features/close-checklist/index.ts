/**
 * Close checklist (issue 8). When the editor's status select changes to Resolved or Closed on a
 * Software ticket (assigned to a `queue.softwareAssignees` entry at load), `data-gta="close-checklist"`
 * appears under the status field with the process's questions: could other users hit this? then a
 * bug or improvement to track (the prefilled "New JIRA issue" link, when `jira.baseUrl` is set),
 * documentation to improve, a troubleshooting guide to extend (links from `triage.docLinks`).
 * Never blocking: ticking nothing is fine, and the submit is only listened to (passive, on the form,
 * after the page's own handler) to log what was ticked (stored item closeChecklist.log) for the
 * weekly report. Changing the status back hides it. Off with `features.closeChecklist = false`.
 */
import { browser } from 'wxt/browser';
import type { Feature, FeatureEnv } from '../types';
import { createIssueUrl, jiraBase } from '../../utils/jira';
import { softwareAssigneeMatcher } from '../../utils/keep-software';
import { SELECTORS } from '../../utils/goc/selectors';
import { appendCloseChecklist, CLOSE_ANSWERS, CLOSE_QUESTIONS, isClosingStatus, type CloseAnswer, type CloseChecklistEntry } from '../../utils/triage/close-checklist';
import { changedValue, getItem, setItem, STORED, type StorageLike } from '../../utils/storage-items';
import { assignedSoftware, readTeams } from '../shared/assignees';
import { createElement, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/triage.css';

/** An http(s) URL from settings, or null (never a javascript: or data: link). */
function safeUrl(url: string): string | null {
  return jiraBase(url) === null ? null : url.trim();
}

function link(doc: Document, href: string, text: string, kind: string): HTMLAnchorElement {
  return createElement(doc, 'a', { href, target: '_blank', rel: 'noopener', 'data-gta-link': kind, title: href }, text);
}

function buildPanel(env: Pick<FeatureEnv, 'document' | 'settings' | 'page'>, form: HTMLFormElement): HTMLElement {
  const doc = env.document;
  const panel = createElement(doc, 'div', {
    'data-gta': 'close-checklist',
    class: 'gta-close-checklist',
    role: 'group',
    'aria-label': 'Before closing',
  });
  panel.append(createElement(doc, 'p', {}, 'Closing this ticket? Worth a thought (nothing here is required):'));
  const item = (answer: CloseAnswer) => {
    const label = createElement(doc, 'label', { class: 'checkbox' });
    label.append(createElement(doc, 'input', { type: 'checkbox', 'data-gta-answer': answer }), ` ${CLOSE_QUESTIONS[answer]}`);
    return label;
  };
  panel.append(item('others'));
  const followups = createElement(doc, 'div', { class: 'gta-close-followups' });
  const bug = item('bug');
  const id = form.querySelector<HTMLInputElement>('input[name="id"]')?.value ?? '';
  const ticketId = /^\d+$/.test(id) ? Number(id) : null;
  const jira = env.settings.jira;
  const href = createIssueUrl(jira?.baseUrl ?? '', {
    ticketId,
    title: form.querySelector<HTMLInputElement>('input[name="title"]')?.value ?? '',
    ticketUrl: ticketId === null ? env.page.url.href : `${env.page.url.origin}${env.page.base}/${ticketId}`,
    projectId: jira?.projectId,
    projectKey: jira?.projectKey,
  });
  if (href) bug.append(link(doc, href, 'New JIRA issue', 'jira'));
  followups.append(bug, item('docs'), item('guide'));
  const docs = (env.settings.triage?.docLinks ?? []).flatMap((l) => {
    const url = safeUrl(String(l?.url ?? ''));
    return url && String(l?.name ?? '').trim() ? [link(doc, url, String(l.name).trim(), 'doc')] : [];
  });
  if (docs.length > 0) {
    const line = createElement(doc, 'p', { class: 'gta-close-links' }, 'Docs and guides:');
    line.append(...docs);
    followups.append(line);
  }
  panel.append(followups);
  return panel;
}

export function mountCloseChecklist(env: Pick<FeatureEnv, 'document' | 'settings' | 'page' | 'ctx'>, store: StorageLike = browser.storage): boolean {
  const doc = env.document;
  const form = doc.querySelector<HTMLFormElement>(SELECTORS.ticketForm);
  const status = form?.querySelector<HTMLSelectElement>('select[name="status"]');
  if (!form || !status) return false;
  const software = env.settings.queue?.softwareAssignees ?? [];
  if (assignedSoftware(readTeams(doc), softwareAssigneeMatcher(software)).length === 0) return false; // not a Software ticket
  const initial = status.value;
  let panel: HTMLElement | null = null;
  const shown = () => panel !== null && !panel.hidden && isClosingStatus(status.value) && status.value !== initial;

  const update = () => {
    const closing = isClosingStatus(status.value) && status.value !== initial;
    if (closing && !panel) {
      panel = buildPanel(env, form);
      const group = status.closest('.control-group');
      if (group?.parentNode) group.parentNode.insertBefore(panel, group.nextSibling);
      else status.insertAdjacentElement('afterend', panel);
    }
    if (panel) panel.hidden = !closing; // hidden, not removed: ticks survive a change back and forth
  };
  env.ctx.addEventListener(status, 'change', update);

  // The log, kept fresh, so the submit appends without waiting for a read (the page reloads soon after).
  let log: Promise<CloseChecklistEntry[]> = getItem(store, STORED.closeChecklistLog).catch(() => []);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = changedValue(changes, area, STORED.closeChecklistLog);
    if (changed) log = Promise.resolve(changed.value);
  };
  store.onChanged.addListener(onStorage);
  env.ctx.onInvalidated(() => store.onChanged.removeListener(onStorage));

  // Passive: on the form itself, so a submit held by a guard (stopped in the capture phase) is not
  // logged until its re-dispatch really goes to the page's handler.
  env.ctx.addEventListener(form, 'submit', (event) => {
    if (event.target !== form || !shown() || !panel) return;
    const ticket = Number(form.querySelector<HTMLInputElement>('input[name="id"]')?.value);
    if (!Number.isSafeInteger(ticket) || ticket <= 0) return;
    const answers = CLOSE_ANSWERS.filter((a) =>
      Array.from(panel!.querySelectorAll<HTMLInputElement>('input[data-gta-answer]')).some((i) => i.checked && i.getAttribute('data-gta-answer') === a),
    );
    const entry: CloseChecklistEntry = { at: Date.now(), ticket, answers };
    log = log.then((current) => {
      const next = appendCloseChecklist(current, entry);
      void setItem(store, STORED.closeChecklistLog, next).catch(() => {});
      return next;
    });
  });
  removeOnInvalidated(env.ctx, doc, 'close-checklist');
  return true;
}

export const closeChecklist: Feature = {
  id: 'close-checklist',
  pages: ['ticket'],
  init(env) {
    if (env.settings.features?.closeChecklist === false) return;
    mountCloseChecklist(env);
  },
};
