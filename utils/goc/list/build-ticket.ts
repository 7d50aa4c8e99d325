/**
 * One raw row → one `ListTicket`. Both parsers (and the live-page feature, row by row) end here,
 * so they agree by construction.
 */
import { cellLines, cellValue, dateValue } from './cell-text';
import type { ColumnKey, ListTicket, RawCell, RawRow } from './model';

const RED = /^(red|#f00|#ff0000|rgb\(\s*255\s*,\s*0\s*,\s*0\s*\))$/i;

const ID_FROM_ONCLICK = /\/(\d+)['"]/;

/** Builds one ticket from a row's cells (aligned with `columns`). Returns null for unreadable rows. */
export function buildTicket(columns: readonly (ColumnKey | null)[], row: RawRow): ListTicket | null {
  const cellOf = (key: ColumnKey): RawCell | undefined => {
    const index = columns.indexOf(key);
    return index >= 0 ? row.cells[index] : undefined;
  };
  const idText = cellValue(cellOf('id')) ?? '';
  let id = /^\d+$/.test(idText) ? Number(idText) : NaN;
  if (Number.isNaN(id) && row.onclick) {
    const match = row.onclick.match(ID_FROM_ONCLICK);
    if (match) id = Number(match[1]);
  }
  if (!Number.isSafeInteger(id) || id <= 0) return null;

  const nadCell = cellOf('nad');
  const assigneeCell = cellOf('assignees');
  const ccCell = cellOf('ccs');
  const ccText = ccCell ? cellValue(ccCell) : null;
  const ccsHidden = ccText === '(Hidden)';
  let ccs: string[] | null = null;
  if (ccCell && !ccsHidden) {
    ccs = cellLines(ccCell)
      .flatMap((line) => line.split('|'))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return {
    id,
    title: cellValue(cellOf('title')) ?? '',
    submitter: cellValue(cellOf('submitter')),
    submitDate: dateValue(cellOf('submitDate')),
    type: cellValue(cellOf('type')),
    updateDate: dateValue(cellOf('updateDate')),
    nextAction: cellValue(cellOf('nextAction')),
    nad: dateValue(nadCell),
    nadPastByColour: nadCell ? nadCell.fontColor !== null && RED.test(nadCell.fontColor) : null,
    priority: cellValue(cellOf('priority')),
    assignees: assigneeCell ? cellLines(assigneeCell) : null,
    ccs,
    ccsHidden,
    meta: {
      resource: cellValue(cellOf('resource')),
      resourceGroup: cellValue(cellOf('resourceGroup')),
      supportCenter: cellValue(cellOf('supportCenter')),
      virtualOrganization: cellValue(cellOf('virtualOrganization')),
      submittedVia: cellValue(cellOf('submittedVia')),
      ggusTicketType: cellValue(cellOf('ggusTicketType')),
      ggusTicketId: cellValue(cellOf('ggusTicketId')),
      snowTicketId: cellValue(cellOf('snowTicketId')),
    },
  };
}
