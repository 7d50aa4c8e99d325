/**
 * The seed personas' roster as the team config states it (tests/goc-sim/personas.mjs). Kept small
 * and explicit so a test failure names the person involved.
 */
import type { ResponderContext, RosterPerson } from '../../../utils/responders';

export const ROSTER: RosterPerson[] = [
  { name: 'Alain Roy', role: 'software', emails: ['alain.roy@wisc.example.edu'], aliases: ['Alain', 'aroy'] },
  {
    name: 'Mat Selmeci',
    role: 'software',
    emails: ['mat.selmeci@wisc.example.edu'],
    aliases: ['Mat', 'Matyas Selmeci', 'Mátyás Selmeci', 'matyas'],
  },
  { name: 'Tim Cartwright', role: 'software', emails: ['tim.cartwright@wisc.example.edu'], aliases: ['TimC', 'Timothy Cartwright', 'cat'] },
  { name: 'Brian Lin', role: 'software', emails: ['brian.lin@wisc.example.edu'], aliases: ['Brian', 'BL', 'blin'] },
  { name: 'Carl Edquist', role: 'software', emails: ['carl.edquist@wisc.example.edu'], aliases: ['Carl', 'edquist'] },
  { name: 'Tim Theisen', role: 'software', emails: ['tim.theisen@wisc.example.edu'], aliases: ['TimT', 'Timothy Theisen', 'tim'] },
  { name: 'Suchandra Thapa', role: 'software', emails: ['suchandra.thapa@uchicago.example.edu'], aliases: ['Suchandra', 'sthapa'] },
  { name: 'Rob Quick', role: 'osg-staff', emails: ['rob.quick@iu.example.edu'], aliases: ['Rob', 'rquick'] },
  { name: 'Elizabeth Chism', role: 'osg-staff', emails: ['elizabeth.chism@iu.example.edu'], aliases: ['Elizabeth', 'echism'] },
  { name: 'Kyle Gross', role: 'osg-staff', emails: ['kyle.gross@iu.example.edu'], aliases: ['Kyle', 'kagross'] },
  { name: 'Soichi Hayashi', role: 'osg-staff', emails: ['soichi.hayashi@iu.example.edu'], aliases: ['Soichi', 'hayashis'] },
];

export function contextFor(submitter: Partial<ResponderContext['submitter']> = {}): ResponderContext {
  return {
    roster: ROSTER,
    submitter: { name: 'Jane Smith', email: 'jane.smith@physics.wisc.example.edu', submitterName: 'Jane Smith', ...submitter },
  };
}
