// @vitest-environment happy-dom
/** The simulator's pure renderers produce the markup docs/goc-pages.md describes (parsed here by happy-dom's HTML parser). */
import { describe, expect, it } from 'vitest';
import {
  SimState, renderTicketPage, renderListPage, renderBodyHtml, PERSONAS, XSS_JS, SOFTWARE_TEAM_INDEX, SUPPORT_CENTERS_TEAM_INDEX,
  EDITOR_TEAMS, type SimTicket, type ViewContext,
} from '../../goc-sim/server.mjs';

const NOW = Date.parse('2026-03-04T15:27:00Z');
const state = new SimState({ seed: 1, now: NOW });
const persona = (id: string) => PERSONAS.get(id)!;
const view = (user: string | null, extra: Partial<ViewContext> = {}): ViewContext => ({
  base: '', origin: 'https://ticket.opensciencegrid.org', user: user ? persona(user) : null, now: NOW, flash: null, variant: 'normal', query: '', ...extra,
});
/** happy-dom would try to fetch stylesheets and library scripts: parse without them. */
const parse = (html: string) =>
  new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, '').replace(/<script src=[^>]*><\/script>/g, ''), 'text/html');
const byTag = (tag: string) => state.tickets.filter((t) => t.tags.includes(tag));
const ticketDoc = (t: SimTicket, user: string | null, query = {}, extra: Partial<ViewContext> = {}) =>
  parse(renderTicketPage(state.viewTicket(t), view(user, extra), query));

describe('list page', () => {
  const html = renderListPage(state.openTickets(), view('aroy'));
  const doc = parse(html);
  const rows = [...doc.querySelectorAll('table#tickets tr')].slice(1);

  it('has 19 cells in every row and no explicit tbody in the server HTML', () => {
    expect(rows.length).toBe(state.openTickets().filter((t) => t.type !== 'Security').length);
    for (const r of rows) expect(r.querySelectorAll('td')).toHaveLength(19);
    expect(html).not.toMatch(/<tbody/i);
    expect(doc.querySelector('div.container-fluid.ticket-list')).not.toBeNull();
  });

  it('names headers with NBSP and puts input.search[data-pos] in each', () => {
    const th = [...doc.querySelectorAll('#tickets thead th')];
    expect(th).toHaveLength(19);
    expect(th[2].textContent).toBe('Submit\u00a0Date');
    th.forEach((h, i) => expect(h.querySelector('input.search')?.getAttribute('data-pos')).toBe(String(i)));
  });

  it('renders assignees with NBSP names joined by <br>, coloured NAD and priority, inline row onclick', () => {
    const t = state.tickets.find((x) => x.tags.includes('triaged') && x.tags.includes('software') && x.tags.includes('overdue'))!;
    const row = rows.find((r) => r.querySelector('td')!.textContent === String(t.id))!;
    const cells = row.querySelectorAll('td');
    expect(cells[9].innerHTML).toContain('<br>');
    expect(cells[9].textContent).toContain('Software\u00a0Support\u00a0(Triage)');
    expect(cells[7].querySelector('font')?.getAttribute('color')).toBe('red');
    expect(row.getAttribute('onclick')).toBe(`window.name = 'gocticket_list'; window.open('/${t.id}','ticket_${t.id}');`);
    expect(row.querySelector('a')).toBeNull();
    expect(rows.some((r) => r.querySelectorAll('td')[18].innerHTML === '<span class="muted">N/A</span>')).toBe(true);
  });

  it('hides CCs from guests and drops Security rows for them', () => {
    const guest = parse(renderListPage(state.openTickets(), view(null)));
    const cells = [...guest.querySelectorAll('#tickets tr')].slice(1).map((r) => r.querySelectorAll('td')[10].textContent);
    expect(new Set(cells)).toEqual(new Set(['(Hidden)']));
    const sec = byTag('security')[0];
    expect(guest.body.textContent).not.toContain(sec.title);
    expect(parse(renderListPage(state.openTickets(), view('rquick'))).body.textContent).toContain(sec.title);
  });

  it('changes id and column order under the markup fault', () => {
    const changed = parse(renderListPage(state.openTickets(), view('aroy', { variant: 'changed' })));
    expect(changed.querySelector('table#tickets')).toBeNull();
    expect(changed.querySelector('table#ticket-table thead th')?.textContent).toBe('ID');
    expect(changed.querySelectorAll('table#ticket-table thead th')[1].textContent).toBe('Assignees');
  });
});

describe('ticket page', () => {
  const long = byTag('long-signature').find((t) => t.tags.includes('scenario-long-signature'))!;

  it('editor: form#ticket_form without action or method, all §3.3 fields, #updates a later sibling', () => {
    const t = byTag('attachments')[0];
    const doc = ticketDoc(t, 'aroy');
    const form = doc.querySelector('form#ticket_form')!;
    expect(form.hasAttribute('action') || form.hasAttribute('method')).toBe(false);
    for (const sel of [
      'input[type=hidden][name=id]', '.input-prepend .add-on', 'input.span7[name=title]', 'input#careof', 'input[name=submitter_name]',
      'input[name=submitter_email]', 'input[name=submitter_phone]', '.ccarea', 'select[name=metadata_r]', 'select[name=metadata_sc]',
      'select[name=metadata_vo]', 'select[name=ticket_type]', 'select[name=priority]', 'select[name=status] option.ticketid',
      'input[name=next_action]', 'input[name=nad]', 'select#ticket_links[multiple]', 'select.quickdesc[name=quickdesc]',
      'textarea.description[name=description]', '.form-actions button[type=submit].btn.btn-primary', '#notify1[name=notify_assignees]',
      '#notify2[name=notify_submitter]', '#notify3[name=notify_ccs]', '#closewindow_area input#closewindow[name=closewindow]',
      'input[name="metadata[SUBMITTER_NAME]"][disabled]', '#fileupload.well span.fileinput-button input#fileupload[type=file][name="files[]"][multiple]',
      'div#files.files',
    ]) {
      expect(form.querySelector(sel), sel).not.toBeNull();
    }
    expect(doc.querySelector('select#ticket_links')!.hasAttribute('name')).toBe(false);
    expect(doc.querySelector('div#loading_backdrop')).not.toBeNull();
    expect(doc.querySelector('.ticketgui #updates')).toBeNull();
    expect(doc.querySelector('.container-fluid > #updates')).not.toBeNull();
    expect(doc.querySelector('.page-header')).toBeNull();
    expect(doc.querySelector('#menu_user')!.textContent!.trim()).toBe('Alain Roy');
    expect(doc.querySelector('#menu_user span.caret')).not.toBeNull();
  });

  it('editor: attachment rows are not in the HTML; the page script lists them from attachment/list and deletes by onclick', () => {
    const t = byTag('attachments')[0];
    expect(t.attachments.length).toBeGreaterThan(0);
    const html = renderTicketPage(state.viewTicket(t), view('aroy'));
    const doc = parse(html);
    expect(doc.querySelectorAll('#files .file')).toHaveLength(0);
    expect(doc.querySelector('#ticket_form button.button')).toBeNull();
    expect(html).not.toContain(t.attachments[0].name);
    expect(html).toContain(`$.getJSON("https://ticket.opensciencegrid.org/attachment/list?id=${t.id}"`);
    expect(html).toContain('<button class="button" onclick="deletefile(this); return false;">&times;</button>');
    expect(html).toContain(`url: "attachment/handler?id=${t.id}&file=" + encodeURIComponent(`);
  });

  it('editor: assignee checklists and the >12-member fblist', () => {
    const t = state.tickets.find((x) => x.tags.includes('fblist-assignee') && x.assignees.some((a) => a.startsWith('sc-')))!;
    const doc = ticketDoc(t, 'rquick');
    const S = `team_${SOFTWARE_TEAM_INDEX}`;
    const C = `team_${SUPPORT_CENTERS_TEAM_INDEX}`;
    const item = doc.querySelector(`#${S}__list div.item input[name="${S}[aroy]"]`)!;
    expect(item.getAttribute('type')).toBe('checkbox');
    expect(item.id).toBe(`cl_${S}[aroy]`);
    expect(item.parentElement!.querySelector('label')!.textContent).toBe('Alain Roy');
    const fb = doc.querySelector(`div.fblist_container#${C}__list > div.fblist`)!;
    const sc = t.assignees.find((a) => a.startsWith('sc-'))!;
    expect(fb.querySelector(`input[type=hidden][name="${C}[${sc}]"][value=on]`)).not.toBeNull();
    expect(doc.querySelector(`#${C}__list input.autocomplete.ac_input`)).not.toBeNull();
    expect(doc.querySelector(`p#${C}__acnote`)).not.toBeNull();
  });

  it('editor: teams are numbered by schema index as on the real site, Software is team_2 (docs/goc-pages.md §7.1)', () => {
    const doc = ticketDoc(byTag('scenario-untriaged')[0] ?? state.tickets[0], 'rquick');
    // Each list's heading is the b.teamname right before it: index → name, in editor_teams column order.
    const heads = [...doc.querySelectorAll('#ticket_form [id^="team_"][id$="__list"]')].map((l) => {
      let prev = l.previousElementSibling;
      while (prev && !prev.matches('b.teamname')) prev = prev.previousElementSibling;
      return [l.id.replace(/__list$/, ''), prev?.textContent];
    });
    expect(SOFTWARE_TEAM_INDEX).toBe(2);
    expect(heads).toContainEqual(['team_2', 'OSG Software Team']);
    expect(heads).toContainEqual(['team_1', 'OSG Support Centers']);
    expect(heads.find(([k]) => k === 'team_1')?.[1]).not.toBe('OSG Software Team');
    expect(doc.querySelector('input[name^="team_1[osg-software-support-stream]"]')).toBeNull();
    // The real config's columns, with our Glidein team (7) appended to the middle one.
    expect(EDITOR_TEAMS).toEqual([[0, 1, 3], [2, 7], [4, 5, 6]]);
    const middle = doc.querySelectorAll('#ticket_form .row-fluid.control-group > .span4')[1];
    expect([...middle.querySelectorAll('b.teamname')].map((b) => b.textContent)[0]).toBe('OSG Software Team');
  });

  it('editor: checklist items carry the real inline handlers (no change event; the box stops its click)', () => {
    const t = byTag('scenario-triaged-fresh')[0] ?? state.tickets[0];
    const html = renderTicketPage(state.viewTicket(t), view('rquick'));
    const doc = parse(html);
    const S = `team_${SOFTWARE_TEAM_INDEX}`;
    const box = doc.querySelector<HTMLInputElement>(`input[name="${S}[aroy]"]`)!;
    const item = box.closest('div.item')!;
    expect(item.getAttribute('onclick')).toBe(`$(this).toggleClass('checked'); var i = document.getElementById('cl_${S}[aroy]'); i.checked = !i.checked;`);
    expect(box.getAttribute('onclick')).toBe(`$(this).parent('.item').toggleClass('checked'); event.stopPropagation();`);
    expect(item.querySelector('label')!.hasAttribute('for')).toBe(false);
    // No jQuery handler bound on the items any more (it would see the box's clicks the real page stops).
    expect(html).not.toMatch(/\$\(["']\.list \.item["']\)/);
  });

  it('editor: metadata selects carry OIM ids and "(not set)", chosen from the ticket metadata (Rselector/Scselector/Voselector)', () => {
    const t = state.tickets.find((x) => x.metadata?.ASSOCIATED_R_NAME && x.metadata?.ASSOCIATED_VO_NAME)!;
    const doc = ticketDoc(t, 'rquick');
    for (const [name, key] of [['metadata_r', 'ASSOCIATED_R_NAME'], ['metadata_vo', 'ASSOCIATED_VO_NAME'], ['metadata_sc', 'SUPPORTING_SC_NAME']] as const) {
      const sel = doc.querySelector<HTMLSelectElement>(`#ticket_form select[name="${name}"]`)!;
      const opts = [...sel.options];
      expect(opts[0].value, name).toBe('');
      expect(opts[0].textContent, name).toBe('(not set)');
      expect(opts.slice(1).every((o) => /^\d+$/.test(o.value)), name).toBe(true);
      const chosen = opts.filter((o) => o.hasAttribute('selected'));
      if (t.metadata[key]) {
        expect(chosen, name).toHaveLength(1);
        expect(chosen[0].textContent!.startsWith(t.metadata[key]!), name).toBe(true);
      } else expect(chosen, name).toHaveLength(0);
    }
    // A resource's label is `name (fqdn)`, its value the id.
    const r = doc.querySelector<HTMLSelectElement>('#ticket_form select[name="metadata_r"]')!;
    expect(r.options[1].textContent).toMatch(/^\S+ \(\S+\.example\.edu\)$/);
    // Select-backed keys are not also printed as disabled inputs.
    expect(doc.querySelector('input[name^="metadata[ASSOCIATED_"], input[name^="metadata[SUPPORTING_SC_"]')).toBeNull();
  });

  it('guest: read-only form posting to updatebasic, #updates nested by the attachment-list quirk, no history', () => {
    const doc = ticketDoc(long, null);
    const form = doc.querySelector('.ticketgui form.form-horizontal')!;
    expect(form.getAttribute('action')).toBe(`https://ticket.opensciencegrid.org/viewer/updatebasic?id=${long.id}`);
    expect(form.getAttribute('method')).toBe('post');
    expect(doc.querySelector('.page-header h3 span.muted')!.textContent).toBe(String(long.id));
    // Written like the real template; a browser nests #updates inside .ticketgui (smoke.mjs checks that in Chromium).
    expect(renderTicketPage(state.viewTicket(long), view(null))).toContain('<div id="attachment-list"/>');
    expect(renderTicketPage(state.viewTicket(long), view('aroy'))).not.toContain('<div id="attachment-list"/>');
    expect(doc.querySelectorAll('#updates > .update_description')).toHaveLength(long.descriptions.length);
    expect(doc.querySelector('.update_history, .meta_information, textarea.description, #menu_user')).toBeNull();
    expect(doc.querySelector('a[href$="/sso/"]')!.textContent).toBe('Login');
    expect(doc.querySelectorAll('div.control-group i.icon-lock')).toHaveLength(3);
    expect(doc.querySelectorAll('div.assignee').length).toBeGreaterThan(0);
  });

  it('signed-in viewer without update: read-only form with a New Update box and history', () => {
    const doc = ticketDoc(long, 'viewer1');
    expect(doc.querySelector('form#ticket_form')).toBeNull();
    expect(doc.querySelector('form[action$="/viewer/updatebasic?id=' + long.id + '"] textarea.description[name=description]')).not.toBeNull();
    expect(doc.querySelectorAll('#updates > .update_history').length).toBeGreaterThan(0);
    expect(doc.querySelector('.meta_information')).toBeNull(); // no view_meta
  });

  it('update headers: <time datetime>, optional by <b>NAME</b>, a.anchor[name=unix]; newest first, sort=up reverses', () => {
    const doc = ticketDoc(long, 'aroy');
    const headers = [...doc.querySelectorAll('#updates > .update_description > div.header')];
    const times = headers.map((h) => Date.parse(h.querySelector('time')!.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const h of headers) {
      expect(h.querySelector('time')!.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      expect(h.querySelector('time')!.textContent).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d\d:\d\d [AP]M UTC$/);
      expect(h.querySelector('a.anchor')!.getAttribute('name')).toBe(String(Date.parse(h.querySelector('time')!.getAttribute('datetime')!) / 1000));
    }
    expect(headers.some((h) => h.querySelector('b') === null)).toBe(false);
    const up = ticketDoc(long, 'aroy', { sort: 'up' });
    const upTimes = [...up.querySelectorAll('#updates > .update_description time')].map((x) => Date.parse(x.getAttribute('datetime')!));
    expect(upTimes).toEqual([...times].reverse());
    // goc-authored updates have no by-header.
    const dn = byTag('scenario-dn')[0];
    const dnDoc = ticketDoc(dn, 'aroy');
    expect([...dnDoc.querySelectorAll('#updates > .update_description > div.header')].some((h) => !h.querySelector('b'))).toBe(true);
  });

  it('Show More: first 35 lines, then div#show_ > button.btn, div.detail.hidden#detail_ and a script, inside the pre', () => {
    const doc = ticketDoc(long, 'aroy');
    const pre = [...doc.querySelectorAll('#updates > .update_description > pre')].find((p) => p.querySelector('button'))!;
    const show = pre.querySelector(':scope > div[id^="show_"]')!;
    expect(show.querySelector('button.btn')!.textContent).toBe('Show More');
    const detail = pre.querySelector(':scope > div.detail.hidden')!;
    expect(detail.id).toBe(show.id.replace('show_', 'detail_'));
    expect(pre.querySelector(':scope > script')).not.toBeNull();
    const visible = [...pre.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
    expect(visible.replace(/\n$/, '').split('\n')).toHaveLength(35);
    expect(detail.textContent).toMatch(/-{36}\n[^\n]+\nOSG Software Support|-- ?\n/);
    const expanded = ticketDoc(long, 'aroy', { expandall: true });
    expect(expanded.querySelector('#updates pre button, #updates pre div.detail')).toBeNull();
  });

  it('META blocks only for view_meta users, right after their description', () => {
    const t = byTag('scenario-meta')[0];
    const staff = ticketDoc(t, 'rquick');
    const meta = staff.querySelector('#updates > .meta_information > pre')!;
    expect(meta.textContent).toContain('SUBMITTER_DN');
    expect(meta.parentElement!.previousElementSibling!.classList.contains('update_description')).toBe(true);
    expect(staff.querySelector('#updates > .update_description pre')!.textContent).not.toContain('[META Information]');
  });

  it('appends same-minute history lines inside the description for signed-in users', () => {
    const t = byTag('history-appended')[0];
    const doc = ticketDoc(t, 'aroy');
    const host = [...doc.querySelectorAll('#updates > .update_description pre')].find((p) => p.textContent!.includes('Appended a Description'));
    expect(host).toBeDefined();
    expect(ticketDoc(t, null).body.textContent).not.toContain('Appended a Description');
  });

  it('special banners and the flash alert shown once per render', () => {
    const t = byTag('scenario-triaged-fresh')[0];
    const doc = ticketDoc(t, 'aroy', {}, { flash: { id: t.id } });
    expect(doc.querySelector('.alert.alert-success')!.textContent).toContain('Successfully updated ticket');
    expect(ticketDoc(t, 'aroy').querySelector('.alert-success')).toBeNull();
    expect(ticketDoc(byTag('security')[0], 'rquick').querySelector('.alert-error')).not.toBeNull();
  });

  it('serves the same page under /goc/ with <base href="/goc/">', () => {
    const t = byTag('goc-prefix')[0];
    const doc = ticketDoc(t, 'aroy', {}, { base: '/goc' });
    expect(doc.querySelector('base')!.getAttribute('href')).toBe('/goc/');
  });

  it('prints xss tickets so the page itself runs nothing, while the DOM text holds the payloads', () => {
    for (const t of byTag('xss')) {
      for (const user of [null, 'aroy']) {
        const html = renderTicketPage(state.viewTicket(t), view(user));
        const doc = parse(html);
        const scripts = [...doc.querySelectorAll('script')].map((s) => s.textContent ?? '');
        expect(scripts.some((s) => s.includes('__gtaXss'))).toBe(false);
        const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.value));
        expect(handlers.some((h) => h.includes('__gtaXss'))).toBe(false);
        expect([...doc.querySelectorAll('a[href]')].some((a) => /^\s*javascript:/i.test(a.getAttribute('href')!))).toBe(false);
        expect(doc.querySelectorAll('img, svg, iframe, object, video, audio, details, marquee, math')).toHaveLength(0);
        expect(doc.body.textContent).toContain(XSS_JS);
      }
    }
  });
});

describe('update bodies', () => {
  it('FP-encodes : > < \' and leaves & bare', () => {
    const html = renderBodyHtml("Tom's job: see <here> & there");
    expect(html).toBe('Tom&#39;s job&#58; see &#60;here&#62; & there');
  });

  it('every linked URL in a ticket page\'s update bodies opens a new window with rel=nofollow (docs/goc-pages.md §5.3)', () => {
    let seen = 0;
    // Tickets whose stored bodies hold a URL.
    for (const t of state.tickets.filter((x) => /(https?|gsiftp):\/\//.test(x.descriptions.map((d) => d.body).join('\n'))).slice(0, 12)) {
      const doc = ticketDoc(t, 'aroy');
      for (const a of doc.querySelectorAll('#updates .update_description pre a[href]')) {
        if (a.getAttribute('href')!.startsWith('mailto:')) continue;
        seen++;
        expect(a.getAttribute('target'), a.outerHTML).toBe('_blank');
        expect(a.getAttribute('rel'), a.outerHTML).toBe('nofollow');
      }
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('links only the narrow URL set; links e-mails for users and masks them for guests', () => {
    const text = 'See https://opensciencegrid.org/docs/x.html and gsiftp://gridftp.example.edu:2811/data and file:///etc/hosts\nMail jane.smith@physics.wisc.example.edu';
    const user = parse(`<pre>${renderBodyHtml(text)}</pre>`);
    const links = [...user.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://opensciencegrid.org/docs/x.html',
      'gsiftp://gridftp.example.edu:2811/data',
      'mailto:jane.smith@physics.wisc.example.edu',
    ]);
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('nofollow');
    const guest = parse(`<pre>${renderBodyHtml(text, { guest: true })}</pre>`);
    expect(guest.querySelector('a[href^="mailto:"]')).toBeNull();
    expect(guest.body.textContent).toContain('jane.smith@....');
    expect(guest.body.textContent).not.toContain('physics.wisc');
  });

  it('trims every line and greys quoted lines', () => {
    const html = renderBodyHtml('   indented line   \n> quoted: text\nplain');
    expect(html).toBe("indented line\n<font color='#7F7E6F'>&#62; quoted&#58; text</font>\nplain");
  });
});
