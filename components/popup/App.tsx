/**
 * The toolbar popup. Its first frame comes from one storage.local read (components/popup/data.ts)
 * made before rendering; the ticket lists and any background answers fill in after.
 */
import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupData } from './data';
import { DutySection } from './sections/DutySection';
import { QueueSection } from './sections/QueueSection';

export function PopupApp({ data }: { data?: PopupData }) {
  useLayoutEffect(() => {
    // The bench reads this mark: the first frame rendered with the stored data.
    if (data) performance.mark('gta:popup-rendered');
  }, []);
  return (
    <main class="gta-popup">
      <QueueSection latest={data?.latest} />
      <DutySection data={data} />
      <footer class="gta-popup-footer">
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          Options
        </a>
      </footer>
    </main>
  );
}
