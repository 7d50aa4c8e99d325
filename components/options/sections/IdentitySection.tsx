/**
 * Options section "Identity": who you are on GOC Ticket. The name goes into your signature and
 * marks your own updates; the Footprints id recognises tickets assigned to you. Stored in
 * storage.sync so it follows you to other machines.
 */
import type { Settings } from '../../../utils/settings/schema';
import { FIELD_LIMITS } from '../field-limits';
import { ChangedElsewhere, FieldError, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';

interface Draft {
  name: string;
  email: string;
  footprintsId: string;
  aliases: string;
}

const read = (s: Settings): Draft => ({
  name: s.identity.name,
  email: s.identity.email,
  footprintsId: s.identity.footprintsId,
  aliases: s.identity.aliases.join('\n'),
});

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  identity: {
    ...s.identity,
    name: d.name,
    email: d.email,
    footprintsId: d.footprintsId,
    aliases: d.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
  },
});

/** Field captions, also used to turn `identity.email: …` into `E-mail: …` for the reader. */
const CAPTIONS: Record<keyof Draft, string> = {
  name: 'Full name',
  email: 'E-mail',
  footprintsId: 'Footprints id',
  aliases: 'Other spellings of your name',
};

const PART = { identity: true } as const;
const LIMITS = {
  name: FIELD_LIMITS['identity.name'],
  email: FIELD_LIMITS['identity.email'],
  footprintsId: FIELD_LIMITS['identity.footprintsId'],
  aliases: FIELD_LIMITS['identity.aliases'],
};

export function IdentitySection({ settings, save }: SectionProps) {
  const d = useSectionDraft({
    persist: 'identity',
    settings,
    save,
    read,
    write,
    part: PART,
    captions: Object.fromEntries(Object.entries(CAPTIONS).map(([k, v]) => [`identity.${k}`, v])),
  });

  const field = (key: keyof Draft) => ({
    id: `gta-identity-${key}`,
    name: key,
    value: d.draft[key],
    'aria-invalid': d.errorFor(`identity.${key}`) ? ('true' as const) : undefined,
    'aria-describedby': d.errorFor(`identity.${key}`) ? `gta-identity-${key}-error` : undefined,
    onInput: (e: Event) => d.setDraft({ ...d.draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const error = (key: keyof Draft) => <FieldError id={`gta-identity-${key}-error`} message={d.errorFor(`identity.${key}`)} />;

  return (
    <section id="identity" data-gta="options-identity" aria-labelledby="gta-identity-title">
      <h2 id="gta-identity-title">Identity</h2>
      <p class="gta-hint">
        Your name signs your updates and marks them as yours. It is kept in your browser account&apos;s
        synced storage, so it follows you to other machines.
      </p>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit} noValidate>
        <label for="gta-identity-name">{CAPTIONS.name}</label>
        <input type="text" autocomplete="name" placeholder="Alain Roy" maxLength={LIMITS.name.maxLength} {...field('name')} />
        {error('name')}
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
          maxLength={LIMITS.email.maxLength}
          {...field('email')}
        />
        {error('email')}
        <p class="gta-hint">Used by the {'{email}'} placeholder of the signature; optional.</p>

        <label for="gta-identity-footprintsId">{CAPTIONS.footprintsId}</label>
        <input type="text" placeholder="aroy" maxLength={LIMITS.footprintsId.maxLength} spellcheck={false} {...field('footprintsId')} />
        {error('footprintsId')}
        <p class="gta-hint">Your assignee id on GOC Ticket (as in the assignee boxes), to spot tickets assigned to you.</p>

        <label for="gta-identity-aliases">{CAPTIONS.aliases}</label>
        <textarea rows={3} placeholder={'Alain\nA. Roy'} {...field('aliases')} aria-describedby={d.errorFor('identity.aliases') ? 'gta-identity-aliases-hint gta-identity-aliases-error' : 'gta-identity-aliases-hint'} />
        {error('aliases')}
        <p class="gta-hint" id="gta-identity-aliases-hint">
          One per line (at most {LIMITS.aliases.maxLength}): nicknames and spellings you sign with, so your updates are still recognised.
        </p>

        <SaveActions draft={d} gta="identity-save" label="Save identity" />
      </form>
    </section>
  );
}
