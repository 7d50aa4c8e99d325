/** E-mail to ticket (issue 9 part 1): parse a pasted e-mail, build the new-ticket draft. Pure. */
export { parseEmail, INPUT_MAX, EARLIER_MAX } from './parse';
export { newTicketDraft, DETAIL_MAX } from './to-ticket';
export type { NewTicketDraft, ParsedEmail } from './types';
