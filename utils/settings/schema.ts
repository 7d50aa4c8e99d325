/**
 * The one settings object. Validated with zod on load and on import; every object is "loose"
 * so keys this version does not know survive a round-trip (team files are shared between versions).
 * Every web address setting is `https:` only (urlProblem); `queue.gocBaseUrl` only on a GOC host
 * (built in, or one of `goc.extraOrigins`: a rule across sections, see settingsSchema).
 * Pure: no browser APIs here.
 */
import { z } from 'zod';
import { describeUnknownPlaceholders } from '../signature';
import {
  DEFAULT_DOC_LINKS,
  DEFAULT_SIGNATURE,
  DEFAULT_SNIPPETS,
  DEFAULT_SOFTWARE_ASSIGNEES,
  DEFAULT_TRIAGE_NEXT_ACTION,
  DEFAULT_TRIAGE_NEXT_ACTIONS,
} from './defaults';
import { describeUnknownTriagePlaceholders } from '../triage/presets';
import { DEFAULT_GOC_BASE_URL, GOC_HOSTS, isGocHost } from '../goc/hosts';
import { checkGocOrigin, MAX_EXTRA_ORIGINS } from '../goc/origins';
import { isValidTimeZone } from '../time';

// Extension pages forbid eval (MV3 CSP): without this, zod probes `new Function` and the browser
// logs a CSP violation on every page that validates settings.
z.config({ jitless: true });

export const SETTINGS_VERSION = 1;

const trimmed = z.string().trim();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-02-13');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 09:00');

/**
 * Why `value` is not an acceptable web address for a setting, or null when it is. Only `https:`
 * (no `javascript:`, `data:`, `file:` or plain `http:`), and no user name or password in it.
 * With `gocOnly`, the host must also be one of the GOC Ticket hosts (utils/goc/hosts.ts), or the
 * origin one of `extraOrigins` (the other GOC sites the user added, `goc.extraOrigins`).
 */
export function urlProblem(value: string, options: { gocOnly?: boolean; extraOrigins?: readonly string[] } = {}): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'expected a URL';
  }
  if (url.protocol !== 'https:') {
    return `only https: addresses are accepted (this one is ${url.protocol.replace(/:$/, '')}:)`;
  }
  // (An https: URL always has a host: the URL parser refuses `https://` without one.)
  if (url.username || url.password) return 'an address with a user name or password in it is not accepted';
  if (options.gocOnly && !isGocHost(url.hostname) && !(options.extraOrigins ?? []).includes(url.origin)) {
    const others = options.extraOrigins?.length ? `, or one of your other GOC sites (${options.extraOrigins.join(', ')})` : '';
    return `expected the GOC Ticket address (https://${GOC_HOSTS.join(' or https://')}, with /goc when the app sits there${others})`;
  }
  return null;
}

/** A web address setting: trimmed, checked by urlProblem. */
function webAddress(options: { gocOnly?: boolean; emptyOk?: boolean } = {}) {
  return trimmed.superRefine((value, ctx) => {
    if (options.emptyOk && value === '') return;
    const problem = urlProblem(value, options);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Identity is stored in storage.sync (8 KB per item), hence the length limits. */
export const identitySchema = z.looseObject({
  name: trimmed.max(200).default(''),
  email: trimmed
    .max(200)
    .pipe(z.union([z.literal(''), z.email('expected an e-mail address')]))
    .default(''),
  /** The user's Footprints id (e.g. "aroy"), used to recognise "assigned to me". */
  footprintsId: trimmed.max(100).default(''),
  /** Other spellings of the name seen in tickets ("Alain", "A. Roy"). */
  aliases: z.array(trimmed.max(200)).max(20).default([]),
});

export const teamMemberSchema = z.looseObject({
  name: trimmed.min(1, 'a team member needs a name'),
  emails: z.array(z.string().trim()).default([]),
  aliases: z.array(trimmed).default([]),
  role: z.enum(['software', 'osg-staff']).default('software'),
  /** Footprints id ("aroy"): finds the person in teams the editor shows as autocomplete lists. */
  footprintsId: trimmed.max(100).optional(),
});

export const snippetSchema = z.looseObject({
  name: trimmed.min(1, 'a snippet needs a name'),
  text: z.string(),
});

export const expertSchema = z.looseObject({
  topic: trimmed.min(1, 'an expert topic needs a name'),
  keywords: z.array(trimmed).default([]),
  people: z.array(trimmed).default([]),
  /** The team these people belong to when it is not ours (security, operations, glidein). */
  team: trimmed.max(100).optional(),
});

export const overrideSchema = z.looseObject({
  /** Monday (or any day) of the duty week, YYYY-MM-DD. */
  week: isoDate,
  person: trimmed,
});

export const rotationSchema = z.looseObject({
  /** URL of an iCal feed, a TWiki topic or a JSON file; empty = not configured. */
  source: webAddress({ emptyOk: true }).default(''),
  timeZone: z
    .string()
    .default('America/Chicago')
    .refine((tz) => isValidTimeZone(tz), 'unknown time zone'),
  holidays: z.array(isoDate).default([]),
  overrides: z.array(overrideSchema).default([]),
  syncHours: z.number().min(1).max(168).default(6),
});

export const queueSchema = z.looseObject({
  /** Where the GOC Ticket app lives, including a /goc prefix when there is one. */
  // On a built-in GOC host, or on one of goc.extraOrigins: checked with the whole settings (gocSiteRule).
  gocBaseUrl: webAddress().default(DEFAULT_GOC_BASE_URL),
  softwareAssignees: z
    .array(trimmed)
    .default(() => [...DEFAULT_SOFTWARE_ASSIGNEES]),
  triageNextAction: trimmed.default(DEFAULT_TRIAGE_NEXT_ACTION),
  staleDays: z.number().int().min(1).max(365).default(7),
  checkMinutes: z.number().min(1).max(1440).default(10),
  offHoursCheckMinutes: z.number().min(1).max(1440).default(60),
  timeoutSeconds: z.number().min(1).max(300).default(20),
  historyDays: z.number().int().min(1).max(3650).default(180),
});

export const scheduleSchema = z.looseObject({
  workStart: hhmm.default('09:00'),
  workEnd: hhmm.default('17:00'),
  middayNudge: hhmm.default('12:00'),
});

export const notificationsSchema = z.looseObject({
  newTicket: z.enum(['on-duty', 'always', 'never']).default('on-duty'),
  dutyReminder: z.boolean().default(true),
  middayNudge: z.boolean().default(true),
});

export const jiraSchema = z.looseObject({
  baseUrl: webAddress({ emptyOk: true }).default(''),
  projectKey: trimmed.default('SOFTWARE'),
  /** Numeric JIRA project id (`pid`): the create page needs it to preselect the project. */
  projectId: trimmed.regex(/^\d*$/, 'expected the numeric JIRA project id').default(''),
});

export const docLinkSchema = z.looseObject({
  name: trimmed.min(1, 'a link needs a name'),
  url: webAddress(),
});

export const triageSchema = z.looseObject({
  /** Next Action presets; {owner} = first chosen owner's first name, {me} = the user's name. */
  nextActions: z
    .array(trimmed.min(1).max(200))
    .max(30)
    .default(() => [...DEFAULT_TRIAGE_NEXT_ACTIONS])
    .superRefine((presets, ctx) => {
      for (const preset of presets) {
        const problem = describeUnknownTriagePlaceholders(preset);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  /** Documentation and troubleshooting guides the close checklist offers. */
  docLinks: z.array(docLinkSchema).max(30).default(() => DEFAULT_DOC_LINKS.map((l) => ({ ...l }))),
});

export const featuresSchema = z.looseObject({
  unsignedGuard: z.boolean().default(true),
  /** Ask before an Update drops a Software pseudo-user that was assigned when the page loaded. */
  keepSoftwareGuard: z.boolean().default(true),
  triagePanel: z.boolean().default(true),
  closeChecklist: z.boolean().default(true),
});

/** The team's shared configuration file, fetched on a schedule (services/team-file). */
export const teamFileSchema = z.looseObject({
  /** https address of the file the team lead publishes; empty = not used. */
  url: webAddress({ emptyOk: true }).default(''),
});

/** GOC Ticket sites beyond the built-in hosts (utils/goc/hosts.ts): test instances, teams' copies. */
export const gocSchema = z.looseObject({
  /**
   * Origins such as https://ticket-itb.example.org (https, host and optional port, no path), stored
   * normalised; not a built-in host, none twice. Each needs its host permission, asked at run time.
   */
  extraOrigins: z
    .array(
      trimmed.transform((value, ctx) => {
        const check = checkGocOrigin(value);
        if (check.ok) return check.origin;
        ctx.addIssue({ code: 'custom', message: check.problem });
        return z.NEVER;
      }),
    )
    .max(MAX_EXTRA_ORIGINS)
    .default([])
    .superRefine((origins, ctx) => {
      origins.forEach((origin, i) => {
        if (origins.indexOf(origin) < i) ctx.addIssue({ code: 'custom', path: [i], message: `${origin} is listed twice` });
      });
    }),
});

const settingsObject = z.looseObject({
  version: z.number().int().min(1).default(SETTINGS_VERSION),
  identity: identitySchema.default(() => identitySchema.parse({})),
  /** Template with {name}, {email}, {date}, {ticket}; any other {word} is refused. */
  signature: z
    .string()
    .max(2000)
    .default(DEFAULT_SIGNATURE)
    .superRefine((template, ctx) => {
      const problem = describeUnknownPlaceholders(template);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  team: z.array(teamMemberSchema).default([]),
  rotation: rotationSchema.default(() => rotationSchema.parse({})),
  queue: queueSchema.default(() => queueSchema.parse({})),
  schedule: scheduleSchema.default(() => scheduleSchema.parse({})),
  notifications: notificationsSchema.default(() => notificationsSchema.parse({})),
  snippets: z.array(snippetSchema).default(() => DEFAULT_SNIPPETS.map((s) => ({ ...s }))),
  experts: z.array(expertSchema).default([]),
  jira: jiraSchema.default(() => jiraSchema.parse({})),
  triage: triageSchema.default(() => triageSchema.parse({})),
  features: featuresSchema.default(() => featuresSchema.parse({})),
  teamFile: teamFileSchema.default(() => teamFileSchema.parse({})),
  goc: gocSchema.default(() => gocSchema.parse({})),
});

/**
 * `queue.gocBaseUrl` on a built-in GOC host or on one of `goc.extraOrigins`: the one rule across
 * sections. Runs once every field is valid (zod skips refinements after field errors).
 */
function gocSiteRule(settings: { queue: { gocBaseUrl: string }; goc: { extraOrigins: string[] } }, ctx: z.RefinementCtx): void {
  const problem = urlProblem(settings.queue.gocBaseUrl, { gocOnly: true, extraOrigins: settings.goc.extraOrigins });
  if (problem) ctx.addIssue({ code: 'custom', path: ['queue', 'gocBaseUrl'], message: problem });
}

/**
 * The whole settings object with the rule across sections. The options sections validate their part
 * with `settingsSchema.pick(...)`, which zod refuses on a refined object: pick comes from the object
 * without the rule (a part holds one section; the store checks the whole object on save).
 */
const refinedSettings = settingsObject.superRefine(gocSiteRule);
export const settingsSchema: typeof refinedSettings = Object.assign(refinedSettings, { pick: settingsObject.pick.bind(settingsObject) });

export type Settings = z.infer<typeof settingsSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type Snippet = z.infer<typeof snippetSchema>;
export type Expert = z.infer<typeof expertSchema>;
export type RotationOverride = z.infer<typeof overrideSchema>;
export type DocLink = z.infer<typeof docLinkSchema>;
export type TriageSettings = z.infer<typeof triageSchema>;

