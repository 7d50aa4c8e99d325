/**
 * The background's message listener: `onMessage` with the sender rules of
 * utils/messages/senders.ts applied first. A refused sender's sendMessage rejects with the reason;
 * the handler never runs.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../../utils/messages';
import { classifySender, mayAsk, refusal, type SenderLike } from '../../utils/messages/senders';

export const onTrustedMessage: typeof onMessage = (type, handler) =>
  onMessage(type, (message) => {
    const kind = classifySender(message.sender as SenderLike | undefined, {
      id: browser.runtime.id,
      baseUrl: browser.runtime.getURL('/'),
    });
    // Rejected, not thrown: the messaging library sends a rejection back to the caller.
    if (!mayAsk(type, kind)) return Promise.reject(new Error(refusal(type, kind))) as never;
    return handler(message);
  });
