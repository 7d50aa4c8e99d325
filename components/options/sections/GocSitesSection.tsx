import type { SectionProps } from '../types';

/** Other GOC sites (issue 9); being built. */
export function GocSitesSection(_props: SectionProps) {
  return null;
}
