import { describe, expect, it } from 'vitest';
import { classifySender, MESSAGE_SENDERS, mayAsk, refusal } from '../../../../utils/messages/senders';

const CHROME = { id: 'abcdefghijklmnopabcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const FIREFOX = { id: 'goc-ticket-assistant@example.org', baseUrl: 'moz-extension://0b5cd1e4-4cde-4e69-8a4b-6b9d8e2a7f10/' };

describe('classifySender', () => {
  it('the popup (no tab) and the options page in a tab are extension pages, in both browsers', () => {
    for (const self of [CHROME, FIREFOX]) {
      expect(classifySender({ id: self.id, url: `${self.baseUrl}popup.html` }, self)).toBe('extension-page');
      expect(classifySender({ id: self.id, url: `${self.baseUrl}options.html#rotation`, tab: { id: 3 }, frameId: 0 }, self)).toBe('extension-page');
    }
  });

  it('our script on a GOC tab is a content script', () => {
    expect(classifySender({ id: CHROME.id, url: 'https://ticket.opensciencegrid.org/123', tab: { id: 3 }, frameId: 0 }, CHROME)).toBe('content-script');
    expect(classifySender({ id: FIREFOX.id, url: 'https://ticket.osg-htc.org/123', tab: { id: 3 }, frameId: 0 }, FIREFOX)).toBe('content-script');
  });

  it('another extension, a missing sender, our page framed in a web page, or a lookalike URL are foreign', () => {
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/popup.html' }, CHROME)).toBe('foreign');
    expect(classifySender({ id: 'other', url: 'https://ticket.opensciencegrid.org/1', tab: { id: 1 } }, CHROME)).toBe('foreign');
    expect(classifySender(undefined, CHROME)).toBe('foreign');
    expect(classifySender({}, CHROME)).toBe('foreign');
    expect(classifySender({ id: CHROME.id, url: `${CHROME.baseUrl}options.html`, tab: { id: 3 }, frameId: 7 }, CHROME)).toBe('foreign');
    // Same id but a URL that only starts like ours (no trailing slash in the prefix would match it).
    expect(classifySender({ id: CHROME.id, url: `${CHROME.baseUrl.slice(0, -1)}x/popup.html` }, CHROME)).toBe('foreign');
    // Our id with no tab and not our URL: not a page we know.
    expect(classifySender({ id: CHROME.id, url: 'https://evil.example/' }, CHROME)).toBe('foreign');
    expect(classifySender({ id: '', url: '' }, { id: '', baseUrl: '' })).toBe('foreign');
  });
});

describe('which sender may send which message', () => {
  it('a content script may not start a check, a sync or an export; the popup may', () => {
    for (const type of ['checkQueueNow', 'syncRotationNow', 'exportIcs', 'getQueueReport', 'getRotationWeeks']) {
      expect(mayAsk(type, 'content-script'), type).toBe(false);
      expect(mayAsk(type, 'extension-page'), type).toBe(true);
    }
  });

  it('a content script may open the options page and read the caches', () => {
    for (const type of ['openOptions', 'getDuty', 'getQueueState', 'getRotationStatus']) expect(mayAsk(type, 'content-script'), type).toBe(true);
  });

  it('a foreign sender may send nothing, and unknown message types are refused', () => {
    for (const type of Object.keys(MESSAGE_SENDERS)) expect(mayAsk(type, 'foreign'), type).toBe(false);
    expect(mayAsk('deleteEverything', 'extension-page')).toBe(false);
    expect(mayAsk('toString', 'extension-page')).toBe(false);
  });

  it('the refusal names the message and the sender', () => {
    expect(refusal('checkQueueNow', 'content-script')).toBe('GOC Ticket Assistant: "checkQueueNow" is not allowed from a content script');
  });
});
