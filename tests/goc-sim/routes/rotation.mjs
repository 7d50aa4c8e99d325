/**
 * Triage-rotation sources as iCal, JSON and a TWiki topic (raw TML or rendered). Under the `markup`
 * fault each is served with no recognisable rows.
 */
import { rotationIcs, rotationJson, rotationTml, rotationTwikiHtml } from '../rotation.mjs';
import { xssRotationJson } from '../xss.mjs';

export const routes = {
  '/rotation/triage.ics': (c) =>
    c.send(200, rotationIcs(c.state.now0, { empty: c.v.variant === 'changed' }), 'text/calendar; charset=utf-8'),
  '/rotation/rotation.json': (c) =>
    c.send(200, c.v.variant === 'changed' ? '{"rotation": "moved to the TWiki"}' : rotationJson(c.state.now0), 'application/json'),
  // Every week's person is an XSS payload (tests/e2e/xss.spec.ts).
  '/rotation/xss.json': (c) => c.send(200, xssRotationJson(c.state.now0), 'application/json'),
  '/twiki/bin/view/SoftwareTeam/TriageRotation': (c) => {
    if (c.v.variant === 'changed') return c.send(200, '<html><body><h1>TriageRotation</h1><p>This topic moved.</p></body></html>');
    if (c.q.get('raw') === 'text') return c.send(200, rotationTml(c.state.now0), 'text/plain; charset=iso-8859-1');
    return c.send(200, rotationTwikiHtml(c.state.now0), 'text/html; charset=iso-8859-1');
  },
};
