/**
 * The chrome every Bootstrap page shares (docs/goc-pages.md §3): head and libraries, the navbar with
 * the user menu, flash alerts, the footer, and the small error pages built on it.
 *
 * View context `v` (every renderer takes one):
 *   base     '' | '/goc'           app base (`<base href="<base>/">`)
 *   origin   'https://host[:port]' for absolute links (fullbase = origin + base)
 *   user     persona or null (guest)
 *   now      ms
 *   flash    { id } | null         one-time "Successfully updated ticket"
 *   variant  'normal' | 'changed'  'changed' = the `markup` fault (renamed ids, reordered columns)
 *   query    the navbar search box's text
 */
import { safeText } from '../fp.mjs';

export const APP_VERSION = '1.91';
export const FP_PROJECT_ID = 71;

export const can = (user, perm) => !!user && user.perms.includes(perm);
export const fullbase = (v) => `${v.origin}${v.base}`;

// ---- chrome -----------------------------------------------------------------------------------

/** Local copies of the libraries the real pages loaded from CDNs (served from node_modules). */
export function libs({ timeago = false, datatables = false } = {}) {
  return [
    '<script src="lib/jquery/jquery.js"></script>',
    '<script src="lib/jquery-migrate/jquery-migrate.js"></script>',
    '<link href="lib/bootstrap/css/bootstrap.css" rel="stylesheet"/>',
    '<script src="lib/bootstrap/js/bootstrap.js"></script>',
    '<link href="lib/jquery-ui/jquery-ui.css" rel="stylesheet"/>',
    '<script src="lib/jquery-ui/jquery-ui.js"></script>',
    '<link href="lib/select2/css/select2.css" rel="stylesheet" />',
    '<script src="lib/select2/js/select2.js"></script>',
    '<link href="css/ticket.css" rel="stylesheet" />',
    '<script src="lib/jquery.cookie.js"></script>',
    timeago ? '<script src="lib/timeago/jquery.timeago.js"></script>' : '',
    datatables ? '<link rel="stylesheet" type="text/css" href="lib/datatables/css/jquery.dataTables.css"/>' : '',
    datatables ? '<script type="text/javascript" src="lib/datatables/js/jquery.dataTables.js"></script>' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function navbar(v, active) {
  const o = v.origin;
  const b = v.base;
  const user = v.user;
  let right;
  if (user) {
    const admin = can(user, 'admin');
    const notify = can(user, 'notify');
    right = [
      '<li class="dropdown">',
      `<a id="menu_user" href="#" class="dropdown-toggle" data-toggle="dropdown">${safeText(user.name)} <span class="caret"></span></a>`,
      '<ul class="dropdown-menu">',
      admin || notify ? '<li class="nav-header">Notification</li>' : '',
      admin ? `<li id="submenu_notify"><a href="${o}/notify">GOC Notification</a></li>` : '',
      notify ? `<li id="submenu_simplenotify"><a href="${o}/simplenotify">Security Notification</a></li>` : '',
      admin || notify ? '<li class="divider"></li>' : '',
      '<li class="nav-header">Ticket Submitter</li>',
      notify ? `<li id="submenu_securityannounceticket"><a href="${o}/securityannounceticket">Security Ticket</a></li>` : '',
      admin ? `<li id="submenu_bulkresource"><a href="${o}/bulkresource">Bulk Resource Tickets</a></li>` : '',
      admin ? `<li id="submenu_custom"><a href="${o}/custom">Custom Ticket</a></li>` : '',
      admin ? `<li id="submenu_ra"><a href="${o}/ra">Certificate Request</a></li>` : '',
      `<li id="submenu_campus"><a href="${o}/campus">CRC Request Form</a></li>`,
      '<li class="divider"></li>',
      admin ? '<li class="nav-header">Administration</li>' : '',
      admin ? `<li id="submenu_finderror"><a href="${o}/finderror">Footprints Errors</a></li>` : '',
      admin ? `<li id="submenu_assignment"><a href="${o}/assignment">Assignment</a></li>` : '',
      admin ? '<li class="divider"></li>' : '',
      `<li><a href="${o}/logout/">Logout</a></li>`,
      '</ul>',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  } else {
    right = `<li><a href="${o}/sso/">Login</a></li>`;
  }
  const act = (x) => (active === x ? ' class="active"' : '');
  // The View menu is active on its own pages and on its submenu pages.
  const actDrop = (x) => (active === x || ['listopen', 'listrecentclose', 'alltickets'].includes(active) ? ' active' : '');
  return `<div class="navbar navbar-inverse navbar-fixed-top">
<div class="navbar-inner">
<div class="container-fluid">
<a class="btn btn-navbar" data-toggle="collapse" data-target=".nav-collapse"><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></a>
<a class="brand" style="padding: 6px 0px 0px 6px;" href="http://opensciencegrid.org">OSG</a>
<ul class="nav">
<li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">GOC Ticket <b class="caret"></b></a>
<ul class="dropdown-menu">
<li><a href="https://myosg.grid.iu.edu">MyOSG</a></li>
<li><a href="https://oim.grid.iu.edu">OIM</a></li>
<li class="active"><a href="index">Ticket</a></li>
<li><a href="https://twiki.grid.iu.edu">TWiki</a></li>
</ul>
</li>
</ul>
<ul class="nav pull-right">
${right}
</ul>
<div class="nav-collapse">
<ul class="nav">
<li id="menu_submit"${act('submit')}><a href="${o}${b}/submit">Submit</a></li>
<li id="menu_view" class="dropdown${actDrop('view')}"><a href="#" class="dropdown-toggle" data-toggle="dropdown">View <b class="caret"></b></a>
<ul class="dropdown-menu">
<li id="submenu_listopen"${act('listopen')}><a href="${o}${b}/list/open">Open Tickets</a></li>
<li id="submenu_listrecentclose"${act('listrecentclose')}><a href="${o}${b}/list/recentclose">Recently Closed Tickets</a></li>
<li class="divider"></li>
<li id="submenu_alltickets"${act('alltickets')}><a href="${o}${b}/search?q=&amp;sort=id">All Tickets</a></li>
</ul>
</li>
</ul>
<form class="navbar-search pull-right" action="viewer">
<input id="search" type="text" name="id" class="search-query span2" placeholder="Search Ticket" value="${safeText(v.query ?? '')}"/>
</form>
</div>
</div>
</div>
</div>`;
}

export function alerts(v) {
  if (!v.flash) return '';
  // After the new-ticket form (routes/submit.mjs): SubmitController's success message.
  const filed = /^submitted-(\d+)$/.exec(String(v.flash.id));
  if (filed) {
    return `<div class="alert alert-success"><a class="close" data-dismiss="alert" href="#">&times;</a><p>Thank you for submitting your ticket:${filed[1]}</p><p>If your issues needs action in less than <b>24 hours</b> as stated in the <a target="_blank" href="https://twiki.grid.iu.edu/bin/view/Operations/TicketExpectations">Ticket Expectations</a>, please contact the GOC at +1-317-278-9699 or by updating this ticket.</p></div>`;
  }
  return `<div class="alert alert-success"><a class="close" data-dismiss="alert" href="#">&times;</a>Successfully updated ticket <a href="${v.flash.id}">${v.flash.id}</a></div>`;
}

export function pageFooter() {
  return `<hr/><footer><p class="muted">GOC Ticket Version ${APP_VERSION} | <a href="https://ticket.opensciencegrid.org/goc/submit?app_issue_type=goc&amp;app_goc_url=ticket">Report Bugs</a></p></footer>`;
}

export function page(v, { title, active, head = '', body, timeago = false, datatables = false }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base href="${v.base}/">
<title>${title}</title>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link href="${fullbase(v)}/rss" rel="alternate" type="application/rss+xml" title="GOC Ticket Update feed" />
<style type="text/css">
body { padding-top: 50px; padding-bottom: 40px; }
.sidebar-nav { padding: 9px 0; }
#search { width: 300px; }
</style>
${libs({ timeago, datatables })}
<link href="images/tag_orange.png" rel="icon" type="image/png"/>
${head}
</head>
<body>
${navbar(v, active)}
${body}
</body>
</html>
`;
}

export function controlGroup(label, controls) {
  return `<div class="control-group"><label class="control-label">${label}</label><div class="controls">${controls}</div></div>`;
}

export function simplePage(v, title, inner, active = '') {
  return page(v, { title, active, body: `<div class="container-fluid">\n${alerts(v)}\n${inner}\n${pageFooter()}\n</div>` });
}

/** The 401 page (docs/goc-pages.md §11). */
export function renderAuthError(v) {
  return simplePage(v, 'GOC Ticket', '<h2>Authorization Error</h2>\n<p>You are not authorized to access this page. Please login with an account that has the required permission.</p>');
}

export function renderServerError(v) {
  return simplePage(v, 'GOC Ticket', '<h2>An error occurred</h2>\n<p>Application error: Internal Server Error. The error has been reported to the GOC.</p>');
}

export function renderNotFound(v, path) {
  return simplePage(v, 'GOC Ticket', `<h2>Page not found</h2>\n<p>${safeText(path)} does not exist.</p>`);
}
