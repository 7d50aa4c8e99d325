/** Messages between the popup and the background: e-mail to ticket (issue 9). */

/** What became of a pasted e-mail. */
export interface EmailTicketResult {
  /** The GOC new-ticket form was opened in a new tab with the draft waiting for it. */
  opened: boolean;
  /** The form's address, when opened. */
  url?: string;
  /** What could not be read from the e-mail (the form shows these too); empty when all was read. */
  problems: string[];
  /** Why nothing was opened, in words for the user. */
  error?: string;
}

export interface EmailProtocol {
  /** Popup → background: read a pasted e-mail, keep its draft, open `<queue.gocBaseUrl>/submit`. */
  openTicketFromEmail(data: { text: string }): EmailTicketResult;
}
