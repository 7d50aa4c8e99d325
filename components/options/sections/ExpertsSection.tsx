/**
 * Options section "Experts": topics with keywords and the people to suggest for them. A ticket page
 * lists the people whose keywords occur in its title or updates; in the editor a click ticks that
 * person's assignee box (matched by display name). Travels in the team configuration file (`experts`).
 */
import type { Expert, Settings } from '../../../utils/settings/schema';
import { ChangedElsewhere, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';

interface Row {
  topic: string;
  keywords: string;
  people: string;
  /** The people's team when it is not ours (security, operations, glidein); '' = ours. */
  team: string;
}

const split = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function toRows(experts: readonly Expert[]): Row[] {
  return experts.map((e) => ({ topic: e.topic, keywords: e.keywords.join(', '), people: e.people.join(', '), team: e.team ?? '' }));
}

export function expertsFromRows(rows: readonly Row[]): { experts: Expert[]; error: string | null } {
  const experts: Expert[] = [];
  for (const [i, r] of rows.entries()) {
    const topic = r.topic.trim();
    const keywords = split(r.keywords);
    const people = split(r.people);
    if (!topic) return { experts, error: `topic ${i + 1} needs a name` };
    if (keywords.length === 0) return { experts, error: `“${topic}” needs at least one keyword` };
    if (people.length === 0) return { experts, error: `“${topic}” needs at least one person` };
    const team = r.team.trim();
    experts.push({ topic, keywords, people, ...(team ? { team } : {}) });
  }
  return { experts, error: null };
}

const PART = { experts: true } as const;
const read = (s: Settings): Row[] => toRows(s.experts);
const write = (rows: Row[], s: Settings): Settings => ({ ...s, experts: expertsFromRows(rows).experts });

export function ExpertsSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({
    persist: 'experts',
    settings,
    save,
    read,
    write,
    part: PART,
    // Rules beyond the schema: a topic needs keywords and people to be useful.
    check: (draft) => {
      const { experts, error } = expertsFromRows(draft);
      return error ? { [`experts[${experts.length}]`]: error } : {};
    },
  });
  const rows = d.draft;
  const change = (next: Row[]) => d.setDraft(next);
  const update = (i: number, patch: Partial<Row>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section id="experts" data-gta="options-experts" aria-labelledby="gta-experts-title">
      <h2 id="gta-experts-title">Experts</h2>
      <p class="gta-hint">
        Keywords match whole words, ignoring case (“CE” does not match “certificate”). Separate keywords and people with
        commas. Write people exactly as GOC Ticket shows them in the assignee lists. Team: for experts from another team
        (security, operations, glidein), shown next to their names by the triage panel; empty for ours.
      </p>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit}>
        <table class="gta-experts-table">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Keywords</th>
              <th scope="col">People</th>
              <th scope="col">Team</th>
              <th scope="col">
                <span class="gta-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-gta="options-expert" data-gta-index={String(i)}>
                <td>
                  <input type="text" aria-label={`Topic ${i + 1}`} data-gta-field="topic" value={r.topic} onInput={(e) => update(i, { topic: (e.currentTarget as HTMLInputElement).value })} />
                </td>
                <td>
                  <input type="text" aria-label={`Keywords of topic ${i + 1}`} data-gta-field="keywords" value={r.keywords} onInput={(e) => update(i, { keywords: (e.currentTarget as HTMLInputElement).value })} />
                </td>
                <td>
                  <input type="text" aria-label={`People for topic ${i + 1}`} data-gta-field="people" value={r.people} onInput={(e) => update(i, { people: (e.currentTarget as HTMLInputElement).value })} />
                </td>
                <td>
                  <input
                    type="text"
                    size={10}
                    aria-label={`Team of topic ${i + 1}`}
                    placeholder="ours"
                    data-gta-field="team"
                    value={r.team}
                    onInput={(e) => update(i, { team: (e.currentTarget as HTMLInputElement).value })}
                  />
                </td>
                <td>
                  <button type="button" data-gta-action="remove" aria-label={`Remove topic ${i + 1}`} onClick={() => change(rows.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p class="gta-hint">No experts yet: ticket pages show no suggestions.</p>}
        <SaveActions
          draft={d}
          gta="experts-save"
          label="Save experts"
          before={
            <button type="button" data-gta-action="add" onClick={() => change([...rows, { topic: '', keywords: '', people: '', team: '' }])}>
              Add topic
            </button>
          }
        />
      </form>
    </section>
  );
}
