/**
 * Who exists in the simulated GOC Ticket world: Footprints (FP) users and teams, OIM contacts
 * (people who can log in), their permissions, e-mail addresses and X.509 DNs.
 * tests/fixtures/team-config.json describes the same people; keep both in step.
 */

/** Permissions are the OIM roles `gocticket_<action>` (docs/goc-pages.md §11). */
const EDITOR_PERMS = ['update', 'view_meta', 'close'];
const STAFF_PERMS = ['update', 'view_meta', 'close', 'admin', 'notify', 'view_security_incident_ticket'];

/** @typedef {{ id: string, name: string, email: string, phone: string, role: 'software'|'osg-staff'|'glidein'|'user'|'viewer'|'pseudo', perms: string[], fpAgent: boolean, institution: string, dn?: string, aliases?: string[] }} Persona */

/** The OSG Software Team (role `software` in the team config). */
export const SOFTWARE_TEAM = [
  {
    id: 'aroy',
    name: 'Alain Roy',
    email: 'alain.roy@wisc.example.edu',
    phone: '608-555-0101',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Alain Roy 424511',
    aliases: ['Alain', 'aroy'],
  },
  {
    id: 'matyas',
    name: 'Mat Selmeci',
    email: 'mat.selmeci@wisc.example.edu',
    phone: '608-555-0102',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Matyas Selmeci 702830',
    aliases: ['Mat', 'Matyas Selmeci', 'Mátyás Selmeci', 'matyas'],
  },
  {
    id: 'cat',
    name: 'Tim Cartwright',
    email: 'tim.cartwright@wisc.example.edu',
    phone: '608-555-0103',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Timothy Cartwright 133987',
    aliases: ['TimC', 'Timothy Cartwright', 'cat'],
  },
  {
    id: 'blin',
    name: 'Brian Lin',
    email: 'brian.lin@wisc.example.edu',
    phone: '608-555-0104',
    dn: '/DC=com/DC=DigiCert-Grid/O=Open Science Grid/OU=People/CN=Brian Lin 2317',
    aliases: ['Brian', 'BL', 'blin'],
  },
  {
    id: 'edquist',
    name: 'Carl Edquist',
    email: 'carl.edquist@wisc.example.edu',
    phone: '608-555-0105',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Carl Edquist 870044',
    aliases: ['Carl', 'edquist'],
  },
  {
    id: 'tim',
    name: 'Tim Theisen',
    email: 'tim.theisen@wisc.example.edu',
    phone: '608-555-0106',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Timothy Theisen 555321',
    aliases: ['TimT', 'Timothy Theisen', 'tim'],
  },
  {
    id: 'sthapa',
    name: 'Suchandra Thapa',
    email: 'suchandra.thapa@uchicago.example.edu',
    phone: '773-555-0107',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Suchandra Thapa 347817',
    aliases: ['Suchandra', 'sthapa'],
  },
].map((p) => ({ ...p, role: 'software', perms: EDITOR_PERMS, fpAgent: true, institution: 'OSG Software Team' }));

/** OSG staff at the GOC (role `osg-staff`). */
export const GOC_STAFF = [
  {
    id: 'rquick',
    name: 'Rob Quick',
    email: 'rob.quick@iu.example.edu',
    phone: '812-555-0201',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Robert Quick 146204',
    aliases: ['Rob', 'rquick'],
  },
  {
    id: 'echism',
    name: 'Elizabeth Chism',
    email: 'elizabeth.chism@iu.example.edu',
    phone: '812-555-0202',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Elizabeth Chism 911432',
    aliases: ['Elizabeth', 'echism'],
  },
  {
    id: 'kagross',
    name: 'Kyle Gross',
    email: 'kyle.gross@iu.example.edu',
    phone: '812-555-0203',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Kyle Gross 615993',
    aliases: ['Kyle', 'kagross'],
  },
  {
    id: 'hayashis',
    name: 'Soichi Hayashi',
    email: 'soichi.hayashi@iu.example.edu',
    phone: '812-555-0204',
    dn: '/DC=org/DC=doegrids/OU=People/CN=Soichi Hayashi 461343',
    aliases: ['Soichi', 'hayashis'],
  },
].map((p) => ({ ...p, role: 'osg-staff', perms: STAFF_PERMS, fpAgent: true, institution: 'OSG Grid Operations Center' }));

/**
 * OSG Glidein Factory Operations: FP agents outside our roster (not in the team config's `team`),
 * experts for glidein/factory/frontend problems. More than 12, so the editor shows their team as an
 * `fblist` (docs/goc-pages.md §7.1). Names include an apostrophe and accents on purpose.
 */
export const GLIDEIN_TEAM = [
  ['gf-mhoward', 'Marisol Howard'],
  ['gf-dbaxter', 'Devin Baxter'],
  ['gf-kfong', 'Kelly Fong'],
  ['gf-rokonkwo', 'Ruth Okonkwo'],
  ['gf-tbergstrom', 'Tomás Bergström'],
  ['gf-ajafari', 'Arash Jafari'],
  ['gf-lpetrov', 'Lena Petrov'],
  ['gf-cnakashima', 'Chris Nakashima'],
  ['gf-ssilva', 'Sofia Silva'],
  ['gf-loconnor', "Liam O'Connor"],
  ['gf-ibrandt', 'Ingrid Brandt'],
  ['gf-nadeyemi', 'Nia Adeyemi'],
  ['gf-gcosta', 'Gabriel Costa'],
  ['gf-hlindqvist', 'Hanna Lindqvist'],
].map(([id, name], i) => ({
  id,
  name,
  email: `${id.slice(3)}@gfactory.ucsd.example.edu`,
  phone: `858-555-04${String(10 + i).padStart(2, '0')}`,
  role: 'glidein',
  perms: EDITOR_PERMS,
  fpAgent: true,
  institution: 'OSG Glidein Factory Operations',
}));

/** FP pseudo-users: assignable, never people who write. */
export const SOFTWARE_PSEUDO_ID = 'osg-software-support-stream';
export const PSEUDO_USERS = [
  { id: SOFTWARE_PSEUDO_ID, name: 'Software Support (Triage)', email: 'osg-software-support@opensciencegrid.example.org' },
  { id: 'TX_FP71_GGUS2', name: 'GGUS (Prod)', email: 'tx+ggus@tick.globalnoc.example.edu' },
  { id: 'ress-ops', name: 'ReSS Operations', email: 'ress-ops@fnal.example.gov' },
  { id: 'gratia', name: 'Gratia Operations', email: 'gratia-ops@fnal.example.gov' },
  { id: 'RSV-Ops', name: 'RSV Operations', email: 'rsv-ops@iu.example.edu' },
].map((p) => ({ ...p, phone: '', role: 'pseudo', perms: [], fpAgent: true, institution: 'Footprints' }));

/** Users at universities and labs: OIM contacts who can log in but are not FP agents. */
const USER_ROWS = [
  ['jsmith', 'Jane Smith', 'jane.smith@physics.wisc.example.edu', 'UW-Madison Physics', 'GLOW'],
  ['mwalsh', 'Michael Walsh', 'mwalsh@hep.caltech.example.edu', 'Caltech HEP', 'CMS'],
  ['pnguyen', 'Phuong Nguyen', 'pnguyen@ultralight.ucsd.example.edu', 'UCSD', 'CMS'],
  ['rgarcia', 'Rosa Garcia', 'rgarcia@unl.example.edu', 'University of Nebraska-Lincoln', 'CMS'],
  ['dkim', 'Daniel Kim', 'dkim@uchicago.example.edu', 'University of Chicago', 'ATLAS'],
  ['abrown', 'Amanda Brown', 'amanda.brown@bnl.example.gov', 'Brookhaven National Laboratory', 'ATLAS'],
  ['hmueller', 'Hans Mueller', 'hmueller@fnal.example.gov', 'Fermilab', 'CMS'],
  ['spatel', 'Sanjay Patel', 'spatel@purdue.example.edu', 'Purdue University', 'CMS'],
  ['lchen', 'Li Chen', 'lchen@vanderbilt.example.edu', 'Vanderbilt University', 'CMS'],
  ['oolsen', 'Ole Olsen', 'oolsen@umich.example.edu', 'University of Michigan', 'ATLAS'],
  ['kjohnson', 'Karen Johnson', 'kjohnson@clemson.example.edu', 'Clemson University', 'OSG'],
  ['tnakamura', 'Takeshi Nakamura', 'tnakamura@utexas.example.edu', 'UT Arlington', 'ATLAS'],
  ['bwilliams', 'Brenda Williams', 'bwilliams@syr.example.edu', 'Syracuse University', 'LIGO'],
  ['fdubois', 'Francois Dubois', 'fdubois@in2p3.example.fr', 'CC-IN2P3', 'LIGO'],
  ['gross_e', 'Erik Gross', 'erik.gross@ucsc.example.edu', 'UC Santa Cruz', 'OSG'],
  ['mrossi', 'Marco Rossi', 'mrossi@infn.example.it', 'INFN Pisa', 'CMS'],
  ['aokafor', 'Adaeze Okafor', 'aokafor@unm.example.edu', 'University of New Mexico', 'OSG'],
  ['jlee', 'Jason Lee', 'jason.lee@ucsd.example.edu', 'San Diego Supercomputer Center', 'OSG'],
  ['cmartin', 'Claire Martin', 'cmartin@mit.example.edu', 'MIT LNS', 'CMS'],
  ['pkowalski', 'Piotr Kowalski', 'pkowalski@ou.example.edu', 'University of Oklahoma', 'ATLAS'],
  ['swright', 'Samantha Wright', 'swright@iu.example.edu', 'Indiana University', 'ATLAS'],
  ['vramos', 'Victor Ramos', 'vramos@ufl.example.edu', 'University of Florida', 'CMS'],
  ['ehansen', 'Emma Hansen', 'ehansen@nbi.example.dk', 'Niels Bohr Institute', 'ATLAS'],
  ['rthompson', 'Richard Thompson', 'rthompson@fiu.example.edu', 'Florida International University', 'OSG'],
  ['ngupta', 'Neha Gupta', 'ngupta@colorado.example.edu', 'University of Colorado', 'OSG'],
  ['dokeefe', "Declan O'Keefe", 'dokeefe@ucd.example.ie', 'University College Dublin', 'OSG'],
  ['jmorales', 'José Morales', 'jmorales@uprm.example.edu', 'University of Puerto Rico', 'OSG'],
];
function asciiName(name) {
  return name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
}

export const USERS = USER_ROWS.map(([id, name, email, institution, vo], i) => ({
  id,
  name,
  email,
  phone: `555-01${String(30 + i).padStart(2, '0')}`,
  role: 'user',
  perms: ['close'],
  fpAgent: false,
  institution,
  vo,
  // Two DN styles: DOEGrids (`CN=First Last 123456`) and CILogon (`CN=First Last A1234`).
  dn:
    i % 2 === 0
      ? `/DC=org/DC=doegrids/OU=People/CN=${asciiName(name)} ${310000 + i * 1237}`
      : `/DC=org/DC=cilogon/C=US/O=${institution.replace(/[^A-Za-z ]/g, '')}/CN=${asciiName(name)} A${1000 + i * 37}`,
}));

/** A signed-in user without the `update` permission: gets the read-only form with a New Update box. */
export const VIEWER = {
  id: 'viewer1',
  name: 'Pat Viewer',
  email: 'pat.viewer@umn.example.edu',
  phone: '612-555-0301',
  role: 'viewer',
  perms: ['close'],
  fpAgent: false,
  institution: 'University of Minnesota',
  vo: 'OSG',
};

/** @type {Map<string, Persona>} */
export const PERSONAS = new Map(
  [...SOFTWARE_TEAM, ...GOC_STAFF, ...PSEUDO_USERS, ...USERS, VIEWER, ...GLIDEIN_TEAM].map((p) => [p.id, p]),
);

/** People the simulator lets you sign in as (`gocsim_user` cookie): not the FP pseudo-users. */
export function loginPersona(id) {
  const p = PERSONAS.get(String(id ?? ''));
  return p && p.role !== 'pseudo' ? p : null;
}

export function personaByName(name) {
  for (const p of PERSONAS.values()) if (p.name === name) return p;
  return null;
}

export function personaByEmail(email) {
  const e = String(email).toLowerCase();
  for (const p of PERSONAS.values()) if (p.email.toLowerCase() === e) return p;
  return null;
}

/** Roster role as the team config states it: software / osg-staff, else null. */
export function rosterRole(p) {
  return p && (p.role === 'software' || p.role === 'osg-staff') ? p.role : null;
}

/**
 * FP teams in schema order. `N` in `team_N` is the index here, as on the real site (docs/goc-pages.md §7.1:
 * the schema's array index, not the name), and the Software team is `team_2` there too, so nothing
 * may read meaning from `N`: readers key on the `b.teamname` heading. Append new teams at the end;
 * tests name a team through the *_TEAM_INDEX constants below, never a bare `team_2`. Support Centers
 * (1) and Glidein Factory Operations (7) have more than 12 members, so the editor renders them as
 * `fblist`s (docs/goc-pages.md §7.1).
 */
export const TEAMS = [
  {
    team: 'OSG__bGOC__bSupport__bTeam',
    members: ['rquick', 'echism', 'kagross', 'hayashis'],
  },
  {
    team: 'OSG__bSupport__bCenters',
    members: [
      'sc-fnal', 'sc-bnl', 'sc-uscms-t2', 'sc-usatlas-t2', 'sc-ligo', 'sc-glow', 'sc-osgconnect', 'sc-hcc',
      'sc-sdsc', 'sc-mwt2', 'sc-swt2', 'sc-agglt2', 'sc-nwicg', 'sc-purdue', 'sc-clemson', 'sc-ucsd',
    ],
  },
  {
    team: 'OSG__bSoftware__bTeam',
    members: [SOFTWARE_PSEUDO_ID, 'aroy', 'matyas', 'cat', 'blin', 'edquist', 'tim', 'sthapa'],
  },
  {
    team: 'OSG__bSecurity__bTeam',
    members: ['kagross', 'rquick', 'cat'],
  },
  {
    team: 'Ticket__bExchange',
    members: ['TX_FP71_GGUS2', 'tx-fnal-snow'],
  },
  {
    team: 'OSG__bOperations__bServices',
    members: ['ress-ops', 'gratia', 'RSV-Ops', 'hayashis'],
  },
  {
    team: 'OSG__bCampus__bGrids',
    members: ['kjohnson-fp', 'rthompson-fp'],
  },
  {
    team: 'OSG__bGlidein__bFactory__bOperations',
    members: GLIDEIN_TEAM.map((p) => p.id),
  },
];

/** Team indices (`team_N`) the specs name. */
export const SOFTWARE_TEAM_INDEX = 2;
export const SUPPORT_CENTERS_TEAM_INDEX = 1;
export const GLIDEIN_TEAM_INDEX = 7;

/** Display names of FP ids that are not personas (support centres, TX accounts, campus contacts). */
export const EXTRA_FP_NAMES = {
  'sc-fnal': 'Fermilab Support Center',
  'sc-bnl': 'BNL Support Center',
  'sc-uscms-t2': 'USCMS Tier-2 Support',
  'sc-usatlas-t2': 'USATLAS Tier-2 Support',
  'sc-ligo': 'LIGO Support Center',
  'sc-glow': 'GLOW Support Center',
  'sc-osgconnect': 'OSG Connect Support',
  'sc-hcc': 'HCC Support Center',
  'sc-sdsc': 'SDSC Support Center',
  'sc-mwt2': 'MWT2 Support',
  'sc-swt2': 'SWT2 Support',
  'sc-agglt2': 'AGLT2 Support',
  'sc-nwicg': 'NWICG Support',
  'sc-purdue': 'Purdue Support Center',
  'sc-clemson': 'Clemson Support Center',
  'sc-ucsd': 'UCSD Support Center',
  'tx-fnal-snow': 'Fermilab ServiceNow',
  'kjohnson-fp': 'Karen Johnson',
  'rthompson-fp': 'Richard Thompson',
};

/** FP display name (AKA lookup) of an FP id; '' when FP does not know it (docs/goc-pages.md §10). */
export function fpName(id) {
  const p = PERSONAS.get(id);
  if (p && p.role !== 'user' && p.role !== 'viewer') return p.name;
  return EXTRA_FP_NAMES[id] ?? '';
}

/** FP's identifier escapes (Footprint::parse): `__b` space, `__u` -, `__f` /, `__P` (, `__p` ). */
export function fpParse(s) {
  return String(s)
    .replace(/__b/g, ' ')
    .replace(/__u/g, '-')
    .replace(/__f/g, '/')
    .replace(/__P/g, '(')
    .replace(/__p/g, ')');
}

export function teamName(i) {
  return fpParse(TEAMS[i].team);
}

/** Every FP id that appears in some team list (others are dropped by the editor on save). */
export function isTeamMember(id) {
  return TEAMS.some((t) => t.members.includes(id));
}

/** Vocabulary (docs/goc-pages.md §13). */
export const STATUSES = ['Engineering', 'Customer', 'Network Administration', 'Support Agency', 'Vendor', 'Resolved', 'Closed'];
export const CLOSED_STATUSES = ['Closed', '_DELETED_', '_SOLVED_', 'Resolved'];
export const TICKET_TYPES = ['Problem/Request', 'Security', 'Security_Notification', 'User Certificate Request', 'Host Certificate Request'];
export const RETIRED_TYPES = ['Scheduled Maintenance', 'Unscheduled Outage', 'Provision/Modify/Decom', 'Field Service Request', 'RMA'];
export const PRIORITY_EDITOR = { 1: 'Critical', 2: 'High', 3: 'Elevated', 4: 'Normal' };
export const PRIORITY_LIST = { 1: 'Critical', 2: 'High Priority', 3: 'Elevated', 4: 'Normal' };

export const VOS = ['ATLAS', 'CMS', 'LIGO', 'GLOW', 'OSG', 'Fermilab', 'IceCube', 'DES', 'HCC', 'MINOS'];
export const SUPPORT_CENTERS = ['OSG Software Support', 'Fermilab', 'BNL', 'USCMS', 'USATLAS', 'GLOW', 'HCC', 'OSG Connect', 'LIGO', 'Community Support Center'];
export const RESOURCES = [
  'UWMadisonCMS-CE1', 'Nebraska-Lincoln-red', 'MWT2_UC_CE', 'AGLT2_CE_2', 'BNL_ATLAS_1', 'FNAL_GPGRID_3',
  'UCSD-CMS-T2', 'Purdue-Hammer', 'Clemson-Palmetto', 'SU-ITS-CE2', 'UFlorida-HPC', 'Caltech-CMS-T2',
  'OU_OSCER_ATLAS', 'Vanderbilt-ACCRE', 'MIT_CMS_T2', 'UTA_SWT2', 'SDSC-Expanse-CE1', 'UPRM-CE',
];

/**
 * OIM rows behind the editor's metadata selects and the submit form's fblists: numeric ids, as
 * Rselector/Scselector/Voselector print them (values are ids, labels `name (fqdn)` for resources).
 */
export const RESOURCE_ROWS = RESOURCES.map((name, i) => ({ id: String(101 + i), name, label: `${name} (${name.toLowerCase().replace(/_/g, '-')}.example.edu)` }));
export const VO_ROWS = VOS.map((name, i) => ({ id: String(11 + i), name, label: name }));
export const SC_ROWS = SUPPORT_CENTERS.map((name, i) => ({ id: String(61 + i), name, label: name }));

/** GOC "quick description" templates (`/viewer/quickdesc?id=<name>`). */
export const QUICKDESC = {
  'Assign to Software': 'Assigning this ticket to the OSG Software Team for triage.\n\nThanks,\nOSG Grid Operations Center',
  'Waiting for Response': 'We are waiting for your response. Please let us know if you need further assistance.\n\nThanks,\nOSG Grid Operations Center',
  'Close - No Response': 'Since we have not heard back from you, we are closing this ticket. Please reopen it or submit a new ticket if you still need help.\n\nThanks,\nOSG Grid Operations Center',
  'Close - Resolved': 'This issue appears to be resolved, so we are closing the ticket. Thank you for contacting the OSG.\n\nThanks,\nOSG Grid Operations Center',
  'Security Notice': 'This is a security notification from the OSG Security Team. Please see the details below.',
};
