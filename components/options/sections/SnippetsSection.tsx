/**
 * Options section "Snippets": the request snippets offered next to a ticket's New Update box.
 * Edit, reorder, add and remove; placeholders other than the known ones are refused (not saved)
 * with a message naming them. Snippets travel in the team configuration file (`snippets`).
 */
import { DEFAULT_SNIPPETS } from '../../../utils/settings/defaults';
import type { Settings, Snippet } from '../../../utils/settings/schema';
import { SNIPPET_PLACEHOLDERS, unknownPlaceholders } from '../../../utils/snippets';
import { ChangedElsewhere, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft, type FieldErrors } from '../use-section-draft';

const PLACEHOLDER_HELP: Record<string, string> = {
  submitter: 'first name of the ticket’s submitter',
  ticket: 'ticket number',
  title: 'ticket title',
  me: 'your name',
  owner: 'first assignee who is not the Software pseudo-user',
  days_since_update: 'days since the last update',
};

/** Problems that block saving, one message per snippet (index → text). */
export function snippetProblems(snippets: readonly Snippet[]): Map<number, string> {
  const problems = new Map<number, string>();
  snippets.forEach((s, i) => {
    const unknown = unknownPlaceholders(s.text);
    if (!s.name.trim()) problems.set(i, 'needs a name');
    else if (!s.text.trim()) problems.set(i, 'is empty');
    else if (unknown.length > 0) {
      problems.set(i, `has unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}`);
    }
  });
  return problems;
}

const PART = { snippets: true } as const;
const read = (s: Settings): Snippet[] => s.snippets.map((snippet) => ({ ...snippet }));
const write = (draft: Snippet[], s: Settings): Settings => ({ ...s, snippets: draft.map((snippet) => ({ ...snippet, name: snippet.name.trim() })) });

/** Rules beyond the schema: a snippet is not empty and uses only known placeholders. */
function check(draft: Snippet[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [i, text] of snippetProblems(draft)) errors[`snippets[${i}]`] = `snippet ${i + 1} ${text}`;
  return errors;
}

export function SnippetsSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ persist: 'snippets', settings, save, read, write, part: PART, check });
  const draft = d.draft;
  // Shown while typing (the save refuses them too).
  const problems = snippetProblems(draft);
  const change = (next: Snippet[]) => d.setDraft(next);
  const update = (i: number, patch: Partial<Snippet>) => change(draft.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= draft.length) return;
    const next = [...draft];
    [next[i], next[j]] = [next[j], next[i]];
    change(next);
  };

  return (
    <section id="snippets" data-gta="options-snippets" aria-labelledby="gta-snippets-title">
      <h2 id="gta-snippets-title">Request snippets</h2>
      <p class="gta-hint">
        Offered in the <strong>Insert snippet…</strong> menu above a ticket’s New Update box; the chosen snippet is inserted at
        the cursor. Placeholders:{' '}
        {SNIPPET_PLACEHOLDERS.map((p, i) => (
          <span key={p}>
            {i > 0 && ', '}
            <code>{`{${p}}`}</code> {PLACEHOLDER_HELP[p]}
          </span>
        ))}
        .
      </p>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit}>
        <ol class="gta-snippet-list">
          {draft.map((s, i) => (
            <li key={i} data-gta="options-snippet" data-gta-index={String(i)}>
              <div class="gta-row">
                <label class="gta-inline" for={`gta-snippet-name-${i}`}>
                  Name
                </label>
                <input
                  id={`gta-snippet-name-${i}`}
                  type="text"
                  value={s.name}
                  data-gta-field="name"
                  onInput={(e) => update(i, { name: (e.currentTarget as HTMLInputElement).value })}
                />
              </div>
              <textarea
                rows={5}
                spellcheck={false}
                aria-label={`Text of snippet ${i + 1}`}
                value={s.text}
                data-gta-field="text"
                aria-invalid={problems.has(i) ? 'true' : undefined}
                onInput={(e) => update(i, { text: (e.currentTarget as HTMLTextAreaElement).value })}
              />
              {problems.has(i) && (
                <p class="gta-error" role="alert" data-gta="snippet-error">
                  This snippet {problems.get(i)}.
                </p>
              )}
              <div class="gta-row">
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} data-gta-action="up" aria-label={`Move snippet ${i + 1} up`}>
                  ↑ Up
                </button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === draft.length - 1} data-gta-action="down" aria-label={`Move snippet ${i + 1} down`}>
                  ↓ Down
                </button>
                <button type="button" onClick={() => change(draft.filter((_, j) => j !== i))} data-gta-action="remove">
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
        {draft.length === 0 && <p class="gta-hint">No snippets: the menu is hidden on ticket pages.</p>}
        <SaveActions
          draft={d}
          gta="snippets-save"
          label="Save snippets"
          before={
            <>
              <button type="button" data-gta-action="add" onClick={() => change([...draft, { name: 'New snippet', text: 'Hi {submitter},\n\n' }])}>
                Add snippet
              </button>
              <button type="button" onClick={() => change(DEFAULT_SNIPPETS.map((s) => ({ ...s })))}>
                Restore the defaults
              </button>
            </>
          }
        />
      </form>
    </section>
  );
}
