import type { SectionProps } from '../types';

/** Options section "Snippets": placeholder until its feature lands. */
export function SnippetsSection(_props: SectionProps) {
  return null;
}
