/**
 * JIRA links (issue 3): keys like SOFTWARE-1234 in update bodies become links to
 * `<jira.baseUrl>/browse/KEY`, made by splitting the text node in place (page HTML is never
 * re-parsed), and a "New JIRA issue" link (`data-gta="jira-new"`) opens the tracker's create page
 * with the ticket's title and link prefilled. Only when `jira.baseUrl` is set.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Feature, FeatureEnv } from '../types';
import { createIssueUrl, findJiraKeys, issueUrl } from '../../utils/jira';
import { parseTicket } from '../../utils/goc/ticket';
import { createElement } from '../shared/dom';
import '../shared/styles/ticket.css';
import { SELECTORS } from '../../utils/goc/selectors';

const SKIP = new Set(['A', 'BUTTON', 'SCRIPT', 'STYLE', 'TEXTAREA', 'SELECT', 'OPTION']);

function textNodesIn(root: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('data-gta')) continue;
        walk(el);
      }
    }
  };
  walk(root);
  return out;
}

/** Wraps every JIRA key in the update bodies; returns how many links were made. Idempotent. */
export function linkJiraKeys(doc: Document, baseUrl: string, projectKeys: readonly string[]): number {
  let made = 0;
  for (const pre of Array.from(doc.querySelectorAll('#updates > .update_description > pre'))) {
    for (const node of textNodesIn(pre)) {
      const text = node.nodeValue ?? '';
      const matches = findJiraKeys(text, projectKeys);
      // Right to left, so earlier offsets stay valid while splitting.
      for (const m of [...matches].reverse()) {
        const href = issueUrl(baseUrl, m.key);
        if (!href) continue;
        const keyNode = node.splitText(m.start);
        keyNode.splitText(m.end - m.start);
        const link = createElement(doc, 'a', {
          'data-gta': 'jira-link',
          class: 'gta-jira-link',
          href,
          target: '_blank',
          rel: 'noopener noreferrer',
          title: `Open ${m.key} in JIRA`,
        });
        keyNode.replaceWith(link);
        link.append(keyNode);
        made += 1;
      }
    }
  }
  return made;
}

export function unlinkJiraKeys(doc: Document): void {
  doc.querySelectorAll('a[data-gta="jira-link"]').forEach((a) => {
    const parent = a.parentNode;
    a.replaceWith(...Array.from(a.childNodes));
    parent?.normalize();
  });
}

export function mountJiraNew(env: Pick<FeatureEnv, 'document' | 'settings' | 'page'>): HTMLElement | null {
  const doc = env.document;
  doc.querySelector('[data-gta="jira-new"]')?.remove();
  const jira = env.settings.jira;
  const ticket = parseTicket(doc);
  const ticketUrl =
    ticket.id === null ? env.page.url.href : `${env.page.url.origin}${env.page.base}/${ticket.id}`;
  const href = createIssueUrl(jira?.baseUrl ?? '', {
    ticketId: ticket.id,
    title: ticket.title,
    ticketUrl,
    projectId: jira?.projectId,
    projectKey: jira?.projectKey,
  });
  if (!href) return null;
  const link = createElement(
    doc,
    'a',
    { 'data-gta': 'jira-new', class: 'btn btn-small gta-jira-new', href, target: '_blank', rel: 'noopener noreferrer' },
    'New JIRA issue',
  );
  link.title = 'Open the JIRA create page with this ticket\u2019s title and link filled in';
  const group = doc.querySelector('#updates .btn-toolbar .btn-group');
  if (group) group.append(link);
  else {
    const updates = doc.querySelector(SELECTORS.updates);
    if (!updates?.parentNode) return null;
    updates.parentNode.insertBefore(link, updates);
  }
  return link;
}

function teardown(ctx: ContentScriptContext, doc: Document) {
  ctx.onInvalidated(() => {
    unlinkJiraKeys(doc);
    doc.querySelector('[data-gta="jira-new"]')?.remove();
  });
}

export const jiraLinks: Feature = {
  id: 'jira-links',
  pages: ['ticket'],
  init(env) {
    const baseUrl = env.settings.jira?.baseUrl ?? '';
    if (!baseUrl) return;
    const key = env.settings.jira?.projectKey ?? '';
    linkJiraKeys(env.document, baseUrl, key ? [key] : []);
    mountJiraNew(env);
    teardown(env.ctx, env.document);
  },
};
