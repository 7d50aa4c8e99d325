/**
 * Typed messaging (@webext-core/messaging). Each domain declares its messages in its own file;
 * this file only joins them, so features never edit each other's protocol.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CoreProtocol } from './core';
import type { EmailProtocol } from './email';
import type { QueueProtocol } from './queue';
import type { RotationProtocol } from './rotation';
import type { TeamFileProtocol } from './team-file';

export interface ProtocolMap extends CoreProtocol, RotationProtocol, QueueProtocol, EmailProtocol, TeamFileProtocol {}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
