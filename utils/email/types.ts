/**
 * E-mail to ticket (issue 9): the shapes shared by the parser (utils/email/parse.ts), the draft
 * builder (utils/email/to-ticket.ts) and the code that carries a draft to the GOC new-ticket form.
 * Pure types: no browser APIs.
 */

/** What a pasted e-mail says, as far as it can be read. Every string is plain text (never HTML). */
export interface ParsedEmail {
  /** The sender's display name ("" when the From line has none, or there is no From line). */
  fromName: string;
  /** The sender's address, lower-cased ("" when none was found). */
  fromAddress: string;
  /** The subject without Re:/Fwd:/AW:/… prefixes ("" when none). */
  subject: string;
  /** The Date header as written ("" when none). */
  date: string;
  /** Addresses from To and Cc. */
  to: string[];
  cc: string[];
  /** The writer's own words (quoted-printable soft breaks decoded), with the quoted history removed. */
  body: string;
  /** The quoted history that was removed (earlier messages), kept so nothing is lost; "" when none. */
  earlier: string;
  /** What could not be read, in words for the user ("No sender address found: fill in the e-mail"). */
  problems: string[];
  /** A phone number from a labelled signature line ("Phone: +1 608 555 0100"), when there is one. */
  phone?: string;
}

/** What the extension fills into the new-ticket form (docs/goc-pages.md, the new-ticket form). */
export interface NewTicketDraft {
  name: string;
  email: string;
  title: string;
  detail: string;
  /** Addresses to add in the CC area when the form has one (the user's own address). */
  cc: string[];
  /** Hints shown beside the form for what the e-mail did not give (phone, a missing sender, …). */
  hints: string[];
  /** When the draft was made (ms since epoch); drafts older than a day are dropped unused. */
  createdAt: number;
  /** The sender's phone from the e-mail's signature (for the form's phone field), when found. */
  phone?: string;
}
