/** Signing in and out (the 2017–18 SSO era): `/sso/` shows the login page, `/logout/` clears the cookie. */
import { USER_COOKIE } from '../http.mjs';
import { renderLoginPage } from '../render.mjs';

export const routes = {
  '/sso': (c) => {
    if (c.v.user) return c.redirect(302, `${c.v.base}/list/open`);
    return c.send(200, renderLoginPage(c.v, c.q.get('to') ?? `${c.v.base}/list/open`));
  },
  '/logout': (c) => c.redirect(302, `${c.v.base}/list/open`, { 'set-cookie': c.cookie(USER_COOKIE, '', { clear: true }) }),
};
