/** Messages of the queue-watch service (services/queue). */
import type { WeeklyReport } from '../queue/report';
import type { QueueLatest } from '../queue/state';

export interface QueueProtocol {
  /** The published state (same as storage.local `queue.latest`). */
  getQueueState(): QueueLatest;
  /** Runs a check now (or joins the one running) and resolves with its result. */
  checkQueueNow(): QueueLatest;
  /** The weekly triage report; weekOffset 0 = this week, -1 = last week… */
  getQueueReport(data: { weekOffset?: number } | undefined): WeeklyReport;
}
