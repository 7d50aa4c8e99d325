import type { SectionProps } from '../types';

/** Options section "Signature": placeholder until its feature lands. */
export function SignatureSection(_props: SectionProps) {
  return null;
}
