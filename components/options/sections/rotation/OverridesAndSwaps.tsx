/**
 * Overrides and swaps: kept in the settings and applied over every sync. Each change is saved at
 * once (not part of the form's draft), over the freshest stored overrides; an empty person means no
 * triage that week.
 */
import { useMemo, useState } from 'preact/hooks';
import { buildRotation, swapOverrides, type EffectiveWeek } from '../../../../utils/rotation/schedule';
import { shortDate } from '../../../../utils/rotation/duty-view';
import { weekKeyForStart } from '../../../../utils/rotation/weeks';
import { isIsoDate } from '../../../../utils/time';
import type { Settings } from '../../../../utils/settings';
import type { SaveOutcome } from '../../use-section-draft';
import { WeekSelect } from './WeekSelect';

export type Overrides = Settings['rotation']['overrides'];

export function OverridesAndSwaps(props: {
  overrides: Overrides;
  /** The synced weeks (overrides applied), for the swap pickers. */
  weeks: EffectiveWeek[];
  team: Settings['team'];
  /** Saves a change to the freshest stored overrides and reports `done` (or the failure). */
  saveOverrides: (change: (overrides: Overrides) => Overrides, done: string) => Promise<void>;
  setMessage: (message: SaveOutcome) => void;
}) {
  const { weeks, saveOverrides, setMessage } = props;
  const [newOverride, setNewOverride] = useState({ week: '', person: '' });
  const [swap, setSwap] = useState({ a: '', b: '' });
  const people = useMemo(() => props.team.map((m) => m.name), [props.team]);

  const addOverride = (e: Event) => {
    e.preventDefault();
    if (!isIsoDate(newOverride.week)) {
      setMessage({ ok: false, text: 'Override: choose the week (any day of it).' });
      return;
    }
    const week = weekKeyForStart(newOverride.week);
    const person = newOverride.person.trim();
    void saveOverrides((overrides) => [...overrides.filter((o) => weekKeyForStart(o.week) !== week), { week, person }], `Week of ${shortDate(week)}: ${newOverride.person.trim() || 'nobody (no triage)'}.`);
    setNewOverride({ week: '', person: '' });
  };

  const doSwap = (e: Event) => {
    e.preventDefault();
    if (!swap.a || !swap.b || swap.a === swap.b) {
      setMessage({ ok: false, text: 'Swap: choose two different weeks.' });
      return;
    }
    const rotation = buildRotation({ weeks: weeks.filter((w) => w.person !== null).map((w) => ({ week: w.week, person: w.person as string })) });
    const pair = swapOverrides(rotation, swap.a, swap.b).map((p) => ({ ...p }));
    const keys = new Set(pair.map((p) => p.week));
    void saveOverrides((overrides) => [...overrides.filter((o) => !keys.has(weekKeyForStart(o.week))), ...pair], `Swapped the weeks of ${shortDate(pair[0].week)} and ${shortDate(pair[1].week)}.`);
    setSwap({ a: '', b: '' });
  };

  return (
    <>
      <h3 class="gta-subhead">Overrides and swaps</h3>
      <p class="gta-hint">Kept in your settings and applied over every sync. An empty person means no triage that week.</p>
      {props.overrides.length > 0 && (
        <ul data-gta="rotation-overrides">
          {props.overrides.map((o, i) => (
            <li key={`${o.week}-${i}`} data-gta-week={o.week}>
              Week of {isIsoDate(o.week) ? shortDate(weekKeyForStart(o.week)) : o.week}: {o.person || 'nobody (no triage)'}{' '}
              <button
                type="button"
                class="gta-chip"
                aria-label={`Remove the override for the week of ${o.week}`}
                onClick={() => void saveOverrides((overrides) => overrides.filter((x) => !(x.week === o.week && x.person === o.person)), 'Override removed.')}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="gta-row" onSubmit={addOverride} data-gta="rotation-override-form">
        <label class="gta-inline" for="gta-override-week">
          Week of
        </label>
        <input id="gta-override-week" type="date" value={newOverride.week} onInput={(e) => setNewOverride({ ...newOverride, week: (e.currentTarget as HTMLInputElement).value })} />
        <label class="gta-inline" for="gta-override-person">
          person
        </label>
        <input
          id="gta-override-person"
          type="text"
          list="gta-rotation-people"
          placeholder="Alain Roy"
          value={newOverride.person}
          onInput={(e) => setNewOverride({ ...newOverride, person: (e.currentTarget as HTMLInputElement).value })}
        />
        <datalist id="gta-rotation-people">
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <button type="submit" data-gta="rotation-override-add">
          Set override
        </button>
      </form>
      <form class="gta-row" onSubmit={doSwap} data-gta="rotation-swap-form">
        <label class="gta-inline" for="gta-swap-a">
          Swap
        </label>
        <WeekSelect id="gta-swap-a" weeks={weeks} value={swap.a} onChange={(a) => setSwap({ ...swap, a })} />
        <label class="gta-inline" for="gta-swap-b">
          with
        </label>
        <WeekSelect id="gta-swap-b" weeks={weeks} value={swap.b} onChange={(b) => setSwap({ ...swap, b })} />
        <button type="submit" data-gta="rotation-swap">
          Swap weeks
        </button>
      </form>
    </>
  );
}
