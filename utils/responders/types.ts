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
