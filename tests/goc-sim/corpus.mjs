/**
 * The responder corpus (tests/fixtures/responders-corpus, issue 14) as simulator tickets, so the
 * end-to-end badges are checked against it (tests/e2e/responder-corpus.spec.ts).
 *
 * Cases are grouped by submitter into closed tickets tagged `responder-corpus` (at most
 * CASES_PER_TICKET updates each), dated more than a year before `now` so they stay out of
 * /list/open, /list/recentclose and the counts, and numbered after the seed's last id (so they are
 * appended without renumbering the seed; unlike the seed, their ids do not follow submission time).
 * Each update's `truth.expected` is the case's expected name and role; `kind` is `corpus:<case id>`.
 */
import { loadCorpus } from '../fixtures/responders-corpus/index.mjs';
import { DAY, HOUR, MINUTE } from './time.mjs';

export const CORPUS_TAG = 'responder-corpus';
const CASES_PER_TICKET = 12;
const FIRST_UID = 900_000;
const IS_GOC_ACCOUNT = /^(osg-goc|goc)$/i;

/** How the case's writer is found, for the truth's `expectedSource` (the corpus itself states only name and role). */
function sourceOf(c) {
  const header = c.byHeader;
  if (header && (!IS_GOC_ACCOUNT.test(header) || c.expected.name === header)) return 'header';
  if (!c.expected.name) return 'none';
  const last = c.body.filter((l) => l.trim()).pop() ?? '';
  return /^(--\s*)?by\s/i.test(last.trim()) ? 'trailer' : 'signature';
}

function groups(cases) {
  const bySubmitter = new Map();
  for (const c of cases) {
    const key = JSON.stringify(c.submitter);
    const list = bySubmitter.get(key) ?? [];
    list.push(c);
    bySubmitter.set(key, list);
  }
  const out = [];
  for (const list of bySubmitter.values()) {
    for (let i = 0; i < list.length; i += CASES_PER_TICKET) out.push(list.slice(i, i + CASES_PER_TICKET));
  }
  return out;
}

/**
 * Frozen tickets (the shape of seed.mjs TicketBuilder.freeze()) for every corpus case.
 * `now`: the seed's minute; `afterId`: the highest id already used.
 */
export function corpusTickets({ now, afterId }) {
  const T = Math.floor(now / MINUTE) * MINUTE;
  let uid = FIRST_UID;
  return groups(loadCorpus()).map((cases, k) => {
    const opened = T - (400 + 3 * k) * DAY;
    const descriptions = cases.map((c, j) => ({
      uid: ++uid,
      // Distinct instants: the page's <time datetime> is how the specs find an update's truth.
      time: opened + j * HOUR + (1 + ((k * 13 + j) % 58)) * 1000,
      stamp: c.byHeader ?? 'goc',
      body: c.bodyText,
      truth: {
        author: c.expected.name,
        role: c.expected.role,
        expectedSource: sourceOf(c),
        signed: c.expected.name !== '',
        kind: `corpus:${c.id}`,
        expected: { responder: c.expected.name, role: c.expected.role },
      },
    }));
    const updated = descriptions[descriptions.length - 1].time;
    const submitter = cases[0].submitter;
    return {
      id: afterId + 1 + k,
      title: `Responder corpus ${k + 1}: ${cases.map((c) => c.id).slice(0, 2).join(', ')}…`,
      status: 'Closed',
      priority: 4,
      type: 'Problem/Request',
      nextAction: 'None',
      nad: updated + 3 * DAY,
      submitted: descriptions[0].time,
      updated,
      submitter: { name: submitter.name, email: submitter.email, phone: '' },
      cc: [],
      assignees: ['rquick'],
      metadata: { SUBMITTER_NAME: submitter.submitterName, SUBMITTED_VIA: 'GOC Ticket/submit', ASSOCIATED_VO_NAME: 'OSG' },
      attachments: [],
      links: [],
      base: '',
      tags: [CORPUS_TAG, 'closed', ...new Set(cases.map((c) => `${CORPUS_TAG}-${c.file}`))].sort(),
      descriptions,
      history: [],
      xss: false,
    };
  });
}
