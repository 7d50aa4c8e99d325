import type { SectionProps } from '../types';

/** Options section "Guard": placeholder until its feature lands. */
export function GuardSection(_props: SectionProps) {
  return null;
}
