/** Queue watch service: check, badge, notifications. Filled in by the queue work (issue 5). */
export function registerQueueService(): void {}
