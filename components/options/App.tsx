import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, updateSettings, watchSettings } from '../../services/settings-store';
import type { Settings } from '../../utils/settings';
import { getItems, setItem, STORED } from '../../utils/storage-items';
import type { WhatsNewNotice } from '../../utils/whats-new';
import { WhatsNewLine } from '../whats-new/WhatsNewLine';
import { Contents } from './Contents';
import { DraftStorageContext, pageDraftStorage } from './draft-storage';
import { ExpertsSection } from './sections/ExpertsSection';
import { IdentitySection } from './sections/IdentitySection';
import { GocSitesSection } from './sections/GocSitesSection';
import { ImportExportSection } from './sections/ImportExportSection';
import { QueueSection } from './sections/QueueSection';
import { RotationSection } from './sections/RotationSection';
import { SignatureSection } from './sections/SignatureSection';
import { SnippetsSection } from './sections/SnippetsSection';
import { TeamFileSection } from './sections/TeamFileSection';
import { TicketPageSection } from './sections/TicketPageSection';
import { TriageSection } from './sections/TriageSection';
import { WelcomeSection } from './sections/WelcomeSection';
import type { SaveSettings } from './use-section-draft';

/**
 * Each section owns one part of the settings and renders its own `<section id=…>` with an `<h2>`;
 * they all save through the same validated read-modify-write (`updateSettings`), each keeping its
 * own draft (components/options/use-section-draft.ts). The table of contents (./Contents.tsx) is
 * read from the rendered sections.
 *
 * The Welcome section comes first on a first run (services/welcome.ts sets the flag on install)
 * and last once dismissed, so it stays reachable from the contents.
 */
const SECTIONS = [
  IdentitySection,
  SignatureSection,
  SnippetsSection,
  ExpertsSection,
  TicketPageSection,
  TriageSection,
  RotationSection,
  QueueSection,
  GocSitesSection,
  TeamFileSection,
  ImportExportSection,
];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [firstRun, setFirstRun] = useState(false);
  const [whatsNew, setWhatsNew] = useState<WhatsNewNotice | null>(null);
  const sectionsRef = useRef<HTMLDivElement>(null);
  // Each section keeps its unsaved edits here, so a reload of the page does not lose them.
  const [drafts] = useState(pageDraftStorage);

  // A layout effect: the read starts before the first paint, not a frame after it.
  useLayoutEffect(() => {
    let live = true;
    // The first-run flag and the what's-new line come with the settings: the page lays out once.
    const flags = getItems(browser.storage, { pending: STORED.welcomePending, notice: STORED.whatsNewNotice }).catch(() => ({ pending: false, notice: null }));
    void Promise.all([loadSettings(), flags]).then(([loaded, { pending, notice }]) => {
      if (!live) return;
      setFirstRun(pending);
      setWhatsNew(notice);
      setSettings(loaded.settings);
      setLoadError(loaded.error);
    });
    const stop = watchSettings((next) => {
      setSettings(next);
      setLoadError(undefined);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  // The bench reads these marks: sections rendered with the stored values, inputs usable; then the
  // frame that shows them painted (a task after the frame starts: after its style, layout and paint).
  useLayoutEffect(() => {
    if (!settings) return;
    performance.mark('gta:options-interactive');
    requestAnimationFrame(() => setTimeout(() => performance.mark('gta:options-painted')));
  }, [settings !== null]);

  // Opened as options.html#signature (from a ticket page's hint): go to that section.
  useEffect(() => {
    if (!settings || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [settings !== null]);

  if (!settings) {
    return (
      <p class="gta-loading" role="status">
        Loading…
      </p>
    );
  }

  // The page shows a section's save at once (the storage event that follows changes nothing).
  const save: SaveSettings = async (change) => {
    const result = await updateSettings(change);
    if (!result.error) {
      setSettings(result.settings);
      setLoadError(undefined);
    }
    return result;
  };

  const dismissWelcome = () => {
    setFirstRun(false);
    void setItem(browser.storage, STORED.welcomePending, false).catch(() => undefined);
    // The welcome moves to the end of the page: keep the keyboard at the top instead of losing focus.
    document.getElementById('gta-options-title')?.focus();
  };
  const welcome = <WelcomeSection key="welcome" settings={settings} save={save} firstRun={firstRun} onDismiss={dismissWelcome} />;

  return (
    <div class="gta-options-layout">
      <Contents sections={sectionsRef} />
      <main class="gta-options">
        <h1 id="gta-options-title" tabIndex={-1}>
          GOC Ticket Assistant options
        </h1>
        <WhatsNewLine initial={whatsNew} />
        <p class="gta-hint">
          Settings for the OSG Software Team&apos;s support work on GOC Ticket. Each section saves on its own.
        </p>
        {loadError && (
          <p class="gta-error gta-notice" role="alert" data-gta="settings-load-error">
            {loadError}
          </p>
        )}
        <DraftStorageContext.Provider value={drafts}>
          <div ref={sectionsRef} class="gta-sections">
            {/* Index keys: function names are not unique after minification. */}
            {firstRun && welcome}
            {SECTIONS.map((Section, i) => (
              <Section key={i} settings={settings} save={save} />
            ))}
            {!firstRun && welcome}
          </div>
        </DraftStorageContext.Provider>
      </main>
    </div>
  );
}
