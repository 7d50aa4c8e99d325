import type { SectionProps } from '../types';

/** Options section "Queue": placeholder until its feature lands. */
export function QueueSection(_props: SectionProps) {
  return null;
}
