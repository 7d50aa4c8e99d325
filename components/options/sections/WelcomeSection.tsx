/**
 * Options section "Welcome" (issue 12, first run). Shown first after a fresh install (the background
 * opens options.html#welcome); once dismissed it stays reachable at the end of the page.
 *
 * Nothing here is required: badges, the banner and queue watch work with the defaults. The name is
 * the one setting worth a minute (it signs updates); it saves to the identity like the Identity
 * section, through the same draft hook. Or the team file: the button opens the Import section's
 * own file input.
 *
 * When the lead publishes the file at a URL, the link goes to the Team file section, which keeps it
 * in sync (one URL field lives there, not a second one here).
 */
import type { Settings } from '../../../utils/settings/schema';
import { FIELD_LIMITS } from '../field-limits';
import { ChangedElsewhere, FieldError, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';

interface Draft {
  name: string;
}

const read = (s: Settings): Draft => ({ name: s.identity.name });
const write = (d: Draft, s: Settings): Settings => ({ ...s, identity: { ...s.identity, name: d.name } });
const PART = { identity: true } as const;
const CAPTIONS = { 'identity.name': 'Your name' };
const NAME_LIMITS = FIELD_LIMITS['identity.name'];

/** What the extension does on GOC pages, in words (README "What it does" has the details). */
const WHAT_IT_DOES: ReadonlyArray<readonly [string, string]> = [
  ['Badges', 'on every ticket, each update shows who wrote it and their role, with a summary of who answered and when.'],
  ['Banner', "at the top of GOC pages: who is on triage duty this week and next (once a rotation is set), and the untriaged count when it's you."],
  ['Signature', 'an "Insert signature" button (and Alt+Shift+S) under the New Update box. It needs your name; without one it says so.'],
  ['Snippets', 'an "Insert snippet…" menu with the team\'s standard requests (system profiler, versions and logs, reminders).'],
  ['Triage panel', 'on Software tickets in the editor: owner, next action and deadline in one step, a guard that keeps Software assigned, and a checklist before closing. You still press Update yourself.'],
  ['Queue watch', 'the toolbar badge counts untriaged Software tickets; notifications for new ones while you are on duty.'],
];

export interface WelcomeSectionProps extends SectionProps {
  /** A fresh install the user has not dismissed yet: shown first, with a Dismiss button. */
  firstRun: boolean;
  onDismiss?: () => void;
}

/** `<gocBaseUrl>/list/open`, whatever the trailing slashes. */
export function tryItUrl(gocBaseUrl: string): string {
  return `${gocBaseUrl.replace(/\/+$/, '')}/list/open`;
}

export function WelcomeSection({ settings, save, firstRun, onDismiss }: WelcomeSectionProps) {
  const d = useSectionDraft({ persist: 'welcome', settings, save, read, write, part: PART, captions: CAPTIONS });
  const error = d.errorFor('identity.name');
  const named = settings.identity.name.trim();

  const toImport = () => {
    const input = document.getElementById('gta-config-import') as HTMLInputElement | null;
    if (!input) return;
    input.closest('section')?.scrollIntoView();
    input.focus();
    // Opens the file chooser right away (this click is the user's gesture); the result shows there.
    input.click();
  };

  return (
    <section id="welcome" data-gta="options-welcome" data-gta-first-run={firstRun ? 'true' : 'false'} aria-labelledby="gta-welcome-title">
      <h2 id="gta-welcome-title">Welcome</h2>
      <p>
        {firstRun ? 'Thanks for installing GOC Ticket Assistant. ' : ''}
        Nothing needs setting up to start: badges, the banner and queue watch work with the defaults. Two optional
        steps make the rest yours.
      </p>

      <h3 class="gta-subhead">1. Your name, or the team file</h3>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit} noValidate data-gta="welcome-name">
        <label for="gta-welcome-name">Your name</label>
        <input
          id="gta-welcome-name"
          type="text"
          name="name"
          autocomplete="name"
          placeholder="Alain Roy"
          maxLength={NAME_LIMITS.maxLength}
          value={d.draft.name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'gta-welcome-name-hint gta-welcome-name-error' : 'gta-welcome-name-hint'}
          onInput={(e) => d.setDraft({ name: (e.currentTarget as HTMLInputElement).value })}
        />
        <FieldError id="gta-welcome-name-error" message={error} />
        <p class="gta-hint" id="gta-welcome-name-hint">
          {named
            ? `Your updates are signed "${named}". E-mail, Footprints id and other spellings are under Identity.`
            : 'Signs your updates and the triage note; the signature button asks for it until it is set. The same field as under Identity.'}
        </p>
        <SaveActions draft={d} gta="welcome-name-save" label="Save name" />
      </form>
      <p>
        Or, if your team lead shared a configuration file (team, rotation, snippets, experts):{' '}
        <button type="button" data-gta="welcome-import" onClick={toImport}>
          Import the team file…
        </button>{' '}
        or, when it is published at a web address,{' '}
        <a href="#team-file" data-gta="welcome-team-file-url">
          keep it in sync from its URL
        </a>
        .
      </p>

      <h3 class="gta-subhead">2. What it does on GOC Ticket pages</h3>
      <ul class="gta-welcome-list" data-gta="welcome-features">
        {WHAT_IT_DOES.map(([title, text]) => (
          <li key={title}>
            <strong>{title}</strong>: {text}
          </li>
        ))}
      </ul>

      <h3 class="gta-subhead">3. Try it</h3>
      <p>
        <a href={tryItUrl(settings.queue.gocBaseUrl)} target="_blank" rel="noopener noreferrer" data-gta="welcome-try">
          Open the open-tickets list on GOC Ticket
        </a>{' '}
        (a new tab; sign in there if asked), then open any ticket.
      </p>

      {firstRun && (
        <div class="gta-row gta-actions">
          <button type="button" class="gta-primary" data-gta="welcome-dismiss" onClick={onDismiss}>
            Done, hide the welcome
          </button>
          <span class="gta-hint">It stays at the end of this page.</span>
        </div>
      )}
    </section>
  );
}
