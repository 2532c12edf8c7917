// OpenAPI entries of the device notification routes (messages to the worker, issue 7).
import {
  ackBodySchema,
  ackResultSchema,
  deviceNotificationsPageSchema,
  deviceNotificationsParamsSchema,
} from '@/lib/api/notifications';
import { operation, type PathItem, queryParameters, validationError } from './build';

export function notificationPaths(unauthorizedDevice: { description: string }): Record<string, PathItem> {
  return {
    '/api/v1/device/notifications': {
      get: operation({
        tag: 'Device',
        operationId: 'getDeviceNotifications',
        summary: 'Messages to the worker not yet acknowledged, newest first',
        description:
          "Lapse opened (with what to do), reminder before cancellation, cancellation (the rule in words), reinstatement, review outcome, address change. Texts in Russian and the worker's language (Uzbek in Latin, Tajik and Kyrgyz in Cyrillic), rendered from the stored facts. Fetching marks a message delivered; acknowledge it once shown.",
        security: 'device',
        parameters: queryParameters(deviceNotificationsParamsSchema),
        responses: {
          200: { description: 'A page of messages.', schema: deviceNotificationsPageSchema },
          400: validationError,
          401: unauthorizedDevice,
        },
      }),
    },
    '/api/v1/device/notifications/ack': {
      post: operation({
        tag: 'Device',
        operationId: 'ackDeviceNotifications',
        summary: 'Acknowledge messages the phone showed (idempotent)',
        description:
          "Ids of other workers' messages are listed under `unknown` and left untouched; repeating an acknowledgement changes nothing.",
        security: 'device',
        body: { schema: ackBodySchema },
        responses: {
          200: { description: 'What was acknowledged.', schema: ackResultSchema },
          400: validationError,
          401: unauthorizedDevice,
        },
      }),
    },
  };
}
