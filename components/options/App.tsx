import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, watchSettings } from '../../services/settings-store';
import type { Settings } from '../../utils/settings';
import { ExpertsSection } from './sections/ExpertsSection';
import { GuardSection } from './sections/GuardSection';
import { IdentitySection } from './sections/IdentitySection';
import { ImportExportSection } from './sections/ImportExportSection';
import { QueueSection } from './sections/QueueSection';
import { RotationSection } from './sections/RotationSection';
import { SignatureSection } from './sections/SignatureSection';
import { SnippetsSection } from './sections/SnippetsSection';

/** Each section owns one part of the settings; they all save through the same validated path. */
const SECTIONS = [
  IdentitySection,
  SignatureSection,
  SnippetsSection,
  ExpertsSection,
  GuardSection,
  RotationSection,
  QueueSection,
  ImportExportSection,
];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>();

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setLoadError(loaded.error);
    });
    return watchSettings(setSettings);
  }, []);

  if (!settings) return <p class="gta-loading">Loading…</p>;

  const save = async (next: Settings) => {
    const result = await saveSettings(next);
    if (result.error) return result.error;
    setSettings(result.settings);
    return null;
  };

  return (
    <main class="gta-options">
      <h1>GOC Ticket Assistant</h1>
      {loadError && (
        <p class="gta-error" role="alert">
          {loadError}
        </p>
      )}
      {SECTIONS.map((Section) => (
        <Section key={Section.name} settings={settings} save={save} />
      ))}
    </main>
  );
}
