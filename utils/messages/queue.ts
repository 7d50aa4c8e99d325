/** Messages of the queue-watch service (owned by the queue feature). */
export interface QueueProtocol {
  /** Placeholder until the queue service lands. */
  queuePing(): boolean;
}
