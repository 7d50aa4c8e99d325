/**
 * The user's own values for team keys (`team-file-overrides`): each "yours, not the team's", with
 * "Use the team's value" (`team-file-use-team`) to drop it.
 */
import type { TeamOverrides } from '../../../../utils/settings/team-file-state';
import { activeOverrides, type TeamValues } from '../../../../utils/settings/team-paths';

const NAMES: Record<string, string> = {
  team: 'Team roster',
  experts: 'Experts',
  snippets: 'Request snippets',
  'rotation.source': 'Rotation source',
  'rotation.timeZone': 'Team time zone',
  'rotation.holidays': 'Holidays',
  'rotation.overrides': 'Rotation overrides and swaps',
  'triage.nextActions': 'Next Action presets',
  'triage.docLinks': 'Documentation links',
};

export function TeamFileOverrides(props: {
  values: TeamValues | null;
  overrides: TeamOverrides;
  busy: boolean;
  onUseTeam: (path: string) => void;
}) {
  const paths = activeOverrides(props.values, props.overrides);
  if (paths.length === 0) return null;
  return (
    <div data-gta="team-file-overrides">
      <h3 class="gta-subhead">Your own values</h3>
      <p class="gta-hint">You changed these after the team file set them; syncs keep your value.</p>
      <ul>
        {paths.map((path) => (
          <li key={path} data-gta-path={path}>
            <strong>{NAMES[path] ?? path}</strong> <code>{path}</code> — yours, not the team&apos;s.{' '}
            {props.values && path in props.values ? (
              <button type="button" data-gta="team-file-use-team" disabled={props.busy} onClick={() => props.onUseTeam(path)}>
                Use the team&apos;s value
              </button>
            ) : (
              <button type="button" data-gta="team-file-use-team" disabled={props.busy} onClick={() => props.onUseTeam(path)}>
                Forget (the team file no longer sets it)
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
