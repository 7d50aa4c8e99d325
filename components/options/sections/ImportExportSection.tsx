import type { SectionProps } from '../types';

/** Options section "ImportExport": placeholder until its feature lands. */
export function ImportExportSection(_props: SectionProps) {
  return null;
}
