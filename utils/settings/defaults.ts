/**
 * Out-of-the-box values for the OSG Software Team. Pure data, no validator: content scripts and the
 * popup use DEFAULT_SETTINGS until the background publishes the validated snapshot, so it must not
 * import zod (a unit test checks it equals what the schema's defaults produce).
 */
import type { Settings } from './schema';
import { DEFAULT_GOC_BASE_URL } from '../goc/hosts';

/** The signature from the support process: dashes, full name, role line, support address. */
export const DEFAULT_SIGNATURE = [
  '------------------------------------',
  '{name}',
  'OSG Software Support',
  'vdt-support@opensciencegrid.org',
].join('\n');

export const SUPPORT_ROLE_LINE = 'OSG Software Support';

/** Request snippets; the osg-system-profiler request comes first (it saves the most round trips). */
// Built in a function marked pure: a content script that never reads the texts does not carry them.
export const DEFAULT_SNIPPETS: { name: string; text: string }[] = /* @__PURE__ */ defaultSnippets();

function defaultSnippets(): { name: string; text: string }[] {
  return [
    {
      name: 'Ask for osg-system-profiler output',
      text: [
        'Hi {submitter},',
        '',
        'To help us see what is going on, could you please run osg-system-profiler on the affected host',
        'and attach the file it writes to this ticket? As root:',
        '',
        '    yum install -y osg-system-profiler   # if it is not installed yet',
        '    osg-system-profiler',
        '',
        'It writes osg-profile.txt in the current directory; please attach that file here',
        '(or reply to the ticket e-mail with the file attached).',
      ].join('\n'),
    },
    {
      name: 'Ask for package versions',
      text: [
        'Hi {submitter},',
        '',
        'Could you tell us which versions of the relevant packages you have installed? The output of',
        '',
        '    rpm -qa | grep -i -E "osg|condor|xrootd|voms|globus" | sort',
        '',
        'and of `cat /etc/redhat-release` would be ideal.',
      ].join('\n'),
    },
    {
      name: 'Ask for log files',
      text: [
        'Hi {submitter},',
        '',
        'Could you attach the relevant log files from the time the problem happened?',
        'For most OSG services they are under /var/log/ (for example /var/log/condor-ce/, /var/log/xrootd/),',
        'and `journalctl -u <service> --since "2 days ago"` shows the service messages.',
      ].join('\n'),
    },
    {
      name: 'Remind the owner of a stale ticket',
      text: [
        'Hi {owner},',
        '',
        'This ticket ({ticket}: {title}) has had no update for {days_since_update} days.',
        'Could you give the user a status update, or let me know if it should go to someone else?',
      ].join('\n'),
    },
    {
      name: 'Waiting on you (reminder to the user)',
      text: [
        'Hi {submitter},',
        '',
        'We are still waiting for the information requested above. Could you send it when you have a moment?',
        'If the problem is already solved, just let us know and we will close this ticket.',
      ].join('\n'),
    },
    {
      name: 'Closing: no reply',
      text: [
        'Hi {submitter},',
        '',
        'We have not heard back from you, so we are closing this ticket for now.',
        'If the problem comes back, simply reply to this ticket or open a new one and we will be glad to help.',
      ].join('\n'),
    },
  ];
}

/** The team's time zone until one is set (the OSG Software Team's, Madison). */
export const DEFAULT_TEAM_TIME_ZONE = 'America/Chicago';

export const DEFAULT_SOFTWARE_ASSIGNEES = ['Software', 'Software Support (Triage)', 'osg-software-support-stream'];
export const DEFAULT_TRIAGE_NEXT_ACTION = 'SOFTWARE TRIAGE';

/** Next Action presets of the triage panel ({owner}: first chosen owner's first name; {me}: you). */
export const DEFAULT_TRIAGE_NEXT_ACTIONS = ['{owner}: investigate', 'Waiting on user', 'Software: review'];

/** Where a fix that helps other users goes (the close checklist); teams replace these in their file. */
export const DEFAULT_DOC_LINKS: { name: string; url: string }[] = [
  { name: 'OSG documentation', url: 'https://osg-htc.org/docs/' },
  { name: 'Troubleshooting guides', url: 'https://osg-htc.org/docs/common/help/' },
];

/** Every setting at its default, but no request snippets (DEFAULT_SETTINGS adds them). */
const base: Settings = {
  version: 1,
  identity: { name: '', email: '', footprintsId: '', aliases: [] },
  signature: DEFAULT_SIGNATURE,
  team: [],
  rotation: { source: '', timeZone: DEFAULT_TEAM_TIME_ZONE, holidays: [], overrides: [], syncHours: 6 },
  queue: {
    gocBaseUrl: DEFAULT_GOC_BASE_URL,
    softwareAssignees: DEFAULT_SOFTWARE_ASSIGNEES,
    triageNextAction: DEFAULT_TRIAGE_NEXT_ACTION,
    staleDays: 7,
    checkMinutes: 10,
    offHoursCheckMinutes: 60,
    timeoutSeconds: 20,
    historyDays: 180,
  },
  schedule: { workStart: '09:00', workEnd: '17:00', middayNudge: '12:00' },
  notifications: { newTicket: 'on-duty', dutyReminder: true, middayNudge: true },
  snippets: [],
  experts: [],
  jira: { baseUrl: '', projectKey: 'SOFTWARE', projectId: '' },
  triage: { nextActions: DEFAULT_TRIAGE_NEXT_ACTIONS, docLinks: DEFAULT_DOC_LINKS },
  features: { unsignedGuard: true, keepSoftwareGuard: true, triagePanel: true, closeChecklist: true },
  teamFile: { url: '' },
  goc: { extraOrigins: [] },
};
/** Every setting at its default (frozen: copy with defaultSettingsCopy() before changing). */
export const DEFAULT_SETTINGS: Readonly<Settings> = /* @__PURE__ */ Object.freeze({ ...base, snippets: DEFAULT_SNIPPETS });

/** A deep copy of the defaults that callers may change. */
export function defaultSettingsCopy(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

/**
 * The defaults with no request snippets: for the content scripts none of whose features reads them
 * (features/shared/settings.ts), so those scripts do not carry the snippets' texts (size budget).
 */
export function defaultSettingsWithoutSnippets(): Settings {
  return JSON.parse(JSON.stringify(base)) as Settings;
}
