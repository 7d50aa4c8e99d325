/**
 * The toolbar popup. Its first frame comes from one storage.local read (components/popup/data.ts)
 * made before rendering; the ticket lists and any background answers fill in after.
 */
import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupData } from './data';
import { WhatsNewLine } from '../whats-new/WhatsNewLine';
import { DutySection } from './sections/DutySection';
import { EmailToTicketSection } from './sections/EmailToTicketSection';
import { QueueSection } from './sections/QueueSection';

export function PopupApp({ data }: { data?: PopupData }) {
  useLayoutEffect(() => {
    // The bench reads this mark: the first frame rendered with the stored data.
    if (data) performance.mark('gta:popup-rendered');
  }, []);
  return (
    <main class="gta-popup">
      <header class="gta-popup-bar">
        <h1 class="gta-popup-name">GOC Ticket Assistant</h1>
        <span class="gta-popup-links">
          <button
            type="button"
            class="gta-btn gta-quiet gta-small"
            data-gta="queue-report-open"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#queue-report') })}
          >
            Weekly report
          </button>
          <button type="button" class="gta-btn gta-quiet gta-small" data-gta="popup-options" onClick={() => void browser.runtime.openOptionsPage()}>
            Options
          </button>
        </span>
      </header>
      <QueueSection latest={data?.latest} settings={data?.snapshot?.settings} />
      <DutySection data={data} />
      <EmailToTicketSection />
      {/* After an update that changed behaviour: one dismissable line (the options page shows it too). */}
      <WhatsNewLine class="gta-popup-whats-new" />
    </main>
  );
}
