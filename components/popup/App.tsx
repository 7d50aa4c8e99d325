import { browser } from 'wxt/browser';
import { DutySection } from './sections/DutySection';
import { QueueSection } from './sections/QueueSection';

export function PopupApp() {
  return (
    <main class="gta-popup">
      <QueueSection />
      <DutySection />
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
