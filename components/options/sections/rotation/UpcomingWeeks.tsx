/** The next twelve duty weeks as synced, with overrides applied and marked. */
import type { EffectiveWeek } from '../../../../utils/rotation/schedule';
import { shortDate } from '../../../../utils/rotation/duty-view';

export function UpcomingWeeks({ weeks }: { weeks: EffectiveWeek[] }) {
  if (weeks.length === 0) {
    return (
      <p class="gta-hint" data-gta="rotation-weeks-empty">
        No weeks yet.
      </p>
    );
  }
  return (
    <table class="gta-experts-table" data-gta="rotation-weeks">
      <thead>
        <tr>
          <th scope="col">Week</th>
          <th scope="col">On duty</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {weeks.slice(0, 12).map((w) => (
          <tr key={w.week} data-gta-week={w.week}>
            <td>{shortDate(w.week)}</td>
            <td>{w.person ?? 'nobody (no triage)'}</td>
            <td>{w.origin === 'override' ? 'your override' : 'source'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
