/**
 * The `/list/open` row model (docs/goc-pages.md §10): what both parsers produce, and the raw cell
 * and row shapes they reduce the table to before `buildTicket` reads them. Types and one constant
 * only, so every other module of the list parser can import it without pulling in a parser.
 */

export type ColumnKey =
  | 'id'
  | 'submitter'
  | 'submitDate'
  | 'title'
  | 'type'
  | 'updateDate'
  | 'nextAction'
  | 'nad'
  | 'priority'
  | 'assignees'
  | 'ccs'
  | 'resource'
  | 'resourceGroup'
  | 'supportCenter'
  | 'virtualOrganization'
  | 'submittedVia'
  | 'ggusTicketType'
  | 'ggusTicketId'
  | 'snowTicketId';

export interface ListTicketMeta {
  resource: string | null;
  resourceGroup: string | null;
  supportCenter: string | null;
  virtualOrganization: string | null;
  submittedVia: string | null;
  ggusTicketType: string | null;
  ggusTicketId: string | null;
  snowTicketId: string | null;
}

/**
 * One open ticket. A field is `null` when its column is absent (hidden on the live page, or missing
 * in an older layout) or the cell says N/A.
 */
export interface ListTicket {
  id: number;
  title: string;
  submitter: string | null;
  /** YYYY-MM-DD */
  submitDate: string | null;
  type: string | null;
  /** YYYY-MM-DD */
  updateDate: string | null;
  nextAction: string | null;
  /** YYYY-MM-DD */
  nad: string | null;
  /** The server colours a past NAD red (docs/goc-pages.md §8); null when the NAD column is absent. */
  nadPastByColour: boolean | null;
  priority: string | null;
  /** Display names, one per `<br>` line; blank lines dropped. null when the column is absent. */
  assignees: string[] | null;
  /** Addresses; null when hidden from guests ("(Hidden)") or the column is absent. */
  ccs: string[] | null;
  ccsHidden: boolean;
  meta: ListTicketMeta;
}

export type ListParseResult =
  | {
      status: 'list';
      /** `#menu_user` present (docs/goc-pages.md §11). A guest still sees the list, minus Security tickets and CCs. */
      signedIn: boolean;
      userName: string | null;
      tickets: ListTicket[];
      columns: ColumnKey[];
      /** Rows that could not be read (no id, wrong cell count); the rest of the list still counts. */
      skippedRows: number;
    }
  | { status: 'login'; reason: string }
  | { status: 'unrecognised'; reason: string };

export interface ListParseOptions {
  /** Columns that must be present for the page to count as the list. Live-page callers pass []. */
  required?: readonly ColumnKey[];
}

/** A cell reduced to what both parsers can see the same way. */
export interface RawCell {
  /** Text with every `<br>` as BR_MARK; entities decoded once (HTML level). */
  text: string;
  /** `color` of the first `<font>` in the cell, lower case, or null. */
  fontColor: string | null;
  /** The cell holds `span.muted` (the server's N/A marker). */
  muted: boolean;
}

export interface RawRow {
  cells: RawCell[];
  /** The row's inline onclick, which carries the ticket URL (the id when the ID column is hidden). */
  onclick: string | null;
}

/** Stands for `<br>` inside cell text until lines are split. */
export const BR_MARK = '\u0001';
