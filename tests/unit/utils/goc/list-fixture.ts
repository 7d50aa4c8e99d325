/**
 * Hand-made `/list/open` server HTML following docs/goc-pages.md §10 (19 fixed columns, header names with
 * &nbsp;, no tbody, N/A spans, coloured NAD/priority fonts, `<br>`-separated assignees with &nbsp;
 * inside names, CCs joined by " | " or "(Hidden)" for guests). Used where the simulator's own
 * renderer is not the point of the test.
 */
export interface FixtureTicket {
  id: number;
  submitter?: string | null;
  submitDate?: string;
  title: string;
  type?: string;
  updateDate?: string;
  nextAction?: string;
  nad?: string | null;
  nadRed?: boolean;
  priority?: string;
  /** Display names; '' gives a blank line (unknown FP id). */
  assignees?: string[];
  ccs?: string[];
  meta?: Partial<Record<(typeof META_HEADERS)[number], string>>;
}

export const HEADERS = [
  'ID',
  'Submitter',
  'Submit Date',
  'Title',
  'Type',
  'Update Date',
  'Next Action',
  'NAD',
  'Priority',
  'Assignees',
  'CCs',
] as const;
export const META_HEADERS = [
  'Resource',
  'Resource Group',
  'Support Center',
  'Virtual Organization',
  'Submitted Via',
  'GGUS Ticket Type',
  'GGUS Ticket ID',
  'SNOW Ticket ID',
] as const;

const NA = '<span class="muted">N/A</span>';

function esc(text: string): string {
  // PHP htmlentities for plain-text cells
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function plain(value: string | null | undefined): string {
  return value === undefined || value === null || value === '' ? NA : esc(value);
}

export interface FixtureOptions {
  guest?: boolean;
  userName?: string;
  /** Drop these meta columns (older layouts). */
  omitMeta?: readonly string[];
  /** Rename header cells (changed-markup variants). */
  headerOverride?: Partial<Record<string, string>>;
  tableId?: string;
  base?: string;
}

export function renderListHtml(tickets: FixtureTicket[], options: FixtureOptions = {}): string {
  const base = options.base ?? '';
  const meta = META_HEADERS.filter((h) => !(options.omitMeta ?? []).includes(h));
  const headers = [...HEADERS, ...meta];
  const th = headers
    .map((h, i) => {
      const name = (options.headerOverride?.[h] ?? h).replace(/ /g, '&nbsp;');
      return `<th>${name}<br><input type="text" class="search" data-pos="${i}" placeholder="Search"></th>`;
    })
    .join('\n');
  const rows = tickets
    .map((t) => {
      const nad =
        t.nad === null || t.nad === undefined ? NA : `<font color="${t.nadRed ? 'red' : '#c90'}">${t.nad}</font>`;
      const priority = t.priority ?? 'Normal';
      const prio = /Critical|High/.test(priority)
        ? `<font color="red">${priority}</font>`
        : priority === 'Elevated'
          ? `<font color="#c90">${priority}</font>`
          : priority;
      const assignees = (t.assignees ?? []).map((a) => a.replace(/ /g, '&nbsp;')).join('<br>');
      const ccs = options.guest ? '(Hidden)' : (t.ccs ?? []).length ? `${esc((t.ccs ?? []).join(' | '))}<br>` : NA;
      const cells = [
        String(t.id),
        plain(t.submitter ?? 'Someone'),
        plain(t.submitDate ?? '2018-03-01'),
        t.title,
        plain(t.type ?? 'Problem/Request'),
        plain(t.updateDate ?? '2018-03-02'),
        plain(t.nextAction ?? 'ENG Action'),
        nad,
        prio,
        assignees,
        ccs,
        ...meta.map((h) => plain(t.meta?.[h])),
      ];
      return `<tr onclick="window.name='gocticket_list'; window.open('${base}/${t.id}','ticket_${t.id}');">\n${cells
        .map((c) => `  <td>${c}</td>`)
        .join('\n')}\n</tr>`;
    })
    .join('\n');
  const user = options.guest
    ? `<li><a href="${base}/sso/">Login</a></li>`
    : `<li class="dropdown"><a href="#" id="menu_user" class="dropdown-toggle" data-toggle="dropdown">${esc(
        options.userName ?? 'Alain Roy',
      )} <span class="caret"></span></a><ul class="dropdown-menu"><li><a href="/logout/">Logout</a></li></ul></li>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><base href="${base}/"><title>Open Tickets</title>
<script>var x = "<td>not a cell</td>";</script></head>
<body>
<div class="navbar navbar-inverse navbar-fixed-top"><div class="navbar-inner"><div class="container-fluid">
<a class="brand" href="#">GOC Ticket</a>
<ul class="nav pull-right">${user}</ul>
</div></div></div>
<div class="container-fluid ticket-list" style="display:none">
<a href="rss" type="application/rss+xml" style="float:right">RSS</a>
<ul class="nav nav-tabs"><li class="active"><a href="list/open">Open</a></li><li><a href="list/recentclose">Recently Closed</a></li></ul>
<table id="${options.tableId ?? 'tickets'}" class="display">
<thead><tr>
${th}
</tr></thead>
${rows}
</table>
</div>
<footer>GOC Ticket Version 1.91</footer>
</body></html>`;
}

export const LOGIN_PAGE_HTML = `<!DOCTYPE html><html><head><title>CILogon - Select an Identity Provider</title></head>
<body><h1>Log On</h1><form action="https://cilogon.org/authorize" method="post"><select name="idp"><option>University of Wisconsin-Madison</option></select>
<input type="submit" value="Log On"></form></body></html>`;

export const APP_LOGIN_PAGE_HTML = `<!DOCTYPE html><html><head><title>GOC Ticket</title></head>
<body><div class="navbar"><ul class="nav pull-right"><li><a href="/sso/">Login</a></li></ul></div>
<div class="container"><p>Please log in.</p><form method="post" action="/sso/login"><input name="user"><input type="password" name="pw"></form></div></body></html>`;

export const ERROR_PAGE_HTML = `<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>
<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>`;
