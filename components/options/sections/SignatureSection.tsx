/**
 * Options section "Signature": the template the signature button inserts, with a live preview.
 * A template with placeholders other than {name}, {email}, {date}, {ticket} is refused (and not
 * saved) with a message naming them.
 */
import { useMemo, useRef } from 'preact/hooks';
import { DEFAULT_SIGNATURE } from '../../../utils/settings/defaults';
import type { Settings } from '../../../utils/settings/schema';
import { SIGNATURE_PLACEHOLDERS, formatSignatureDate, renderSignature } from '../../../utils/signature';
import { FIELD_LIMITS } from '../field-limits';
import { ChangedElsewhere, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';

const PART = { signature: true } as const;
const MAX_LENGTH = FIELD_LIMITS.signature.maxLength;
/** A made-up ticket number for the preview. */
const PREVIEW_TICKET = '12345';

const read = (s: Settings) => s.signature;
const write = (template: string, s: Settings): Settings => ({ ...s, signature: template });

export function SignatureSection({ settings, save }: SectionProps) {
  // Checked while typing: the template's problems show before saving.
  const d = useSectionDraft({ persist: 'signature', settings, save, read, write, part: PART, live: true });
  const template = d.draft;
  const textarea = useRef<HTMLTextAreaElement>(null);

  const problem = d.errorFor('signature');
  const tooLong = template.length > MAX_LENGTH;
  const name = settings.identity.name.trim();

  const preview = useMemo(
    () =>
      renderSignature(template, {
        name: name || 'Your Name',
        email: settings.identity.email || 'you@example.org',
        date: formatSignatureDate(new Date(), settings.rotation.timeZone),
        ticket: PREVIEW_TICKET,
      }),
    [template, name, settings.identity.email, settings.rotation.timeZone],
  );

  const edit = (next: string) => d.setDraft(next);

  /** Puts a placeholder at the caret, like typing it. */
  const insertPlaceholder = (placeholder: string) => {
    const ta = textarea.current;
    const token = `{${placeholder}}`;
    if (!ta) return edit(template + token);
    const start = ta.selectionStart ?? template.length;
    const end = ta.selectionEnd ?? template.length;
    edit(template.slice(0, start) + token + template.slice(end));
    requestAnimationFrame(() => {
      ta.focus();
      ta.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <section id="signature" data-gta="options-signature" aria-labelledby="gta-signature-title">
      <h2 id="gta-signature-title">Signature</h2>
      <p class="gta-hint">
        The <strong>Insert signature</strong> button next to a ticket&apos;s New Update box (or Alt+Shift+S) inserts
        this at the cursor. It is never inserted twice into the same update.
      </p>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit}>
        <label for="gta-signature-template">Template</label>
        <textarea
          id="gta-signature-template"
          ref={textarea}
          rows={6}
          spellcheck={false}
          value={template}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby="gta-signature-placeholders gta-signature-problem"
          onInput={(e) => edit((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="gta-row" id="gta-signature-placeholders">
          <span class="gta-hint">Placeholders:</span>
          {SIGNATURE_PLACEHOLDERS.map((p) => (
            <button
              type="button"
              key={p}
              class="gta-chip"
              title={`Insert {${p}} at the cursor`}
              onClick={() => insertPlaceholder(p)}
            >
              {`{${p}}`}
            </button>
          ))}
          <span class="gta-hint">
            {'{name}'} and {'{email}'} come from Identity, {'{date}'} is today (team time zone), {'{ticket}'} the ticket
            number.
          </span>
        </div>
        <div id="gta-signature-problem">
          {problem && (
            <p class="gta-error" role="alert" data-gta="signature-template-error">
              {tooLong
                ? `The signature is ${template.length} characters long; the limit is ${MAX_LENGTH}.`
                : `This template has an ${problem}.`}
            </p>
          )}
        </div>

        <h3 class="gta-subhead" id="gta-signature-preview-title">
          Preview
        </h3>
        <pre class="gta-preview" data-gta="signature-preview" aria-labelledby="gta-signature-preview-title" aria-live="polite">
          {preview}
        </pre>
        {!name && (
          <p class="gta-hint gta-warn">
            Set your name under <a href="#identity">Identity</a>: until then the button explains what is missing instead
            of inserting.
          </p>
        )}

        <SaveActions
          draft={d}
          gta="signature-save"
          label="Save signature"
          after={
            <button
              type="button"
              onClick={() => edit(DEFAULT_SIGNATURE)}
              disabled={template === DEFAULT_SIGNATURE}
              title="Dashes, your name, OSG Software Support and the support address"
            >
              Use the standard signature
            </button>
          }
        />
      </form>
    </section>
  );
}
