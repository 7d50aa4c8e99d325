/** The SSO login page (docs/goc-pages.md §11). */
import { PERSONAS } from '../personas.mjs';
import { safeText } from '../fp.mjs';

/**
 * The SSO login page (2017–18: `/sso/` hands over to CILogon). Also what the `login` fault serves
 * instead of data. No `#menu_user`, no ticket markup.
 */
export function renderLoginPage(v, to = '') {
  const people = [...PERSONAS.values()].filter((p) => p.role !== 'pseudo');
  const options = people.map((p) => `<option value="${safeText(p.id)}">${safeText(p.name)} (${p.role})</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base href="${v.base}/">
<meta charset="utf-8" />
<title>CILogon - Select an Identity Provider</title>
<link href="lib/bootstrap/css/bootstrap.css" rel="stylesheet"/>
</head>
<body>
<div class="container" id="sso-login">
<h2>Log On to GOC Ticket</h2>
<p>Select an Identity Provider to log on with CILogon. Your e-mail address is used to find your OIM contact.</p>
<form method="get" action="${v.origin}/__sim/login">
<input type="hidden" name="to" value="${safeText(to)}"/>
<label for="idp">Identity Provider (simulator: pick a person)</label>
<select id="idp" name="user">${options}</select>
<button type="submit" class="btn btn-primary" id="sso-submit">Log On</button>
</form>
</div>
</body>
</html>
`;
}
