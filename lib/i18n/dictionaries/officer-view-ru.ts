// Russian strings for the map layout and the API reference page. Wired into the main dictionary as
// `officerView`; `officer-view-en.ts` must have exactly the same keys.

export const officerViewRu = {
  apiDocs: {
    title: 'Документация API',
    intro:
      'API панели инспектора и API телефона. Время — ISO 8601 со смещением. Ошибки приходят как `application/problem+json` (RFC 9457) с полями `type`, `title`, `status`, `detail`, а при ошибках ввода — `errors` по каждому полю. Запросы инспектора идут с `cookie` сессии и видят только его округа; изменяющие запросы из браузера — только с того же адреса.',
    sourceNote:
      'Названия и описания операций ниже — на английском, как в самом документе OpenAPI: по ним работают разработчики интеграций.',
    sections: 'Разделы',
    access: 'Доступ',
    noSignIn: 'без входа',
    anyRole: 'любая роль',
    officerSession: 'сессия сотрудника ({roles})',
    deviceToken: 'токен устройства (`{scheme}`)',
    parameters: 'Параметры',
    requestBody: 'Тело запроса',
    responses: 'Ответы',
    responseFields: 'Поля ответа',
    name: 'Имя',
    type: 'Тип',
    required: 'Обязательно',
    description: 'Описание',
    yes: 'да',
    tags: {
      Workers: {
        name: 'Работники',
        description: 'Поиск и чтение карточек работников (с записью в журнал аудита).',
      },
      Map: { name: 'Карта', description: 'Кластеры, посчитанные на сервере, и офлайн-подложка.' },
      Lapses: { name: 'Перерывы', description: 'Очередь разбора, доказательства, решения и восстановление.' },
      Statistics: { name: 'Статистика', description: 'Счётчики и отчёты.' },
      Policy: { name: 'Правило', description: 'Правило перерывов и расчёт «что если».' },
      Audit: { name: 'Аудит', description: 'Журнал аудита (только дополнение).' },
      Live: { name: 'Поток событий', description: 'События с сервера (SSE).' },
      Device: { name: 'Телефон', description: 'Приложение на телефоне (токен устройства).' },
      'Tracker protocols': { name: 'Протоколы трекеров', description: 'Стандартные трекеры как клиенты.' },
      Administration: { name: 'Администрирование', description: 'Учётные записи сотрудников.' },
      Operations: { name: 'Эксплуатация', description: 'Проверка работоспособности.' },
    },
  },
  audit: {
    workersShown: {
      one: 'Показан {count} работник',
      few: 'Показаны {count} работника',
      many: 'Показаны {count} работников',
      other: 'Показаны {count} работника',
    },
  },
  map: {
    badge: 'Число на краю группы: открытые перерывы в этой группе',
  },
};
