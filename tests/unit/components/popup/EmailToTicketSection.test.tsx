// @vitest-environment happy-dom
/**
 * Popup section "E-mail to ticket": collapsed and silent on the first frame (no message sent), the
 * process's three criteria, the pasted text kept in storage as it is typed and offered again (section
 * open) when the popup reopens, "Open a GOC ticket" asks the background and shows its answer; an
 * empty box or a refusal is a message, and the text stays.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EmailToTicketSection } from '../../../../components/popup/sections/EmailToTicketSection';
import { getItem, setItem, STORED } from '../../../../utils/storage-items';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/messages', () => ({ sendMessage, onMessage: vi.fn() }));

const EMAIL = 'From: Jane Smith <jane@example.edu>\nSubject: Jobs held\n\nHi, our jobs are held.';
const q = <T extends Element>(sel: string) => document.querySelector(sel) as T;
const type = (text: string) => fireEvent.input(q<HTMLTextAreaElement>('[data-gta="email-to-ticket-text"]'), { target: { value: text } });

/**
 * Call before render: resolves (with what was read) once the section's read of the kept text has
 * answered and what it chained on that answer has run.
 */
function keptTextRead(): () => Promise<unknown> {
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const asksKept = (keys: unknown) => JSON.stringify(keys ?? null).includes(STORED.emailTicketPasted.key);
  return async () => {
    await waitFor(() => expect(get.mock.calls.some(([keys]) => asksKept(keys))).toBe(true));
    const read = await get.mock.results[get.mock.calls.findIndex(([keys]) => asksKept(keys))].value;
    // What follows the answer is a chain of promise callbacks and a render: one task later, done.
    await new Promise((r) => setTimeout(r, 0));
    return read;
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockReset();
});
afterEach(cleanup);

describe('popup: E-mail to ticket', () => {
  it('first frame: collapsed, the three criteria, no message to the background', async () => {
    const mountReadDone = keptTextRead();
    render(<EmailToTicketSection />);
    const section = q('[data-gta="email-to-ticket"]');
    expect(section.getAttribute('data-gta-state')).toBe('closed');
    expect(q<HTMLDetailsElement>('[data-gta="email-to-ticket"] details').open).toBe(false);
    const criteria = Array.from(document.querySelectorAll('[data-gta-part="criteria"] li')).map((li) => li.textContent);
    expect(criteria).toHaveLength(3);
    expect(criteria.join(' ')).toMatch(/in time.*lose track.*need help/);
    expect(criteria[2]).toMatch(/benefit/);
    // The mount's asynchronous work (reading a kept text) has finished, and sent nothing.
    await mountReadDone();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('keeps what is typed and offers it again, open, when the popup reopens', async () => {
    render(<EmailToTicketSection />);
    type(EMAIL);
    await waitFor(async () => expect((await getItem(browser.storage, STORED.emailTicketPasted))?.text).toBe(EMAIL));
    cleanup();
    render(<EmailToTicketSection />);
    await waitFor(() => expect(q('[data-gta="email-to-ticket"]').getAttribute('data-gta-state')).toBe('open'));
    expect(q<HTMLTextAreaElement>('[data-gta="email-to-ticket-text"]').value).toBe(EMAIL);
  });

  it('a text kept more than a day ago is not offered', async () => {
    await setItem(browser.storage, STORED.emailTicketPasted, { text: EMAIL, savedAt: Date.now() - 25 * 3_600_000 });
    const mountReadDone = keptTextRead();
    render(<EmailToTicketSection />);
    expect(await mountReadDone()).toMatchObject({ [STORED.emailTicketPasted.key]: { text: EMAIL } });
    expect(q<HTMLTextAreaElement>('[data-gta="email-to-ticket-text"]').value).toBe('');
    expect(q('[data-gta="email-to-ticket"]').getAttribute('data-gta-state')).toBe('closed');
  });

  it('an empty box: a message, nothing sent', async () => {
    render(<EmailToTicketSection />);
    fireEvent.click(q('[data-gta="email-to-ticket-open"]'));
    await waitFor(() => expect(q('[data-gta="email-to-ticket-message"]')?.getAttribute('data-gta-state')).toBe('error'));
    expect(q('[data-gta="email-to-ticket-message"]').textContent).toMatch(/Paste an e-mail/);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('opens through the background; on success the box is emptied and the answer shown', async () => {
    sendMessage.mockResolvedValue({ opened: true, url: 'https://ticket.opensciencegrid.org/submit', problems: ['No date found.'] });
    render(<EmailToTicketSection />);
    type(EMAIL);
    fireEvent.click(q('[data-gta="email-to-ticket-open"]'));
    await waitFor(() => expect(q('[data-gta="email-to-ticket-message"]')?.getAttribute('data-gta-state')).toBe('ok'));
    expect(sendMessage).toHaveBeenCalledWith('openTicketFromEmail', { text: EMAIL });
    expect(q('[data-gta="email-to-ticket-message"]').textContent).toContain('No date found.');
    expect(q<HTMLTextAreaElement>('[data-gta="email-to-ticket-text"]').value).toBe('');
    await waitFor(async () => expect(await getItem(browser.storage, STORED.emailTicketPasted)).toBeNull());
  });

  it('a refusal or a silent background: the reason is shown and the text stays', async () => {
    sendMessage.mockResolvedValueOnce({ opened: false, problems: [], error: 'Nothing in this text reads as an e-mail.' });
    render(<EmailToTicketSection />);
    type('???');
    fireEvent.click(q('[data-gta="email-to-ticket-open"]'));
    await waitFor(() => expect(q('[data-gta="email-to-ticket-message"]')?.textContent).toContain('Nothing in this text reads as an e-mail.'));
    expect(q('[data-gta="email-to-ticket-message"]').getAttribute('role')).toBe('alert');
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    fireEvent.click(q('[data-gta="email-to-ticket-open"]'));
    await waitFor(() => expect(q('[data-gta="email-to-ticket-message"]')?.textContent).toMatch(/did not answer.*kept/));
    expect(q<HTMLTextAreaElement>('[data-gta="email-to-ticket-text"]').value).toBe('???');
  });
});
