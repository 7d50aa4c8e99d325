/**
 * The one settings object. Validated with zod on load and on import; every object is "loose"
 * so keys this version does not know survive a round-trip (team files are shared between versions).
 * Written in `zod/mini`, zod's tree-shaken form: the same validator core and English messages, a
 * third of the code to load in the options page and the background (README › Performance).
 * Every web address setting is `https:` only (urlProblem); `queue.gocBaseUrl` only on a GOC host
 * (built in, or one of `goc.extraOrigins`: a rule across sections, see settingsSchema).
 * Pure: no browser APIs here.
 */
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { describeUnknownPlaceholders } from '../signature';
import {
  DEFAULT_DOC_LINKS,
  DEFAULT_SIGNATURE,
  DEFAULT_SNIPPETS,
  DEFAULT_SOFTWARE_ASSIGNEES,
  DEFAULT_TEAM_TIME_ZONE,
  DEFAULT_TRIAGE_NEXT_ACTION,
  DEFAULT_TRIAGE_NEXT_ACTIONS,
} from './defaults';
import { describeUnknownTriagePlaceholders } from '../triage/presets';
import { DEFAULT_GOC_BASE_URL, GOC_HOSTS, isGocHost } from '../goc/hosts';
import { checkGocOrigin, MAX_EXTRA_ORIGINS } from '../goc/origins';
import { isValidTimeZone } from '../time';

// Extension pages forbid eval (MV3 CSP): without `jitless`, zod probes `new Function` and the
// browser logs a CSP violation on every page that validates settings. zod/mini loads no messages
// of its own ("Invalid input" for everything): the English ones name what was expected.
z.config({ ...english(), jitless: true });

export const SETTINGS_VERSION = 1;

const trimmed = z.string().check(z.trim());
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-02-13'));
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 09:00'));
/** A trimmed text of at most `max` characters. */
const shortText = (max: number) => trimmed.check(z.maxLength(max));
/** A trimmed text that must not be empty (`message` says which). */
const namedText = (message: string) => trimmed.check(z.minLength(1, message));
/** A number from `min` to `max`, both included. */
const between = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
/** A whole number from `min` to `max`, both included. */
const wholeBetween = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

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
  return trimmed.check(
    z.superRefine((value, ctx) => {
      if (options.emptyOk && value === '') return;
      const problem = urlProblem(value, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

/** Identity is stored in storage.sync (8 KB per item), hence the length limits. */
export const identitySchema = z.looseObject({
  name: z._default(shortText(200), ''),
  email: z._default(z.pipe(shortText(200), z.union([z.literal(''), z.email('expected an e-mail address')])), ''),
  /** The user's Footprints id (e.g. "aroy"), used to recognise "assigned to me". */
  footprintsId: z._default(shortText(100), ''),
  /** Other spellings of the name seen in tickets ("Alain", "A. Roy"). */
  aliases: z._default(z.array(shortText(200)).check(z.maxLength(20)), []),
});

export const teamMemberSchema = z.looseObject({
  name: namedText('a team member needs a name'),
  emails: z._default(z.array(trimmed), []),
  aliases: z._default(z.array(trimmed), []),
  role: z._default(z.enum(['software', 'osg-staff']), 'software'),
  /** Footprints id ("aroy"): finds the person in teams the editor shows as autocomplete lists. */
  footprintsId: z.optional(shortText(100)),
});

export const snippetSchema = z.looseObject({
  name: namedText('a snippet needs a name'),
  text: z.string(),
});

export const expertSchema = z.looseObject({
  topic: namedText('an expert topic needs a name'),
  keywords: z._default(z.array(trimmed), []),
  people: z._default(z.array(trimmed), []),
  /** The team these people belong to when it is not ours (security, operations, glidein). */
  team: z.optional(shortText(100)),
});

export const overrideSchema = z.looseObject({
  /** Monday (or any day) of the duty week, YYYY-MM-DD. */
  week: isoDate,
  person: trimmed,
});

export const rotationSchema = z.looseObject({
  /** URL of an iCal feed, a TWiki topic or a JSON file; empty = not configured. */
  source: z._default(webAddress({ emptyOk: true }), ''),
  timeZone: z._default(z.string().check(z.refine((tz) => isValidTimeZone(tz), 'unknown time zone')), DEFAULT_TEAM_TIME_ZONE),
  holidays: z._default(z.array(isoDate), []),
  overrides: z._default(z.array(overrideSchema), []),
  syncHours: z._default(between(1, 168), 6),
});

export const queueSchema = z.looseObject({
  /** Where the GOC Ticket app lives, including a /goc prefix when there is one. */
  // On a built-in GOC host, or on one of goc.extraOrigins: checked with the whole settings (gocSiteRule).
  gocBaseUrl: z._default(webAddress(), DEFAULT_GOC_BASE_URL),
  softwareAssignees: z._default(z.array(trimmed), () => [...DEFAULT_SOFTWARE_ASSIGNEES]),
  triageNextAction: z._default(trimmed, DEFAULT_TRIAGE_NEXT_ACTION),
  staleDays: z._default(wholeBetween(1, 365), 7),
  checkMinutes: z._default(between(1, 1440), 10),
  offHoursCheckMinutes: z._default(between(1, 1440), 60),
  timeoutSeconds: z._default(between(1, 300), 20),
  historyDays: z._default(wholeBetween(1, 3650), 180),
});

export const scheduleSchema = z.looseObject({
  workStart: z._default(hhmm, '09:00'),
  workEnd: z._default(hhmm, '17:00'),
  middayNudge: z._default(hhmm, '12:00'),
});

export const notificationsSchema = z.looseObject({
  newTicket: z._default(z.enum(['on-duty', 'always', 'never']), 'on-duty'),
  dutyReminder: z._default(z.boolean(), true),
  middayNudge: z._default(z.boolean(), true),
});

export const jiraSchema = z.looseObject({
  baseUrl: z._default(webAddress({ emptyOk: true }), ''),
  projectKey: z._default(trimmed, 'SOFTWARE'),
  /** Numeric JIRA project id (`pid`): the create page needs it to preselect the project. */
  projectId: z._default(trimmed.check(z.regex(/^\d*$/, 'expected the numeric JIRA project id')), ''),
});

export const docLinkSchema = z.looseObject({
  name: namedText('a link needs a name'),
  url: webAddress(),
});

export const triageSchema = z.looseObject({
  /** Next Action presets; {owner} = first chosen owner's first name, {me} = the user's name. */
  nextActions: z._default(
    z.array(shortText(200).check(z.minLength(1))).check(
      z.maxLength(30),
      z.superRefine((presets, ctx) => {
        for (const preset of presets) {
          const problem = describeUnknownTriagePlaceholders(preset);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      }),
    ),
    () => [...DEFAULT_TRIAGE_NEXT_ACTIONS],
  ),
  /** Documentation and troubleshooting guides the close checklist offers. */
  docLinks: z._default(z.array(docLinkSchema).check(z.maxLength(30)), () => DEFAULT_DOC_LINKS.map((l) => ({ ...l }))),
});

export const featuresSchema = z.looseObject({
  unsignedGuard: z._default(z.boolean(), true),
  /** Ask before an Update drops a Software pseudo-user that was assigned when the page loaded. */
  keepSoftwareGuard: z._default(z.boolean(), true),
  triagePanel: z._default(z.boolean(), true),
  closeChecklist: z._default(z.boolean(), true),
});

/** The team's shared configuration file, fetched on a schedule (services/team-file). */
export const teamFileSchema = z.looseObject({
  /** https address of the file the team lead publishes; empty = not used. */
  url: z._default(webAddress({ emptyOk: true }), ''),
});

/** A GOC site origin as typed: stored normalised (utils/goc/origins.ts), refused with its reason. */
const gocOrigin = z.pipe(
  trimmed,
  z.transform((value: string, ctx) => {
    const check = checkGocOrigin(value);
    if (check.ok) return check.origin;
    ctx.issues.push({ code: 'custom', message: check.problem, input: value });
    return z.NEVER;
  }),
);

/** GOC Ticket sites beyond the built-in hosts (utils/goc/hosts.ts): test instances, teams' copies. */
export const gocSchema = z.looseObject({
  /**
   * Origins such as https://ticket-itb.example.org (https, host and optional port, no path), stored
   * normalised; not a built-in host, none twice. Each needs its host permission, asked at run time.
   */
  extraOrigins: z._default(
    z.array(gocOrigin).check(
      z.maxLength(MAX_EXTRA_ORIGINS),
      z.superRefine((origins, ctx) => {
        origins.forEach((origin, i) => {
          if (origins.indexOf(origin) < i) ctx.addIssue({ code: 'custom', path: [i], message: `${origin} is listed twice` });
        });
      }),
    ),
    [],
  ),
});

/** A section's defaults: what its schema makes of an empty object. */
const emptySection = <T extends z.ZodMiniObject>(schema: T) =>
  z._default(schema, () => z.parse(schema, {}) as z.core.util.NoUndefined<z.output<T>>);

const settingsObject = z.looseObject({
  version: z._default(z.number().check(z.int(), z.minimum(1)), SETTINGS_VERSION),
  identity: emptySection(identitySchema),
  /** Template with {name}, {email}, {date}, {ticket}; any other {word} is refused. */
  signature: z._default(
    z.string().check(
      z.maxLength(2000),
      z.superRefine((template, ctx) => {
        const problem = describeUnknownPlaceholders(template);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    DEFAULT_SIGNATURE,
  ),
  team: z._default(z.array(teamMemberSchema), []),
  rotation: emptySection(rotationSchema),
  queue: emptySection(queueSchema),
  schedule: emptySection(scheduleSchema),
  notifications: emptySection(notificationsSchema),
  snippets: z._default(z.array(snippetSchema), () => DEFAULT_SNIPPETS.map((s) => ({ ...s }))),
  experts: z._default(z.array(expertSchema), []),
  jira: emptySection(jiraSchema),
  triage: emptySection(triageSchema),
  features: emptySection(featuresSchema),
  teamFile: emptySection(teamFileSchema),
  goc: emptySection(gocSchema),
});

/**
 * `queue.gocBaseUrl` on a built-in GOC host or on one of `goc.extraOrigins`: the one rule across
 * sections. Runs once every field is valid (zod skips refinements after field errors).
 */
function gocSiteRule(settings: { queue: { gocBaseUrl: string }; goc: { extraOrigins: string[] } }, ctx: z.core.$RefinementCtx): void {
  const problem = urlProblem(settings.queue.gocBaseUrl, { gocOnly: true, extraOrigins: settings.goc.extraOrigins });
  if (problem) ctx.addIssue({ code: 'custom', path: ['queue', 'gocBaseUrl'], message: problem });
}

/**
 * The whole settings object with the rule across sections. The options sections validate their part
 * with `settingsSchema.pick(...)`, which zod refuses on a refined object: pick comes from the object
 * without the rule (a part holds one section; the store checks the whole object on save).
 */
const refinedSettings = settingsObject.check(z.superRefine(gocSiteRule));
/** The top-level sections of the settings (`identity`, `queue`, …). */
export type SectionName = keyof typeof settingsObject.shape;
export const settingsSchema = Object.assign(refinedSettings, {
  pick: <M extends z.core.util.Mask<SectionName>>(mask: M & Record<Exclude<keyof M, SectionName>, never>) => z.pick(settingsObject, mask),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type Snippet = z.infer<typeof snippetSchema>;
export type Expert = z.infer<typeof expertSchema>;
export type RotationOverride = z.infer<typeof overrideSchema>;
export type DocLink = z.infer<typeof docLinkSchema>;
export type TriageSettings = z.infer<typeof triageSchema>;

