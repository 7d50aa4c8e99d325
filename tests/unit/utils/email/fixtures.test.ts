/**
 * Real-shaped pasted e-mails (tests/fixtures/emails, one per file): each mail app's copy format,
 * "show original" sources, replies, forwards, encodings, other languages, missing headers. Every
 * fixture states the exact sender, subject, first and last body line and whether quoted history
 * went to `earlier`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../../utils/email';

const dir = fileURLToPath(new URL('../../../fixtures/emails/', import.meta.url));
const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8');

interface Expect {
  file: string;
  name: string;
  address: string;
  subject: string;
  first: string;
  last: string;
  earlier: boolean;
  /** Extra checks: a Date header, recipients, text that must be in body / earlier / not in body, problems. */
  date?: string;
  to?: string[];
  cc?: string[];
  inBody?: string[];
  notInBody?: string[];
  inEarlier?: string[];
  problems?: string[];
}

const NO_SENDER = 'No sender address found';
const NO_SUBJECT = 'No subject found';

const CASES: Expect[] = [
  { file: '01-thunderbird-reply.txt', name: 'Rafael Gomez', address: 'rgomez@ucsd.edu', subject: 'Pilot jobs stuck in idle at UCSD', first: 'Hi Jane,', last: 'Rafael', earlier: true, date: '1/6/25, 10:02 AM', to: ['jsmith@wisc.edu'], inBody: ['01/06/25 09:58:12 (pid:4412) Job 1234.0 not matched: Requirements evaluated to FALSE'], inEarlier: ['On 1/5/25 4:15 PM, Jane Smith wrote:', '> Could you send the schedd log from the CE?'] },
  { file: '02-thunderbird-forward-inline.txt', name: 'Wei Zhang', address: 'wzhang@fnal.gov', subject: 'osg-configure fails on EL9', first: 'Hello,', last: 'Wei', earlier: false, date: 'Mon, 6 Jan 2025 10:02:11 -0600', to: ['help@opensciencegrid.org'], inBody: ['  ERROR: Unable to find the gums host'] },
  { file: '03-outlook-reply.txt', name: 'Doe, Jane', address: 'jane.doe@fnal.gov', subject: 'HTCondor-CE fails after upgrade', first: 'Hi all,', last: 'Jane', earlier: true, date: 'Tuesday, March 4, 2025 9:15 AM', to: ['software@opensciencegrid.org'], cc: ['blee@fnal.gov'], notInBody: ['Which version'], inEarlier: ['Sent: Monday, March 3, 2025 4:00 PM', 'Which version did you upgrade from?'] },
  { file: '04-outlook-original-message.txt', name: 'Peter Novak', address: 'pnovak@cern.ch', subject: 'xrootd-multiuser permissions', first: 'Dear support,', last: 'Peter', earlier: true, inEarlier: ['-----Original Message-----', 'Please try the 5.6.4 build from osg-testing.'] },
  { file: '05-outlook-forward-self.txt', name: 'Amit Patel', address: 'apatel@tifr.res.in', subject: 'Frontier squid cache full', first: 'Hi Jane,', last: 'Amit', earlier: false, date: 'Thursday, April 3, 2025 7:45 AM', inBody: ['/var/cache/squid is 200G.'] },
  { file: '06-outlook-german.txt', name: 'Müller, Jürgen', address: 'juergen.mueller@kit.edu', subject: 'Frage zu XRootD', first: 'Hallo zusammen,', last: 'Jürgen', earlier: true, date: 'Montag, 6. Januar 2025 10:02', to: ['software@opensciencegrid.org'], inEarlier: ['Gesendet: Freitag, 3. Januar 2025 17:00', 'Welche Version läuft?'] },
  { file: '07-gmail-reply-two-line.txt', name: 'Maria Rossi', address: 'maria.rossi@infn.it', subject: 'CVMFS mount hangs on worker nodes', first: 'Hello,', last: 'Maria', earlier: true, notInBody: ['On Sun, Jan 5', 'wrote:'], inEarlier: ['On Sun, Jan 5, 2025 at 6:30 PM OSG Help Desk <help@opensciencegrid.org>\nwrote:'] },
  { file: '08-gmail-reply-wrapped-address.txt', name: 'Tom Becker', address: 'tbecker@unl.edu', subject: 'Gratia probe not reporting', first: 'The probe has not reported since Friday. gratia-probes-cron is enabled.', last: 'Holland Computing Center', earlier: true, inBody: ['-- \nTom Becker'], notInBody: ['On Mon, Jan 6'], inEarlier: ['software@opensciencegrid.org> wrote:'] },
  { file: '09-gmail-forward-self.txt', name: 'Kenji Tanaka', address: 'ktanaka@kek.jp', subject: 'Token issuer not trusted', first: 'Hi Jane,', last: 'Kenji', earlier: true, date: 'Wed, Jan 8, 2025 at 8:41 AM', inBody: ['  SCITOKENS:2:Issuer https://tokens.example.org not trusted'], notInBody: ['Please ticket this.', 'Forwarded message'], inEarlier: ['Please ticket this.'] },
  { file: '10-gmail-forward-colleague.txt', name: 'Bob Lee', address: 'blee@fnal.gov', subject: 'Hosted CE down?', first: 'Can someone on the software team look at this? Forwarding from our site admin.', last: 'Our hosted CE has shown no pilots since noon.', earlier: false, inBody: ['---------- Forwarded message ---------', 'From: Site Admin <admin@site.example.edu>'] },
  { file: '11-gmail-show-original.eml', name: 'José García', address: 'jose.garcia@ciemat.es', subject: 'Actualización de HTCondor falla', first: 'Hola Jane,', last: 'José', earlier: true, date: 'Mon, 6 Jan 2025 17:02:01 +0100', to: ['jsmith@wisc.edu'], inBody: ['la actualización de HTCondor a 24.0 falla con un error de dependencias en el nodo de cálculo:', '  Error: Problem: conflicting requests'], notInBody: ['HTML version', '=C3', 'escribió'], inEarlier: ['Jane Smith (<jsmith@wisc.edu>) escribió:', '> ¿Qué versión?'] },
  { file: '12-apple-mail-forward.txt', name: 'Lena Schmidt', address: 'lena.schmidt@desy.de', subject: 'dCache door refuses tokens', first: 'Hi Jane,', last: 'Lena', earlier: false, date: 'January 10, 2025 at 3:14:15 PM CST', notInBody: ['Begin forwarded message'] },
  { file: '13-apple-mail-copy.txt', name: 'Carlos Mendes', address: 'cmendes@unesp.br', subject: 'osg-ca-certs update broke fetch-crl', first: 'fetch-crl now fails for every CA after the last osg-ca-certs update.', last: 'Sent from my iPhone', earlier: false, cc: ['alima@unesp.br', 'rsouza@unesp.br'] },
  { file: '14-qp-body-no-headers.txt', name: '', address: '', subject: '', first: 'Hello OSG,', last: 'André', earlier: false, inBody: ['The config file has client=myclient and the log says réessayer later.'], problems: [NO_SENDER, NO_SUBJECT] },
  { file: '15-encoded-words-base64.eml', name: '陈小明', address: 'chen.xm@ihep.ac.cn', subject: 'XRootD 插件 error', first: '你好，', last: '陈小明', earlier: false, inBody: ['  libXrdHttp-5.so: cannot open shared object file'] },
  { file: '16-non-ascii-name.txt', name: 'Łukasz Żółkiewski', address: 'lukasz.zolkiewski@uw.edu.pl', subject: 'Błąd: voms-proxy-init nie działa', first: 'Dzień dobry,', last: 'Łukasz', earlier: false },
  { file: '17-latin1-qp.eml', name: 'François Lévesque', address: 'flevesque@in2p3.fr', subject: 'Problème avec le CE', first: 'Bonjour,', last: 'François', earlier: false, inBody: ['le CE refuse les jobs depuis la mise à jour.'] },
  { file: '18-comment-form-address.txt', name: "Sarah O'Connor", address: 'sarah.oconnor@tcd.ie', subject: 'StashCache origin not advertising', first: 'The origin does not show up in the director since yesterday.', last: 'The origin does not show up in the director since yesterday.', earlier: false },
  { file: '19-bare-address-many-prefixes.txt', name: '', address: 'ops@t2.example.org', subject: 'Storage report missing', first: 'The storage report has been missing for three days.', last: 'The storage report has been missing for three days.', earlier: false, problems: [] },
  { file: '20-no-headers.txt', name: '', address: '', subject: '', first: 'Hi,', last: 'Thanks', earlier: false, problems: [NO_SENDER, NO_SUBJECT] },
  { file: '21-html-only.eml', name: 'Priya Nair', address: 'pnair@iitb.ac.in', subject: 'Squid & Frontier', first: 'Hello,', last: 'Priya', earlier: true, inBody: ['squid shows TCP_MISS/503 & frontier <fails>.'], notInBody: ['alert(1)', 'color: red', '<div', 'Which squid'], inEarlier: ['Which squid version?'], problems: ['only an HTML version'] },
  { file: '22-html-source-paste.txt', name: '', address: '', subject: '', first: 'Dear OSG,', last: 'Kim', earlier: false, inBody: ['Our HTCondor pool lost its collector.\nAny idea?'], notInBody: ['<b>'], problems: ['HTML source', NO_SENDER, NO_SUBJECT] },
  { file: '23-german-quote-intro.txt', name: 'Hans Weber', address: 'hweber@gsi.de', subject: 'Pelican-Cache startet nicht', first: 'Hallo,', last: 'Hans', earlier: true, inBody: ['pelican[1234]: Failed to bind to port 8443: address already in use'], inEarlier: ['Am 20.01.2025 um 17:45 schrieb OSG Software <software@opensciencegrid.org>:'] },
  { file: '24-french-outlook-and-intro.txt', name: 'Jean Dupont', address: 'jean.dupont@lal.in2p3.fr', subject: 'Certificat hôte expiré', first: 'Bonjour,', last: 'Jean', earlier: true, date: 'mercredi 22 janvier 2025 10:15', to: ['help@opensciencegrid.org'], inEarlier: ['a écrit :', '> Merci de renouveler le certificat hôte.'] },
  { file: '25-shell-prompts.txt', name: 'Bob Lee', address: 'blee@fnal.gov', subject: 'condor_q shows nothing', first: 'Here is what I ran:', last: 'Bob', earlier: false, inBody: ['[blee@submit01 ~]$ condor_q -all > /tmp/q.txt', '> pilot test\n> EOF\nblee@host:~> ls /var/log/condor', 'mysql> SELECT COUNT(*) FROM jobs;', 'PS C:\\> Get-Service condor', '-> matched 0 jobs <-'] },
  { file: '26-trailing-quote-block.txt', name: 'Nina Petrova', address: 'npetrova@jinr.ru', subject: 'OSG 24 repository key', first: 'Yes, the key import works now.', last: 'Nina', earlier: true, inEarlier: ['> Please import the new key with rpm --import.\n> OSG Help'] },
  { file: '27-interleaved-reply.txt', name: 'Omar Haddad', address: 'ohaddad@example.edu', subject: 'Questions about the CE config', first: '> Which batch system do you use?', last: 'Omar', earlier: false, inBody: ['Slurm 23.11.', '> Is the CE on the same host as the scheduler?\nNo, a separate VM.'] },
  { file: '28-gmail-web-view.txt', name: 'Grace Kim', address: 'grace.kim@example.org', subject: '', first: 'Hi Jane,', last: 'Grace', earlier: false, notInBody: ['to me', '2 days ago'], problems: [NO_SUBJECT] },
  { file: '29-multipart-mixed-attachment.eml', name: 'Nguyen, Minh', address: 'minh.nguyen@example.edu', subject: 'Job log attached', first: 'The job log is attached; the job exits with code 137.', last: 'Minh', earlier: false, notInBody: ['HTML version', 'Job submitted', 'multi-part'] },
  { file: '31-thunderbird-german-original.txt', name: 'Anna Keller', address: 'anna.keller@uni-muenchen.de', subject: 'Zertifikat abgelaufen', first: 'Das neue Zertifikat ist installiert.', last: 'Anna', earlier: true, inEarlier: ['-------- Ursprüngliche Nachricht --------', 'Ihr Host-Zertifikat ist abgelaufen.'] },
  { file: '32-log-banner-not-quote.txt', name: 'Ravi Kumar', address: 'rkumar@example.in', subject: 'osg-test failures', first: 'osg-test output:', last: 'Ravi', earlier: false, inBody: ['---------- TEST FAILED ----------\ntest_01_start_condor (osgtest.tests.test_150_condor) ... FAIL\nFrom: /var/log/condor/MasterLog'] },
  { file: '33-outlook-forward-colleague-nested.txt', name: 'Bob Lee', address: 'blee@fnal.gov', subject: 'CE broken', first: 'Please look.', last: 'Still broken.', earlier: true, inBody: ['From: Ann Admin <ann@site.edu>\nSent: Monday, March 3, 2025 4:00 PM'], notInBody: ['Is it fixed?'], inEarlier: ['-----Original Message-----', 'Is it fixed?'] },
  { file: '34-gmail-self-forward-of-reply.txt', name: 'Ann Admin', address: 'ann@site.edu', subject: 'CE broken', first: 'Still broken.', last: 'Still broken.', earlier: true, date: 'Mon', to: ['me@x.org'], inEarlier: ['On Mon, Bob <b@x.org> wrote:\n> Is it fixed?'] },
];

describe('parseEmail on real-shaped pasted e-mails', () => {
  it.each(CASES)('$file', (c) => {
    const parsed = parseEmail(read(c.file));
    const lines = parsed.body.split('\n');
    expect({ name: parsed.fromName, address: parsed.fromAddress, subject: parsed.subject }).toEqual({ name: c.name, address: c.address, subject: c.subject });
    expect(lines[0]).toBe(c.first);
    expect(lines[lines.length - 1]).toBe(c.last);
    expect(parsed.earlier !== '').toBe(c.earlier);
    if (c.date !== undefined) expect(parsed.date).toBe(c.date);
    if (c.to) expect(parsed.to).toEqual(c.to);
    if (c.cc) expect(parsed.cc).toEqual(c.cc);
    for (const text of c.inBody ?? []) expect(parsed.body).toContain(text);
    for (const text of c.notInBody ?? []) expect(parsed.body).not.toContain(text);
    for (const text of c.inEarlier ?? []) expect(parsed.earlier).toContain(text);
    if (c.problems) {
      expect(parsed.problems).toHaveLength(c.problems.length);
      c.problems.forEach((p, i) => expect(parsed.problems[i]).toContain(p));
    }
    // Plain text only: no mark-up survives from an HTML mail, no control characters.
    expect(parsed.body).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
  });

  it('covers at least 25 messages, one per fixture file', () => {
    expect(CASES.length + 1).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it('a 2 MB paste (headers and a log) is cut at 256 KB and says so; the start is intact', () => {
    const logLine = '2025-01-29 10:00:00.123 condor_schedd[2211]: Job 42.0 > shadow exited with status 4 <x>\n';
    const text = read('30-spanish-intro-big-head.txt') + logLine.repeat(Math.ceil((2 * 1024 * 1024) / logLine.length));
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const parsed = parseEmail(text);
    expect(parsed.fromName).toBe('Juan Pérez');
    expect(parsed.fromAddress).toBe('jperez@example.es');
    expect(parsed.subject).toBe('Log completo del CE');
    expect(parsed.body.split('\n')[0]).toBe('Adjunto el log completo:');
    expect(parsed.body.split('\n')[1]).toBe(logLine.trimEnd());
    expect(parsed.body.length).toBeLessThanOrEqual(256 * 1024);
    expect(parsed.body.length).toBeGreaterThan(250 * 1024);
    expect(parsed.earlier).toBe('');
    expect(parsed.problems).toEqual([expect.stringMatching(/only its first 256 KB were read/)]);
  });
});
