/**
 * The popup's ticket groups (components/popup/groups.ts), each a <details> with its count, and each
 * ticket with its own ages from the list's dates, its priority (in words, not colour only) and who
 * else holds it. Ticket text is rendered as text, never as markup.
 */
import type { QueueTicketRecord } from '../../../utils/db/queue-records';
import { gocUrl } from '../../../utils/queue/state';
import { daysSince, dayWords, openedText, otherAssignees, priorityLevel, quietText } from '../../../utils/queue/ticket-age';
import type { IsoDate } from '../../../utils/time/calendar';
import { handoverMark, type QueueGroup } from '../groups';
import type { HandoverSummary } from '../../../utils/queue/handover';

export interface TicketContext {
  base: string;
  /** Today in the team's zone (YYYY-MM-DD). */
  today: IsoDate;
  now: number;
  split: HandoverSummary | undefined;
  isSoftware: (name: string) => boolean;
}

const PRIORITY_WORDS = { critical: 'Critical', high: 'High priority', elevated: 'Elevated' } as const;

function Priority({ priority }: { priority: string | null }) {
  const level = priorityLevel(priority);
  if (level !== 'critical' && level !== 'high' && level !== 'elevated') return null;
  return (
    <span class={`gta-prio gta-prio-${level}`} data-gta-part="priority">
      {level === 'elevated' ? PRIORITY_WORDS[level] : `⚠ ${PRIORITY_WORDS[level]}`}
    </span>
  );
}

/** The words under a ticket's title, by group: what matters first. */
function details(t: QueueTicketRecord, group: QueueGroup['id'], ctx: TicketContext): string[] {
  const others = otherAssignees(t.assignees, ctx.isSoftware);
  const opened = openedText(t, ctx.today);
  const quiet = quietText(t, ctx.today);
  if (group === 'stale') return [quiet || 'no Update Date listed', opened, others.length ? `with ${others.join(', ')}` : 'nobody else assigned'];
  if (group === 'overdue') {
    const late = daysSince(t.nad, ctx.today);
    const nad = t.nad ? `due ${t.nad}${late ? ` (${dayWords(late)} late)` : ''}` : 'no deadline listed';
    return [nad, others.length ? `with ${others.join(', ')}` : 'nobody else assigned', quiet];
  }
  return [opened, quiet, others.length ? `also assigned: ${others.join(', ')}` : ''];
}

function TicketItem({ t, group, ctx }: { t: QueueTicketRecord; group: QueueGroup; ctx: TicketContext }) {
  const level = priorityLevel(t.priority);
  const words = details(t, group.id, ctx).filter((w) => w !== '');
  return (
    <li
      data-gta-ticket={String(t.id)}
      data-gta-handover={group.untriaged ? handoverMark(t, ctx.split, ctx.now) : undefined}
      data-gta-priority={level === 'unknown' ? undefined : level}
      data-gta-submitted={t.submitDate ?? undefined}
    >
      <a href={gocUrl(ctx.base, String(t.id))} target="_blank" rel="noreferrer">
        <span class="gta-queue-id">{t.id}</span> <span class="gta-queue-title">{t.title || '(title not recorded)'}</span>
      </a>
      <span class="gta-queue-detail">
        <Priority priority={t.priority} />
        <span data-gta-part="ages">{words.join(' · ')}</span>
      </span>
    </li>
  );
}

export function TicketGroup({ group, ctx }: { group: QueueGroup; ctx: TicketContext }) {
  const n = group.tickets.length;
  const countAttrs = group.id === 'stale' ? { 'data-gta-count-stale': String(n) } : group.id === 'overdue' ? { 'data-gta-count-overdue': String(n) } : {};
  return (
    <details class={`gta-group gta-group-${group.id}`} data-gta="queue-group" data-gta-group={group.id} open={group.open && n > 0}>
      <summary>
        <span class="gta-group-title">{group.title}</span>
        <span class="gta-group-count" data-gta-group-count={String(n)} {...countAttrs}>
          {n}
        </span>
      </summary>
      {n > 0 ? (
        <ul class="gta-queue-tickets" aria-label={group.label} data-gta-list={group.untriaged ? 'untriaged' : group.id}>
          {group.tickets.map((t) => (
            <TicketItem key={t.id} t={t} group={group} ctx={ctx} />
          ))}
        </ul>
      ) : (
        <p class="gta-group-empty">None.</p>
      )}
    </details>
  );
}
