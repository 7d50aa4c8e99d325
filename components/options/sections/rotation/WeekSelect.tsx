import { shortDate } from '../../../../utils/rotation/duty-view';

/** A duty week picker: "Mon 23 Nov — Alain Roy" per synced week. */
export function WeekSelect(props: {
  id: string;
  weeks: { week: string; person?: string | null }[];
  value: string;
  onChange: (week: string) => void;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">week…</option>
      {props.weeks.map((w) => (
        <option key={w.week} value={w.week}>
          {shortDate(w.week)} — {w.person ?? 'nobody'}
        </option>
      ))}
    </select>
  );
}
