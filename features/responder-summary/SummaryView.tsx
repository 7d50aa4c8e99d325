import type { ResponderSummary } from '../../utils/responder-summary';
import { formatDuration, STATE_LABEL } from '../../utils/responder-summary';

const ROLE_WORD = { software: 'Software', 'osg-staff': 'OSG staff', submitter: 'submitter', unknown: 'unknown' } as const;

/** Text only: every name comes from the page and is rendered by Preact as text. */
export function SummaryView({ summary }: { summary: ResponderSummary }) {
  if (summary.total === 0) {
    return <span class="gta-summary-empty">No updates yet.</span>;
  }
  const last = summary.last;
  return (
    <div>
      <span class="gta-summary-state" data-gta-state={summary.state}>
        {STATE_LABEL[summary.state]}
      </span>
      {last && (
        <span class="gta-summary-last" data-gta-last={last.name}>
          Last answer: {last.name} ({ROLE_WORD[last.role]}){last.agoMs !== null ? `, ${formatDuration(last.agoMs)} ago` : ''}.
        </span>
      )}{' '}
      <span class="gta-summary-first-answer">
        {summary.firstStaffAnswer
          ? `First staff answer ${formatDuration(summary.firstStaffAnswer.afterMs)} after the ticket was opened (${summary.firstStaffAnswer.name || 'unsigned'}).`
          : 'No staff answer yet.'}
      </span>
      {summary.unsignedCount > 0 && (
        <span class="gta-summary-unsigned">
          {' '}
          {summary.unsignedCount} unsigned update{summary.unsignedCount > 1 ? 's' : ''}.
        </span>
      )}
      <ul class="gta-summary-responders" aria-label="Responders">
        {summary.responders.map((r) => (
          <li key={`${r.role}|${r.name}`} data-gta-responder={r.name} data-gta-role={r.role} data-gta-count={String(r.count)}>
            <span class={`gta-summary-chip gta-role-${r.role}`}>{r.name}</span> × {r.count}
          </li>
        ))}
      </ul>
    </div>
  );
}
