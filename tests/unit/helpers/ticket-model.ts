import type { TicketModel } from '../../../utils/goc/ticket';

/**
 * A parsed ticket (what `parseTicket` returns) for tests of the features that read one: ticket 4242,
 * "xrootd crashes", submitted by Jane Smith, opened in the editor. Each test file passes the
 * assignees and updates its rules are about.
 */
export function ticketModel(over: Partial<TicketModel> = {}): TicketModel {
  return {
    id: 4242,
    title: 'xrootd crashes',
    mode: 'editor',
    submitter: { name: 'Jane Smith', email: 'jane.smith@x.example.edu', submitterName: 'Jane Smith' },
    assignees: [],
    updates: [],
    hasNewUpdateBox: true,
    ...over,
  };
}
