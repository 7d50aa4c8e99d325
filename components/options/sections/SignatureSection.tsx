/**
 * Options section "Signature": the template the signature button inserts, with a live preview.
 * A template with placeholders other than {name}, {email}, {date}, {ticket} is refused (and not
 * saved) with a message naming them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_SIGNATURE } from '../../../utils/settings';
import {
  SIGNATURE_PLACEHOLDERS,
  describeUnknownPlaceholders,
  formatSignatureDate,
  renderSignature,
} from '../../../utils/signature';
import type { SectionProps } from '../types';
import { SaveStatus } from './IdentitySection';

const MAX_LENGTH = 2000;
/** A made-up ticket number for the preview. */
const PREVIEW_TICKET = '12345';

export function SignatureSection({ settings, save }: SectionProps) {
  const [template, setTemplate] = useState(settings.signature);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => setTemplate(settings.signature), [settings.signature]);

  const problem = describeUnknownPlaceholders(template);
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

  const edit = (next: string) => {
    setTemplate(next);
    setStatus(null);
  };

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

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (problem) return setStatus({ ok: false, text: `Not saved: ${problem}.` });
    if (tooLong) return setStatus({ ok: false, text: `Not saved: the signature is longer than ${MAX_LENGTH} characters.` });
    const error = await save({ ...settings, signature: template });
    setStatus(error ? { ok: false, text: `Not saved. ${error}` } : { ok: true, text: 'Saved.' });
  };

  return (
    <section id="signature" data-gta="options-signature" aria-labelledby="gta-signature-title">
      <h2 id="gta-signature-title">Signature</h2>
      <p class="gta-hint">
        The <strong>Insert signature</strong> button next to a ticket&apos;s New Update box (or Alt+Shift+S) inserts
        this at the cursor. It is never inserted twice into the same update.
      </p>
      <form onSubmit={onSubmit}>
        <label for="gta-signature-template">Template</label>
        <textarea
          id="gta-signature-template"
          ref={textarea}
          rows={6}
          spellcheck={false}
          value={template}
          aria-invalid={problem || tooLong ? 'true' : undefined}
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
              This template has an {problem}.
            </p>
          )}
          {tooLong && (
            <p class="gta-error" role="alert" data-gta="signature-template-error">
              The signature is {template.length} characters long; the limit is {MAX_LENGTH}.
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

        <div class="gta-row gta-actions">
          <button type="submit" class="gta-primary" data-gta="signature-save">
            Save signature
          </button>
          <button
            type="button"
            onClick={() => edit(DEFAULT_SIGNATURE)}
            disabled={template === DEFAULT_SIGNATURE}
            title="Dashes, your name, OSG Software Support and the support address"
          >
            Use the standard signature
          </button>
          {template !== settings.signature && !status && <span class="gta-hint">Unsaved changes</span>}
          <SaveStatus status={status} />
        </div>
      </form>
    </section>
  );
}
