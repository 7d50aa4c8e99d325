import type { SectionProps } from '../types';

/** Options section "Rotation": placeholder until its feature lands. */
export function RotationSection(_props: SectionProps) {
  return null;
}
