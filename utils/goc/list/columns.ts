/**
 * Header text → column. Columns are mapped by header text (NBSP-normalised), never by position:
 * the server sends 19 fixed columns, but the live table only keeps the visible ones, in the user's
 * order (docs/goc-pages.md §10).
 */
import { cleanText } from './cell-text';
import { BR_MARK, type ColumnKey } from './model';

/** Header text (lower case, single spaces) → column. Aliases cover older eras' wording. */
const HEADER_TO_COLUMN: Record<string, ColumnKey> = {
  id: 'id',
  '#': 'id',
  submitter: 'submitter',
  'submit date': 'submitDate',
  'submitted date': 'submitDate',
  title: 'title',
  type: 'type',
  'ticket type': 'type',
  'update date': 'updateDate',
  'last update': 'updateDate',
  'next action': 'nextAction',
  nad: 'nad',
  'next action date': 'nad',
  priority: 'priority',
  assignees: 'assignees',
  assignee: 'assignees',
  ccs: 'ccs',
  cc: 'ccs',
  resource: 'resource',
  'resource group': 'resourceGroup',
  'support center': 'supportCenter',
  'virtual organization': 'virtualOrganization',
  'submitted via': 'submittedVia',
  'ggus ticket type': 'ggusTicketType',
  'ggus ticket id': 'ggusTicketId',
  'snow ticket id': 'snowTicketId',
};

/** What the background needs to classify a ticket; without these the page "changed". */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['id', 'title', 'nextAction', 'assignees'];

/** The key of a header cell's text, e.g. "Next\u00a0Action" → "next action". */
export function headerKey(text: string): string {
  return cleanText(text.replaceAll(BR_MARK, ' ')).toLowerCase();
}

export function columnForHeader(text: string): ColumnKey | null {
  return HEADER_TO_COLUMN[headerKey(text)] ?? null;
}
