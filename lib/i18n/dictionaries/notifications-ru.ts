// Russian strings of the worker file's messages section (issue 7). `notifications-en.ts` has the same keys.
export const notificationsRu = {
  title: 'Сообщения работнику',
  intro: 'Что приложение показало работнику: на русском и на его языке. Чтение записывается в журнал аудита.',
  empty: 'Сообщений работнику не было.',
  created: 'Создано {time}',
  workerLanguage: 'На языке работника: {lang}',
  failure: 'Ответ шлюза: {error}',
  kinds: {
    lapse_opened: 'Перерыв начался',
    reminder: 'Напоминание',
    cancelled: 'Отмена регистрации',
    reinstated: 'Восстановление',
    review_outcome: 'Итог проверки',
    address_changed: 'Смена адреса',
  },
  states: {
    created: 'Создано',
    delivered: 'Доставлено',
    acknowledged: 'Прочитано',
    failed: 'Ошибка доставки',
  },
  langs: {
    ru: 'русский',
    uz: 'узбекский',
    tg: 'таджикский',
    ky: 'киргизский',
    en: 'английский',
  },
};
