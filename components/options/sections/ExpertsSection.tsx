import type { SectionProps } from '../types';

/** Options section "Experts": placeholder until its feature lands. */
export function ExpertsSection(_props: SectionProps) {
  return null;
}
