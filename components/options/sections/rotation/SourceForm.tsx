/**
 * The rotation settings form: source URL (with the host-access explainer), team time zone, sync
 * interval, work-day start, holidays and the Monday reminder. Saving asks for host access first,
 * inside the click, when the source needs it.
 */
import { useState } from 'preact/hooks';
import { FIELD_LIMITS } from '../../field-limits';
import { UnsavedHint } from '../../SectionStatus';
import type { SectionDraft } from '../../use-section-draft';
import { neededPermission, requestAccess } from './host-access';
import type { RotationDraft } from './rotation-draft';

const SYNC_HOURS = FIELD_LIMITS['rotation.syncHours'];

const COMMON_ZONES = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'UTC'];

function zoneList(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone');
    if (all?.length) return all;
  } catch {
    /* older browsers: the common zones only */
  }
  return COMMON_ZONES;
}

export function SourceForm({ draft: d }: { draft: SectionDraft<RotationDraft> }) {
  const draft = d.draft;
  const needed = neededPermission(draft.source);
  // About 420 zones: listed once the field is focused, not on every opening of the page.
  const [zones, setZones] = useState<string[]>([]);
  const listZones = () => zones.length === 0 && setZones(zoneList());
  const field = (key: 'source' | 'timeZone' | 'syncHours' | 'holidays' | 'workStart') => ({
    value: draft[key],
    'aria-invalid': d.errorFor(key === 'workStart' ? 'schedule.workStart' : `rotation.${key}`) ? ('true' as const) : undefined,
    onInput: (e: Event) => d.setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const next = d.validate();
    if (!next) return;
    // Ask for host access inside the click, before anything is awaited (Firefox requires it).
    const access = needed ? requestAccess(needed.pattern) : Promise.resolve(true);
    const source = next.rotation.source;
    void access.then(async (granted) => {
      if (!(await d.commit(source ? 'Saved. Syncing the rotation…' : 'Saved.'))) return;
      if (!granted) {
        d.setStatus({ ok: false, text: `Saved, but access to ${needed?.host} was not granted: the rotation cannot be fetched until you allow it.` });
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <label for="gta-rotation-source">Rotation source (URL)</label>
      <input
        id="gta-rotation-source"
        type="url"
        data-gta="rotation-source"
        placeholder="https://twiki.example.org/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text"
        spellcheck={false}
        {...field('source')}
      />
      <p class="gta-hint">
        An iCal feed (.ics), a TWiki topic (its <code>?raw=text</code> view or the page with the table), or a JSON file
        like <code>[{'{'} "week": "2012-02-13", "person": "Alain Roy" {'}'}]</code>. The type is recognised from the content.
      </p>
      {needed && (
        <p class="gta-notice" data-gta="rotation-permission-explainer">
          To read the rotation, the extension needs permission to access <strong>{needed.host}</strong>. It fetches
          only the address above, every few hours, and sends nothing anywhere. Your browser will ask when you save.
        </p>
      )}

      <div class="gta-row">
        <span>
          <label for="gta-rotation-zone">Team time zone</label>
          <input id="gta-rotation-zone" type="text" list="gta-rotation-zones" data-gta="rotation-timezone" onFocus={listZones} {...field('timeZone')} />
          <datalist id="gta-rotation-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </span>
        <span>
          <label for="gta-rotation-hours">Sync every (hours)</label>
          <input id="gta-rotation-hours" type="number" {...SYNC_HOURS} {...field('syncHours')} />
        </span>
        <span>
          <label for="gta-rotation-workstart">Work day starts</label>
          <input id="gta-rotation-workstart" type="text" placeholder="09:00" {...field('workStart')} />
        </span>
      </div>

      <label for="gta-rotation-holidays">Holidays (no triage; one date per line)</label>
      <textarea id="gta-rotation-holidays" rows={3} placeholder={'2026-12-25\n2027-01-01'} data-gta="rotation-holidays" {...field('holidays')} />

      <label class="gta-check">
        <input
          type="checkbox"
          checked={draft.dutyReminder}
          data-gta="rotation-reminder"
          onChange={(e) => d.setDraft({ ...draft, dutyReminder: (e.currentTarget as HTMLInputElement).checked })}
        />
        Remind me on Monday at the start of the work day when I am on triage duty
      </label>

      <div class="gta-row gta-actions">
        <button type="submit" class="gta-primary" data-gta="rotation-save" disabled={d.saving}>
          Save rotation settings
        </button>
        <UnsavedHint draft={d} />
      </div>
    </form>
  );
}
