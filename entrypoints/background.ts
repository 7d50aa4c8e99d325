import { defineBackground } from 'wxt/utils/define-background';
import { registerAfterLoadScriptsService } from '../services/after-load-scripts';
import { registerCoreService } from '../services/core';
import { registerPermissionsService } from '../services/permissions';
import { registerHooksGate } from '../services/shared/hooks';
import { registerQueueService } from '../services/queue';
import { registerRotationService } from '../services/rotation';
import { registerWelcomeService } from '../services/welcome';
import { registerEmailToTicketService } from '../services/email-to-ticket';
import { registerGocOriginsService } from '../services/goc-origins';
import { registerTeamFileService } from '../services/team-file';

export default defineBackground(() => {
  // Every listener is registered synchronously, before any await, so a woken worker sees its event.
  // First: the test hooks count only once this has published that the install is a development one.
  registerHooksGate();
  registerCoreService();
  registerAfterLoadScriptsService();
  registerRotationService();
  registerQueueService();
  registerWelcomeService();
  registerPermissionsService();
  registerTeamFileService();
  registerGocOriginsService();
  registerEmailToTicketService();
});
