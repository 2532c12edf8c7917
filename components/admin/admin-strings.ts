// Texts of the account administration page in both languages (Russian first).
import type { Lang } from '@/lib/i18n/config';

const ru = {
  title: 'Учётные записи сотрудников',
  intro:
    'Создание учётных записей, роли и округа, отключение и завершение сеансов. Каждое изменение записывается в журнал аудита.',
  create: 'Добавить сотрудника',
  columns: {
    username: 'Логин',
    name: 'Имя',
    role: 'Роль',
    okrugs: 'Округа',
    status: 'Статус',
    lastSignIn: 'Последний вход',
    sessions: 'Сеансы',
    actions: 'Действия',
  },
  allOkrugs: 'Все округа',
  noOkrugs: 'Не назначены',
  enabled: 'Активна',
  disabled: 'Отключена',
  never: 'Не входил',
  you: 'это вы',
  sso: 'Единый вход',
  edit: 'Изменить',
  disable: 'Отключить',
  enable: 'Включить',
  revoke: 'Завершить сеансы',
  resetPassword: 'Сменить пароль',
  save: 'Сохранить',
  cancel: 'Отмена',
  saving: 'Сохраняем…',
  form: {
    username: 'Логин',
    usernameHint: 'Латинские буквы, цифры, «_» и «.», от 3 до 40 символов. Изменить потом нельзя.',
    name: 'Имя и фамилия',
    password: 'Пароль',
    passwordHint: 'Не короче 12 символов. Передайте его сотруднику лично.',
    role: 'Роль',
    okrugs: 'Округа',
    okrugsHint: 'Инспектор видит только назначенные округа; остальные роли видят все.',
    createTitle: 'Новая учётная запись',
    editTitle: 'Изменить учётную запись {username}',
    passwordTitle: 'Новый пароль для {username}',
    passwordNote: 'После смены пароля все сеансы сотрудника будут завершены.',
  },
  confirmDisable:
    'Отключить учётную запись {username}? Сотрудник не сможет войти, его сеансы будут завершены.',
  confirmRevoke: 'Завершить все сеансы {username}? Сотруднику придётся войти снова.',
  done: {
    created: 'Учётная запись {username} создана.',
    updated: 'Изменения сохранены.',
    disabled: 'Учётная запись {username} отключена, сеансы завершены.',
    enabled: 'Учётная запись {username} включена.',
    revoked: 'Сеансы {username} завершены: {count}.',
    password: 'Пароль {username} изменён, сеансы завершены.',
  },
  failed: 'Не удалось выполнить действие.',
  network: 'Нет связи с сервером. Проверьте подключение и повторите.',
  empty: 'Учётных записей пока нет. Добавьте первого сотрудника.',
  roles: {
    officer: 'Инспектор',
    supervisor: 'Старший инспектор',
    auditor: 'Аудитор',
    admin: 'Администратор',
  },
  zoneNote: 'Время московское.',
};

export type AdminStrings = typeof ru;

const en: AdminStrings = {
  title: 'Officer accounts',
  intro:
    'Create accounts, set roles and okrugs, disable accounts and end sessions. Every change is written to the audit log.',
  create: 'Add officer',
  columns: {
    username: 'Username',
    name: 'Name',
    role: 'Role',
    okrugs: 'Okrugs',
    status: 'Status',
    lastSignIn: 'Last sign-in',
    sessions: 'Sessions',
    actions: 'Actions',
  },
  allOkrugs: 'All okrugs',
  noOkrugs: 'None assigned',
  enabled: 'Active',
  disabled: 'Disabled',
  never: 'Never',
  you: 'you',
  sso: 'Single sign-on',
  edit: 'Edit',
  disable: 'Disable',
  enable: 'Enable',
  revoke: 'End sessions',
  resetPassword: 'Set password',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  form: {
    username: 'Username',
    usernameHint: 'Latin letters, digits, "_" and ".", 3 to 40 characters. Cannot be changed later.',
    name: 'Full name',
    password: 'Password',
    passwordHint: 'At least 12 characters. Hand it to the officer in person.',
    role: 'Role',
    okrugs: 'Okrugs',
    okrugsHint: 'An officer sees only the assigned okrugs; the other roles see all of them.',
    createTitle: 'New account',
    editTitle: 'Edit account {username}',
    passwordTitle: 'New password for {username}',
    passwordNote: 'Setting a new password ends all of the officer’s sessions.',
  },
  confirmDisable:
    'Disable the account {username}? The officer will not be able to sign in and their sessions end.',
  confirmRevoke: 'End all sessions of {username}? They will have to sign in again.',
  done: {
    created: 'Account {username} created.',
    updated: 'Changes saved.',
    disabled: 'Account {username} disabled; its sessions ended.',
    enabled: 'Account {username} enabled.',
    revoked: 'Sessions of {username} ended: {count}.',
    password: 'Password of {username} changed; its sessions ended.',
  },
  failed: 'The action could not be completed.',
  network: 'Cannot reach the server. Check your connection and retry.',
  empty: 'No accounts yet. Add the first officer.',
  roles: { officer: 'Officer', supervisor: 'Supervisor', auditor: 'Auditor', admin: 'Administrator' },
  zoneNote: 'Times are Moscow time.',
};

export function adminStrings(lang: Lang): AdminStrings {
  return lang === 'en' ? en : ru;
}

export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
