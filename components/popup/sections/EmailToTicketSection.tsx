/**
 * Popup section "E-mail to ticket" (issue 9): the support process's criteria for moving a direct
 * e-mail to a ticket, a box for the pasted e-mail and "Open a GOC ticket". The background reads the
 * e-mail, keeps the draft and opens the GOC new-ticket form (services/email-to-ticket.ts), so the
 * popup carries no parser. Collapsed by default (the first frame stays small); open by itself when a
 * pasted text is waiting. What the user pasted is kept in storage.local (`emailTicket.pasted`) as
 * they type, so closing the popup loses nothing; the background drops it once the form is opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EmailTicketResult } from '../../../utils/messages/email';
import { getItem, removeItem, setItem, STORED } from '../../../utils/storage-items';
import './email.css';

const messages = () => import('../../../utils/messages');

/** A pasted text older than this is not offered again (the drafts live a day too). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Longer pastes are sent whole, but only this much is kept for a reopened popup. */
export const KEEP_CHARS = 1_000_000;

type Message = { state: 'error' | 'ok' | 'busy'; text: string; problems?: string[] };

export function EmailToTicketSection() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const writing = useRef<{ busy: boolean; next: string | null; stopped: boolean }>({ busy: false, next: null, stopped: false });

  useEffect(() => {
    // After the first frame: a text pasted before the popup last closed.
    void getItem(browser.storage, STORED.emailTicketPasted)
      .then((kept) => {
        if (!kept || Date.now() - kept.savedAt > KEEP_MS) return;
        setText((current) => current || kept.text);
        if (kept.text.trim()) setOpen(true);
      })
      .catch(() => undefined);
  }, []);

  /** One write in flight at a time; the latest text wins. */
  const keep = (value: string) => {
    const w = writing.current;
    w.next = value;
    w.stopped = false;
    if (w.busy) return;
    const step = async () => {
      w.busy = true;
      while (w.next !== null && !w.stopped) {
        const v = w.next;
        w.next = null;
        await (v.trim()
          ? setItem(browser.storage, STORED.emailTicketPasted, { text: v.slice(0, KEEP_CHARS), savedAt: Date.now() })
          : removeItem(browser.storage, STORED.emailTicketPasted)
        ).catch(() => setMessage({ state: 'error', text: 'Could not keep a copy of this text: keep the popup open until the ticket is opened.' }));
      }
      w.busy = false;
    };
    void step();
  };

  const submit = async () => {
    if (!text.trim()) {
      setMessage({ state: 'error', text: 'Paste an e-mail first (with its From: and Subject: lines if you have them).' });
      return;
    }
    setMessage({ state: 'busy', text: 'Opening the new-ticket form…' });
    let result: EmailTicketResult;
    try {
      result = await (await messages()).sendMessage('openTicketFromEmail', { text });
    } catch (error) {
      setMessage({ state: 'error', text: `The extension's background did not answer (${String(error)}). Your text is kept.` });
      return;
    }
    if (!result.opened) {
      setMessage({ state: 'error', text: result.error ?? 'The form was not opened.', problems: result.problems });
      return;
    }
    // The background dropped the kept copy; no late write of ours may bring it back.
    writing.current.stopped = true;
    writing.current.next = null;
    setText('');
    void removeItem(browser.storage, STORED.emailTicketPasted).catch(() => undefined);
    setMessage({
      state: 'ok',
      text: 'The new-ticket form is open in a new tab: review it and press Submit there.',
      problems: result.problems,
    });
  };

  return (
    <section data-gta="email-to-ticket" class="gta-email" data-gta-state={open ? 'open' : 'closed'}>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2>E-mail to ticket</h2>
        </summary>
        <p class="gta-muted">Someone e-mailed you directly? The support process says:</p>
        <ol class="gta-email-criteria" data-gta-part="criteria">
          <li>Easy, and surely yours to do: leave it in e-mail.</li>
          <li>You might not handle it in time, might lose track of it, or might need help: make it a ticket.</li>
          <li>An unusual topic others would benefit from seeing: make it a ticket.</li>
        </ol>
        <label for="gta-email-text" class="gta-email-label">
          Paste the e-mail (headers From:, Subject:, Date: help)
        </label>
        <textarea
          id="gta-email-text"
          data-gta="email-to-ticket-text"
          rows={6}
          spellcheck={false}
          value={text}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLTextAreaElement).value;
            setText(value);
            keep(value);
            if (message?.state === 'error') setMessage(null);
          }}
        />
        {text.length > KEEP_CHARS && (
          <p class="gta-muted" data-gta-part="long">
            A very long text: it is sent whole, but only its first {KEEP_CHARS.toLocaleString('en-US')} characters are kept if the popup closes.
          </p>
        )}
        <button
          type="button"
          class="gta-btn gta-primary"
          data-gta="email-to-ticket-open"
          disabled={message?.state === 'busy'}
          onClick={() => void submit()}
        >
          Open a GOC ticket
        </button>
        <p class="gta-muted">It fills the GOC new-ticket form for you to review; nothing is sent until you press Submit there.</p>
        {message && (
          <div
            data-gta="email-to-ticket-message"
            data-gta-state={message.state}
            class={message.state === 'error' ? 'gta-error' : 'gta-muted'}
            role={message.state === 'error' ? 'alert' : 'status'}
          >
            <p>{message.text}</p>
            {message.problems && message.problems.length > 0 && (
              <ul>
                {message.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </details>
    </section>
  );
}
