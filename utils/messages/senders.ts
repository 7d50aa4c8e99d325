/**
 * Who may send which message to the background (issue 10). Pure: the caller passes the sender and
 * the extension's own id and base URL (`runtime.id`, `runtime.getURL('/')`).
 *
 * - 'extension-page': our popup or options page (also opened in a tab), and the background itself.
 * - 'content-script': our scripts on GOC pages; they may open the options page and read caches only.
 * - 'foreign': anything else (another extension, our page framed inside a web page, no sender).
 */
import type { ProtocolMap } from './index';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';
export type MessageType = keyof ProtocolMap;

/** The parts of `runtime.MessageSender` the rules look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

export interface ExtensionSelf {
  id: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  baseUrl: string;
}

export function classifySender(sender: SenderLike | undefined, self: ExtensionSelf): SenderKind {
  if (!sender || !self.id || sender.id !== self.id) return 'foreign';
  const url = typeof sender.url === 'string' ? sender.url : '';
  const ours = self.baseUrl !== '' && url.startsWith(self.baseUrl);
  // Our page as the top frame of a tab, or in no tab at all (popup, background). Our page inside a
  // frame of some web page could be driven by that page: not trusted.
  if (ours) return !sender.tab || sender.frameId === 0 ? 'extension-page' : 'foreign';
  return sender.tab ? 'content-script' : 'foreign';
}

const PAGES: readonly SenderKind[] = ['extension-page'];
const PAGES_AND_SCRIPTS: readonly SenderKind[] = ['extension-page', 'content-script'];
const SCRIPTS: readonly SenderKind[] = ['content-script'];

/**
 * Every message and who may send it. Checks, syncs, exports and anything that writes: extension
 * pages only. Content scripts: what they need (open the options page, read the published caches).
 */
export const MESSAGE_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  openOptions: PAGES_AND_SCRIPTS,
  // Into the sender's own frame only (a page has no frame to inject into).
  injectAfterLoadScripts: SCRIPTS,
  getDuty: PAGES_AND_SCRIPTS,
  getQueueState: PAGES_AND_SCRIPTS,
  getRotationStatus: PAGES_AND_SCRIPTS,
  getRotationWeeks: PAGES,
  getQueueReport: PAGES,
  checkQueueNow: PAGES,
  syncRotationNow: PAGES,
  exportIcs: PAGES,
  syncTeamFileNow: PAGES,
  // The popup only: it opens a tab and writes a draft.
  openTicketFromEmail: PAGES,
  // Background → ticket tab only.
  insertSignature: PAGES,
};

export function mayAsk(type: string, kind: SenderKind): boolean {
  // Own keys only: a message named like an Object.prototype member is not in the table.
  if (!Object.prototype.hasOwnProperty.call(MESSAGE_SENDERS, type)) return false;
  return MESSAGE_SENDERS[type as MessageType].includes(kind);
}

/** The error the refused caller sees (its sendMessage rejects with it). */
export function refusal(type: string, kind: SenderKind): string {
  const who = kind === 'content-script' ? 'a content script' : kind === 'extension-page' ? 'this page' : 'this sender';
  return `GOC Ticket Assistant: "${type}" is not allowed from ${who}`;
}
