/** Builds a /list/open row as the parser returns it: every column empty unless given. */
import type { ListTicket } from '../../../../utils/goc/list';

export function listTicket(over: Partial<ListTicket> = {}): ListTicket {
  return {
    id: 1,
    title: 't',
    submitter: null,
    submitDate: null,
    type: null,
    updateDate: null,
    nextAction: null,
    nad: null,
    nadPastByColour: null,
    priority: null,
    assignees: [],
    ccs: null,
    ccsHidden: false,
    meta: {
      resource: null,
      resourceGroup: null,
      supportCenter: null,
      virtualOrganization: null,
      submittedVia: null,
      ggusTicketType: null,
      ggusTicketId: null,
      snowTicketId: null,
    },
    ...over,
  };
}
