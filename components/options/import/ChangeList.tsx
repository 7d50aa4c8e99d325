/** One line per key an import changes: `path: old → new`, risky ones highlighted with the reason. */
import type { ImportChange } from '../../../utils/settings';

export function ChangeList({ changes, gta }: { changes: ImportChange[]; gta: string }) {
  if (changes.length === 0) return null;
  return (
    <ul data-gta={gta}>
      {changes.map((c) => (
        <li key={c.path} class={c.risk ? 'gta-import-risky' : undefined} data-risk={c.risk}>
          {c.path}: {c.summary}
          {c.why && <span class="gta-import-why"> ({c.why})</span>}
        </li>
      ))}
    </ul>
  );
}

export function countLabel(n: number): string {
  return `${n} setting${n === 1 ? '' : 's'}`;
}
