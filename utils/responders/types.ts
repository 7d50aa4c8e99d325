/** Types shared by the responder modules (re-exported from utils/responders.ts). */
export type ResponderRole = 'software' | 'osg-staff' | 'submitter' | 'unknown';
export type ResponderSource = 'header' | 'signature' | 'trailer' | 'roster' | 'none';

export interface Responder {
  /** Display name ('' when nobody could be named). */
  name: string;
  role: ResponderRole;
  source: ResponderSource;
  /** One sentence saying how it was decided (the badge tooltip). */
  reason: string;
}

export interface RosterPerson {
  name: string;
  emails?: readonly string[];
  aliases?: readonly string[];
  role: 'software' | 'osg-staff';
}

export interface ResponderContext {
  roster: readonly RosterPerson[];
  submitter: { name: string; email: string; submitterName: string };
}

export interface UpdateText {
  byHeader: string | null;
  bodyText: string;
}

export interface Person {
  name: string;
  role: 'software' | 'osg-staff' | 'submitter';
}

export interface Lookup {
  person: Person;
  how: string;
}

/** Evidence found in a body: the name as written and the raw text quoted in the reason. */
export interface Found {
  name: string;
  evidence: string;
  roleLine?: boolean;
}

/**
 * Badge colours per role (here, not in responders.ts, so a page stylesheet does not pull in the parsers): white text on these backgrounds reaches WCAG AA (≥ 4.5:1) for normal text;
 * the unit tests compute the ratios.
 */
export const ROLE_COLORS: Record<ResponderRole, { background: string; color: string }> = {
  software: { background: '#1d4f91', color: '#ffffff' },
  'osg-staff': { background: '#6a1b9a', color: '#ffffff' },
  submitter: { background: '#1b5e20', color: '#ffffff' },
  unknown: { background: '#595959', color: '#ffffff' },
};
