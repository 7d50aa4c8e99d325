/**
 * Typed messaging (@webext-core/messaging). Each domain declares its messages in its own file;
 * this file only joins them, so features never edit each other's protocol.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CoreProtocol } from './core';
import type { QueueProtocol } from './queue';
import type { RotationProtocol } from './rotation';

export interface ProtocolMap extends CoreProtocol, RotationProtocol, QueueProtocol {}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
