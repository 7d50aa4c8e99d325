import type { SectionProps } from '../types';

/** The team file by URL (issue 9); being built. */
export function TeamFileSection(_props: SectionProps) {
  return null;
}
