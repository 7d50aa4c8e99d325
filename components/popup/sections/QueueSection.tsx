/** Popup section "Queue": placeholder until its feature lands. */
export function QueueSection() {
  return null;
}
