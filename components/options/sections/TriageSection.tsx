/**
 * Options section "Triage": the Next Action presets the triage panel offers (`triage.nextActions`,
 * placeholders {owner} and {me}; any other is refused with the schema's own message) and the
 * documentation links the close checklist offers (`triage.docLinks`, a name and a web address each).
 * The switches for the panel, the keep-Software guard and the close checklist live with the other
 * ticket-page switches (TicketPageSection). Travels in the team configuration file (`triage`).
 */
import { DEFAULT_DOC_LINKS, DEFAULT_TRIAGE_NEXT_ACTIONS } from '../../../utils/settings/defaults';
import type { DocLink, Settings } from '../../../utils/settings/schema';
import { describeUnknownTriagePlaceholders, TRIAGE_PLACEHOLDERS } from '../../../utils/triage/presets';
import { ChangedElsewhere, FieldError, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft, type FieldErrors } from '../use-section-draft';

interface Draft {
  nextActions: string[];
  /** Whole entries, so keys a newer version added to a link survive an edit here. */
  docLinks: DocLink[];
}

const PART = { triage: true } as const;

const read = (s: Settings): Draft => ({
  nextActions: [...s.triage.nextActions],
  docLinks: s.triage.docLinks.map((l) => ({ ...l })),
});

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  triage: {
    ...s.triage,
    nextActions: d.nextActions.map((p) => p.trim()),
    docLinks: d.docLinks.map((l) => ({ ...l, name: l.name.trim(), url: l.url.trim() })),
  },
});

const WEB = /^https?:\/\/[^/\s]+/i;

/** Problems shown while typing and refused on save (keyed by settings path). */
export function triageProblems(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  d.nextActions.forEach((preset, i) => {
    const unknown = describeUnknownTriagePlaceholders(preset);
    if (!preset.trim()) errors[`triage.nextActions[${i}]`] = `preset ${i + 1} is empty`;
    else if (unknown) errors[`triage.nextActions[${i}]`] = unknown;
  });
  d.docLinks.forEach((link, i) => {
    if (!link.name.trim()) errors[`triage.docLinks[${i}].name`] = `link ${i + 1} needs a name`;
    // Links are put into ticket pages: web addresses only, never javascript: or data:.
    else if (!WEB.test(link.url.trim())) errors[`triage.docLinks[${i}].url`] = `“${link.name.trim()}” needs an address starting with https://`;
  });
  return errors;
}

const CAPTIONS = { 'triage.nextActions': 'Next Action presets', 'triage.docLinks': 'Documentation links' };

export function TriageSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ persist: 'triage', settings, save, read, write, part: PART, check: (draft) => triageProblems(draft), captions: CAPTIONS });
  const { nextActions, docLinks } = d.draft;
  const problems = triageProblems(d.draft);
  const set = (patch: Partial<Draft>) => d.setDraft({ ...d.draft, ...patch });
  const setPreset = (i: number, value: string) => set({ nextActions: nextActions.map((p, j) => (j === i ? value : p)) });
  const movePreset = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= nextActions.length) return;
    const next = [...nextActions];
    [next[i], next[j]] = [next[j], next[i]];
    set({ nextActions: next });
  };
  const setLink = (i: number, patch: Partial<DocLink>) => set({ docLinks: docLinks.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  return (
    <section id="triage" data-gta="options-triage" aria-labelledby="gta-triage-title">
      <h2 id="gta-triage-title">Triage</h2>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit}>
        <h3 class="gta-subhead">Next Action presets</h3>
        <p class="gta-hint">
          Offered by the triage panel on Software tickets. Placeholders:{' '}
          {TRIAGE_PLACEHOLDERS.map((p, i) => (
            <span key={p}>
              {i > 0 && ', '}
              <code>{`{${p}}`}</code> {p === 'owner' ? 'first name of the first chosen owner' : 'your first name'}
            </span>
          ))}
          .
        </p>
        <ol class="gta-snippet-list" data-gta="options-next-actions">
          {nextActions.map((preset, i) => {
            const error = problems[`triage.nextActions[${i}]`];
            return (
              <li key={i} data-gta="options-next-action" data-gta-index={String(i)}>
                <div class="gta-row">
                  <input
                    type="text"
                    aria-label={`Next Action preset ${i + 1}`}
                    data-gta-field="nextAction"
                    value={preset}
                    aria-invalid={error ? 'true' : undefined}
                    onInput={(e) => setPreset(i, (e.currentTarget as HTMLInputElement).value)}
                  />
                  <button type="button" data-gta-action="up" disabled={i === 0} aria-label={`Move preset ${i + 1} up`} onClick={() => movePreset(i, -1)}>
                    ↑
                  </button>
                  <button type="button" data-gta-action="down" disabled={i === nextActions.length - 1} aria-label={`Move preset ${i + 1} down`} onClick={() => movePreset(i, 1)}>
                    ↓
                  </button>
                  <button type="button" data-gta-action="remove" aria-label={`Remove preset ${i + 1}`} onClick={() => set({ nextActions: nextActions.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </div>
                <FieldError id={`gta-next-action-error-${i}`} message={error} />
              </li>
            );
          })}
        </ol>
        {nextActions.length === 0 && <p class="gta-hint">No presets: the panel's Next Action field is typed by hand.</p>}
        <div class="gta-row">
          <button type="button" data-gta-action="add-next-action" onClick={() => set({ nextActions: [...nextActions, '{owner}: '] })}>
            Add preset
          </button>
          <button type="button" onClick={() => set({ nextActions: [...DEFAULT_TRIAGE_NEXT_ACTIONS] })}>
            Restore the default presets
          </button>
        </div>

        <h3 class="gta-subhead">Documentation links</h3>
        <p class="gta-hint">Offered by the close checklist: documentation and troubleshooting guides that a fix may belong in.</p>
        <table class="gta-experts-table" data-gta="options-doc-links">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">
                <span class="gta-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {docLinks.map((link, i) => (
              <tr key={i} data-gta="options-doc-link" data-gta-index={String(i)}>
                <td>
                  <input
                    type="text"
                    aria-label={`Name of link ${i + 1}`}
                    data-gta-field="name"
                    value={link.name}
                    aria-invalid={problems[`triage.docLinks[${i}].name`] ? 'true' : undefined}
                    onInput={(e) => setLink(i, { name: (e.currentTarget as HTMLInputElement).value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="url"
                    spellcheck={false}
                    aria-label={`Address of link ${i + 1}`}
                    data-gta-field="url"
                    value={link.url}
                    aria-invalid={problems[`triage.docLinks[${i}].url`] ? 'true' : undefined}
                    onInput={(e) => setLink(i, { url: (e.currentTarget as HTMLInputElement).value })}
                  />
                  <FieldError id={`gta-doc-link-error-${i}`} message={problems[`triage.docLinks[${i}].name`] ?? problems[`triage.docLinks[${i}].url`]} />
                </td>
                <td>
                  <button type="button" data-gta-action="remove" aria-label={`Remove link ${i + 1}`} onClick={() => set({ docLinks: docLinks.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {docLinks.length === 0 && <p class="gta-hint">No links: the close checklist shows its questions only.</p>}
        <SaveActions
          draft={d}
          gta="triage-save"
          label="Save triage settings"
          before={
            <>
              <button type="button" data-gta-action="add-doc-link" onClick={() => set({ docLinks: [...docLinks, { name: '', url: 'https://' }] })}>
                Add link
              </button>
              <button type="button" onClick={() => set({ docLinks: DEFAULT_DOC_LINKS.map((l) => ({ ...l })) })}>
                Restore the default links
              </button>
            </>
          }
        />
      </form>
    </section>
  );
}
