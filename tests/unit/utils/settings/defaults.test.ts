/** utils/settings/defaults: what the OSG Software Team gets out of the box. */
import {
  DEFAULT_DOC_LINKS,
  DEFAULT_SETTINGS,
  DEFAULT_SIGNATURE,
  DEFAULT_SNIPPETS,
  DEFAULT_TRIAGE_NEXT_ACTIONS,
  SUPPORT_ROLE_LINE,
  defaultSettingsCopy,
  defaultSettingsWithoutSnippets,
  parseSettings,
} from '../../../../utils/settings';

const lines = (name: string) => DEFAULT_SNIPPETS.find((s) => s.name === name)!.text.split('\n');
const any = expect.stringMatching(/\S/);

describe('the request snippets', () => {
  it('come in this order, the osg-system-profiler request first', () => {
    expect(DEFAULT_SNIPPETS.map((s) => s.name)).toEqual([
      'Ask for osg-system-profiler output',
      'Ask for package versions',
      'Ask for log files',
      'Remind the owner of a stale ticket',
      'Waiting on you (reminder to the user)',
      'Closing: no reply',
    ]);
  });

  it('each is a greeting, a blank line, then text with no blank line at the end', () => {
    for (const s of DEFAULT_SNIPPETS) {
      const l = s.text.split('\n');
      expect(l[0], s.name).toMatch(/^Hi \{(submitter|owner)\},$/);
      expect(l[1], s.name).toBe('');
      expect(l[l.length - 1], s.name).toMatch(/\S/);
      expect(s.text, s.name).not.toMatch(/\n\n\n/);
    }
  });

  it('the profiler request: why, the commands to run as root, and the file to attach', () => {
    expect(lines('Ask for osg-system-profiler output')).toEqual([
      'Hi {submitter},',
      '',
      expect.stringMatching(/^To help us .*run osg-system-profiler on the affected host$/),
      expect.stringMatching(/^and attach the file .*As root:$/),
      '',
      '    yum install -y osg-system-profiler   # if it is not installed yet',
      '    osg-system-profiler',
      '',
      expect.stringMatching(/^It writes osg-profile\.txt /),
      expect.stringMatching(/^\(or reply to the ticket e-mail/),
    ]);
  });

  it('the package versions request: the rpm command and the release file', () => {
    expect(lines('Ask for package versions')).toEqual([
      'Hi {submitter},',
      '',
      expect.stringMatching(/^Could you tell us which versions/),
      '',
      '    rpm -qa | grep -i -E "osg|condor|xrootd|voms|globus" | sort',
      '',
      'and of `cat /etc/redhat-release` would be ideal.',
    ]);
  });

  it('the log files request: where the logs are and the journalctl command', () => {
    expect(lines('Ask for log files')).toEqual([
      'Hi {submitter},',
      '',
      expect.stringMatching(/^Could you attach the relevant log files/),
      expect.stringMatching(/under \/var\/log\/ .*\/var\/log\/condor-ce\/.*\/var\/log\/xrootd\//),
      expect.stringMatching(/`journalctl -u <service> --since "2 days ago"`/),
    ]);
  });

  it('the stale-ticket reminder names the ticket, its title and the days since its last update', () => {
    expect(lines('Remind the owner of a stale ticket')).toEqual([
      'Hi {owner},',
      '',
      'This ticket ({ticket}: {title}) has had no update for {days_since_update} days.',
      expect.stringMatching(/status update/),
    ]);
  });

  it('the two messages to a user who has not replied', () => {
    expect(lines('Waiting on you (reminder to the user)')).toEqual(['Hi {submitter},', '', expect.stringMatching(/still waiting/), expect.stringMatching(/already solved/)]);
    expect(lines('Closing: no reply')).toEqual(['Hi {submitter},', '', expect.stringMatching(/closing this ticket/), any]);
  });
});

describe('the other defaults', () => {
  it('the role line of the signature is the support role', () => {
    expect(SUPPORT_ROLE_LINE).toBe('OSG Software Support');
    expect(DEFAULT_SIGNATURE.split('\n')).toContain(SUPPORT_ROLE_LINE);
  });

  it('Next Action presets and documentation links', () => {
    expect(DEFAULT_TRIAGE_NEXT_ACTIONS).toEqual(['{owner}: investigate', 'Waiting on user', 'Software: review']);
    expect(DEFAULT_DOC_LINKS).toEqual([
      { name: 'OSG documentation', url: 'https://osg-htc.org/docs/' },
      { name: 'Troubleshooting guides', url: 'https://osg-htc.org/docs/common/help/' },
    ]);
  });

  it('the defaults validate, and are frozen', () => {
    expect(parseSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS))).ok).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('without snippets: the same defaults with an empty snippet list, a fresh copy each time', () => {
    const a = defaultSettingsWithoutSnippets();
    expect(a).toEqual({ ...defaultSettingsCopy(), snippets: [] });
    a.queue.softwareAssignees.push('x');
    expect(defaultSettingsWithoutSnippets().queue.softwareAssignees).not.toContain('x');
  });
});
