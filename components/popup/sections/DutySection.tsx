/** Popup section "Duty": placeholder until its feature lands. */
export function DutySection() {
  return null;
}
