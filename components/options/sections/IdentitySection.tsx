import type { SectionProps } from '../types';

/** Options section "Identity": placeholder until its feature lands. */
export function IdentitySection(_props: SectionProps) {
  return null;
}
