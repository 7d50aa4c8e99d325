import { defineBackground } from 'wxt/utils/define-background';
import { registerCoreService } from '../services/core';
import { registerQueueService } from '../services/queue';
import { registerRotationService } from '../services/rotation';
import { registerWelcomeService } from '../services/welcome';

export default defineBackground(() => {
  // Every listener is registered synchronously, before any await, so a woken worker sees its event.
  registerCoreService();
  registerRotationService();
  registerQueueService();
  registerWelcomeService();
});
