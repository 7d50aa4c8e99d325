import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../../utils/settings/defaults';
import { hasShapeOf } from '../../utils/settings/json';
import type { Settings } from '../../utils/settings/schema';
import { setItem, STORED } from '../../utils/storage-items';
import type { WhatsNewNotice } from '../../utils/whats-new';
import { WhatsNewLine } from '../whats-new/WhatsNewLine';
import { Contents } from './Contents';
import { readFirstFrame, type FirstFrame } from './first-frame';
import { DraftStorageContext, pageDraftStorage } from './draft-storage';
import { loadDeferred, updateSettingsWhenLoaded } from './use-deferred';
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
 * The first frame shows the snapshot the background validated (services/settings-snapshot.ts), so
 * this script carries no validator. The store and validator come next (./use-deferred.ts): the page
 * then reads the stored settings themselves (the snapshot can lag a save by a moment) and watches them.
 * A snapshot without every section of this version (published by an older one) is not shown: the
 * page waits for the store instead.
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

export function OptionsApp({ firstFrame }: { firstFrame?: Promise<FirstFrame> }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>();
  /** Why the settings could not be read at all (the store's script did not load). */
  const [unavailable, setUnavailable] = useState<string | undefined>();
  const [firstRun, setFirstRun] = useState(false);
  const [whatsNew, setWhatsNew] = useState<WhatsNewNotice | null>(null);
  const sectionsRef = useRef<HTMLDivElement>(null);
  // Each section keeps its unsaved edits here, so a reload of the page does not lose them.
  const [drafts] = useState(pageDraftStorage);

  // A layout effect: without a read already under way, it starts before the first paint.
  useLayoutEffect(() => {
    let live = true;
    let stopWatching = () => {};
    void (firstFrame ?? readFirstFrame())
      .then(({ pending, notice, snapshot }) => {
        if (!live) return;
        setFirstRun(pending);
        setWhatsNew(notice);
        if (snapshot && hasShapeOf(snapshot.settings, DEFAULT_SETTINGS)) {
          setSettings(snapshot.settings);
          setLoadError(snapshot.error ?? undefined);
        }
        return loadDeferred();
      })
      .then(async (deferred) => {
        if (!live || !deferred) return;
        // Watching first: a save between this read and the watcher's start cannot be missed.
        stopWatching = deferred.watchSettings((next) => {
          setSettings(next);
          setLoadError(undefined);
        });
        const loaded = await deferred.loadSettings();
        if (!live) return;
        // The bench reads this one too: the stored settings read through the store, confirming the first frame.
        performance.mark('gta:options-confirmed');
        setSettings((shown) => (shown && JSON.stringify(shown) === JSON.stringify(loaded.settings) ? shown : loaded.settings));
        setLoadError(loaded.error);
      })
      .catch((error: unknown) => live && setUnavailable(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
      stopWatching();
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
    return unavailable ? (
      <p class="gta-error gta-notice" role="alert" data-gta="settings-load-error">
        The settings could not be loaded ({unavailable}). Reload the page to try again.
      </p>
    ) : (
      <p class="gta-loading" role="status">
        Loading…
      </p>
    );
  }

  // The page shows a section's save at once (the storage event that follows changes nothing).
  const save: SaveSettings = async (change) => {
    const result = await updateSettingsWhenLoaded(change);
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
