// English strings of the worker file's messages section (issue 7). Same keys as `notifications-ru.ts`.
import type { notificationsRu } from './notifications-ru';

export const notificationsEn: typeof notificationsRu = {
  title: 'Messages to the worker',
  intro:
    "What the app showed the worker: in Russian and in the worker's language. Reading is recorded in the audit log.",
  empty: 'No messages to the worker yet.',
  created: 'Created {time}',
  workerLanguage: "In the worker's language: {lang}",
  failure: 'Gateway answer: {error}',
  kinds: {
    lapse_opened: 'Lapse opened',
    reminder: 'Reminder',
    cancelled: 'Cancellation',
    reinstated: 'Reinstatement',
    review_outcome: 'Review outcome',
    address_changed: 'Address change',
  },
  states: {
    created: 'Created',
    delivered: 'Delivered',
    acknowledged: 'Acknowledged',
    failed: 'Delivery failed',
  },
  langs: {
    ru: 'Russian',
    uz: 'Uzbek',
    tg: 'Tajik',
    ky: 'Kyrgyz',
    en: 'English',
  },
};
