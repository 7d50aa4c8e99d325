// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bodyTextOf, chronological, parseTicket, readTicket } from '../../../../utils/goc/ticket';
import { editorPage, showMoreBody, viewerPage } from '../../helpers/ticket-pages';

function docFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const EDITOR = editorPage({
  id: 12345,
  title: 'CE fails with &#60;b&#62; error &amp; more',
  user: 'Alain Roy',
  submitterName: 'Jane Smith',
  submitterEmail: 'jane.smith@physics.wisc.example.edu',
  checklist: [
    [0, 'osg-software-support-stream', 'Software Support (Triage)', true],
    [0, 'aroy', 'Alain Roy', false],
    [1, 'matyas', 'Mat Selmeci', true],
    [1, 'rquick', 'Rob Quick', false],
  ],
  updates: [
    {
      datetime: '2018-01-03T10:00:00+00:00',
      by: 'Mat Selmeci',
      bodyHtml: 'Fixed in osg-ce 3.4.2&#58; please update.\n\nThanks,\nMat',
      meta: 'SUBMITTER_DN=/CN=x',
      history: 'Appended a Description',
    },
    {
      datetime: '2018-01-02T09:00:00+00:00',
      bodyHtml: showMoreBody(
        Array.from({ length: 35 }, (_, i) => `log line ${i + 1}`),
        ['more log', '', '------------------------------------', 'Alain Roy', 'OSG Software Support'],
      ),
    },
    {
      datetime: '2018-01-01T08:00:00+00:00',
      by: 'OSG-GOC',
      bodyHtml: 'My CE fails.\n\nby Jane Smith (guest)',
    },
  ],
});

describe('parseTicket: editor', () => {
  const doc = docFrom(EDITOR);
  const ticket = parseTicket(doc);

  it('reads id, title (decoded), mode and submitter', () => {
    expect(ticket.id).toBe(12345);
    expect(ticket.title).toBe('CE fails with <b> error & more');
    expect(ticket.mode).toBe('editor');
    expect(ticket.submitter).toEqual({
      name: 'Jane Smith',
      email: 'jane.smith@physics.wisc.example.edu',
      submitterName: 'Jane Smith',
    });
    expect(ticket.hasNewUpdateBox).toBe(true);
  });

  it('reads assignees from checked checklist boxes with their FP ids', () => {
    expect(ticket.assignees).toEqual([
      { name: 'Software Support (Triage)', fpid: 'osg-software-support-stream' },
      { name: 'Mat Selmeci', fpid: 'matyas' },
    ]);
  });

  it('reads every update: time, header author, decoded body', () => {
    expect(ticket.updates).toHaveLength(3);
    const [newest, middle, oldest] = ticket.updates;
    expect(newest).toMatchObject({ index: 0, time: '2018-01-03T10:00:00+00:00', byHeader: 'Mat Selmeci' });
    expect(newest.timeMs).toBe(Date.parse('2018-01-03T10:00:00Z'));
    expect(newest.bodyText).toBe('Fixed in osg-ce 3.4.2: please update.\n\nThanks,\nMat');
    expect(middle.byHeader).toBeNull();
    expect(oldest.byHeader).toBe('OSG-GOC');
  });

  it('includes the Show More part but never the button or script text', () => {
    const body = ticket.updates[1].bodyText;
    expect(body).toContain('log line 35\nmore log');
    expect(body.trimEnd().endsWith('Alain Roy\nOSG Software Support')).toBe(true);
    expect(body).not.toContain('Show More');
    expect(body).not.toContain('click(function');
  });

  it('does not read meta or history blocks as updates', () => {
    expect(ticket.updates.map((u) => u.bodyText).join('\n')).not.toContain('SUBMITTER_DN');
    expect(ticket.updates.map((u) => u.bodyText).join('\n')).not.toContain('Appended a Description');
  });

  it('returns element references beside the model, in the same order', () => {
    const { nodes } = readTicket(doc);
    expect(nodes.updates).toHaveLength(3);
    expect(nodes.updates[0].header?.querySelector('b')?.textContent).toBe('Mat Selmeci');
    expect(nodes.form?.id).toBe('ticket_form');
    expect(nodes.textarea?.name).toBe('description');
    expect(nodes.updatesContainer?.id).toBe('updates');
  });

  it('orders updates oldest first whatever the page order', () => {
    expect(chronological(ticket.updates).map((u) => u.index)).toEqual([2, 1, 0]);
  });
});

describe('parseTicket: read-only and guest views', () => {
  const base = {
    id: 777,
    title: 'Question about HTCondor-CE',
    fullName: 'Hans Mueller',
    email: 'hmueller@fnal.example.gov',
    submitter: 'Hans Mueller',
    assignees: [
      ['Software Support (Triage)', 'OSG Software Team'],
      ['Tim Theisen', 'OSG Software Team'],
    ] as [string, string][],
    updates: [{ datetime: '2018-02-01T08:00:00+00:00', by: 'Hans Mueller', bodyHtml: 'Hello' }],
  };

  it('reads the signed-in read-only view', () => {
    const doc = docFrom(viewerPage({ ...base, user: 'Pat Viewer' }));
    const ticket = parseTicket(doc);
    expect(ticket).toMatchObject({ id: 777, title: 'Question about HTCondor-CE', mode: 'viewer', hasNewUpdateBox: true });
    expect(ticket.submitter).toEqual({ name: 'Hans Mueller', email: 'hmueller@fnal.example.gov', submitterName: 'Hans Mueller' });
    expect(ticket.assignees).toEqual([
      { name: 'Software Support (Triage)', fpid: null },
      { name: 'Tim Theisen', fpid: null },
    ]);
    expect(readTicket(doc).nodes.form?.getAttribute('action')).toContain('viewer/updatebasic');
  });

  it('reads the guest view: no e-mail, no New Update box, updates nested in .ticketgui', () => {
    const doc = docFrom(viewerPage({ ...base, user: null }));
    const ticket = parseTicket(doc);
    expect(ticket.submitter.email).toBe('');
    expect(ticket.hasNewUpdateBox).toBe(false);
    expect(ticket.updates).toHaveLength(1);
    expect(ticket.updates[0].byHeader).toBe('Hans Mueller');
  });
});

describe('bodyTextOf', () => {
  it('keeps text of our JIRA links but skips other extension UI', () => {
    const doc = docFrom('<pre>see <a data-gta="jira-link">SOFTWARE-1</a> now<span data-gta="x">NOISE</span></pre>');
    expect(bodyTextOf(doc.querySelector('pre'))).toBe('see SOFTWARE-1 now');
  });

  it('turns <br> into line breaks and tolerates a missing body', () => {
    const doc = docFrom('<pre>a<br>b</pre>');
    expect(bodyTextOf(doc.querySelector('pre'))).toBe('a\nb');
    expect(bodyTextOf(null)).toBe('');
  });

  it('reads a page with no updates and no title without throwing', () => {
    const ticket = parseTicket(docFrom('<html><body><div id="updates"></div></body></html>'));
    expect(ticket).toMatchObject({ id: null, title: '', updates: [], assignees: [], hasNewUpdateBox: false });
  });
});
