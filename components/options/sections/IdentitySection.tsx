/**
 * Options section "Identity": who you are on GOC Ticket. The name goes into your signature and
 * marks your own updates; the Footprints id recognises tickets assigned to you. Stored in
 * storage.sync so it follows you to other machines.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Identity } from '../../../utils/settings';
import type { SectionProps } from '../types';

interface Draft {
  name: string;
  email: string;
  footprintsId: string;
  aliases: string;
}

const draftOf = (identity: Identity): Draft => ({
  name: identity.name,
  email: identity.email,
  footprintsId: identity.footprintsId,
  aliases: identity.aliases.join('\n'),
});

/** Field captions, also used to turn `identity.email: …` into `E-mail: …` for the reader. */
const CAPTIONS: Record<keyof Draft, string> = {
  name: 'Full name',
  email: 'E-mail',
  footprintsId: 'Footprints id',
  aliases: 'Other spellings of your name',
};

function readableError(error: string): string {
  return error.replace(/^identity\.(\w+)(\[\d+\])?:/, (_m, key: string, index?: string) => {
    const caption = CAPTIONS[key as keyof Draft];
    return caption ? `${caption}${index ? ` (line ${Number(index.slice(1, -1)) + 1})` : ''}:` : _m;
  });
}

export function IdentitySection({ settings, save }: SectionProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.identity));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  // Settings changed elsewhere (an import, another window): show them, unless only other parts changed.
  const stored = JSON.stringify(settings.identity);
  useEffect(() => setDraft(draftOf(settings.identity)), [stored]);

  const field = (key: keyof Draft) => ({
    id: `gta-identity-${key}`,
    name: key,
    value: draft[key],
    onInput: (e: Event) => {
      setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
      setStatus(null);
    },
  });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const aliases = draft.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
    const error = await save({
      ...settings,
      identity: {
        ...settings.identity,
        name: draft.name,
        email: draft.email,
        footprintsId: draft.footprintsId,
        aliases,
      },
    });
    setSaving(false);
    setStatus(error ? { ok: false, text: `Not saved. ${readableError(error)}` } : { ok: true, text: 'Saved.' });
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings.identity));
  const emailError = status && !status.ok && /E-mail:/.test(status.text);

  return (
    <section id="identity" data-gta="options-identity" aria-labelledby="gta-identity-title">
      <h2 id="gta-identity-title">Identity</h2>
      <p class="gta-hint">
        Your name signs your updates and marks them as yours. It is kept in your browser account&apos;s
        synced storage, so it follows you to other machines.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <label for="gta-identity-name">{CAPTIONS.name}</label>
        <input type="text" autocomplete="name" placeholder="Alain Roy" maxLength={200} {...field('name')} />
        {!settings.identity.name.trim() && (
          <p class="gta-hint gta-warn" data-gta="identity-name-missing">
            Needed for the signature button: set the name you sign your updates with.
          </p>
        )}

        <label for="gta-identity-email">{CAPTIONS.email}</label>
        <input
          type="email"
          autocomplete="email"
          placeholder="you@example.org"
          maxLength={200}
          aria-invalid={emailError ? 'true' : undefined}
          {...field('email')}
        />
        <p class="gta-hint">Used by the {'{email}'} placeholder of the signature; optional.</p>

        <label for="gta-identity-footprintsId">{CAPTIONS.footprintsId}</label>
        <input type="text" placeholder="aroy" maxLength={100} spellcheck={false} {...field('footprintsId')} />
        <p class="gta-hint">Your assignee id on GOC Ticket (as in the assignee boxes), to spot tickets assigned to you.</p>

        <label for="gta-identity-aliases">{CAPTIONS.aliases}</label>
        <textarea rows={3} placeholder={'Alain\nA. Roy'} aria-describedby="gta-identity-aliases-hint" {...field('aliases')} />
        <p class="gta-hint" id="gta-identity-aliases-hint">
          One per line (at most 20): nicknames and spellings you sign with, so your updates are still recognised.
        </p>

        <div class="gta-row gta-actions">
          <button type="submit" class="gta-primary" data-gta="identity-save" disabled={saving}>
            Save identity
          </button>
          {dirty && !status && <span class="gta-hint">Unsaved changes</span>}
          <SaveStatus status={status} />
        </div>
      </form>
    </section>
  );
}

/** The result of a save: polite "Saved." or an alert with the reason. */
export function SaveStatus({ status }: { status: { ok: boolean; text: string } | null }) {
  if (!status) return <span role="status" class="gta-status" />;
  return status.ok ? (
    <span role="status" class="gta-status gta-ok">
      {status.text}
    </span>
  ) : (
    <span role="alert" class="gta-status gta-error">
      {status.text}
    </span>
  );
}
