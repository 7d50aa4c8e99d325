/** Messages of the triage-rotation service (owned by the rotation feature). */
export interface RotationProtocol {
  /** Placeholder until the rotation service lands. */
  rotationPing(): boolean;
}
