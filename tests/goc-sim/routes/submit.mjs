/** The new-ticket form (`/submit`, shown disabled) and the app root, which redirects to it. */
import { renderSubmitPage } from '../render.mjs';

export const routes = {
  '/': (c) => c.redirect(302, `${c.v.base}/submit/?`),
  '/submit': (c) => c.send(200, renderSubmitPage(c.v)),
};
