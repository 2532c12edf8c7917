// Texts of the sign-in page in both languages (Russian first).
import type { Lang } from '@/lib/i18n/config';

const ru = {
  title: 'Вход в систему',
  subtitle: 'Контроль регистрации иностранных работников. Вход только для сотрудников.',
  username: 'Логин',
  password: 'Пароль',
  submit: 'Войти',
  submitting: 'Входим…',
  invalid: 'Неверный логин или пароль.',
  locked: 'Слишком много неудачных попыток входа. Подождите и попробуйте снова.',
  lockedFor: 'Слишком много неудачных попыток входа. Попробуйте снова через {seconds} с.',
  disabled: 'Учётная запись отключена. Обратитесь к администратору.',
  network: 'Нет связи с сервером. Проверьте подключение и попробуйте ещё раз.',
  failed: 'Не удалось войти. Попробуйте ещё раз; если ошибка повторится, обратитесь к администратору.',
  or: 'или',
  sso: 'Войти через {name}',
  ssoFailed: 'Не удалось начать единый вход. Попробуйте ещё раз или войдите по логину и паролю.',
  required: 'Заполните это поле.',
  noAccount: 'Учётные записи создаёт администратор. Если у вас нет доступа, обратитесь к нему.',
};

export type SignInStrings = typeof ru;

const en: SignInStrings = {
  title: 'Sign in',
  subtitle: 'Registration compliance for foreign workers. For staff only.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  invalid: 'Wrong username or password.',
  locked: 'Too many failed sign-in attempts. Please wait and try again.',
  lockedFor: 'Too many failed sign-in attempts. Try again in {seconds} s.',
  disabled: 'This account is disabled. Contact your administrator.',
  network: 'Cannot reach the server. Check your connection and try again.',
  failed: 'Sign-in failed. Try again; if it keeps failing, contact your administrator.',
  or: 'or',
  sso: 'Sign in with {name}',
  ssoFailed: 'Could not start single sign-on. Try again or sign in with username and password.',
  required: 'Fill in this field.',
  noAccount: 'Accounts are created by an administrator. Ask them if you need access.',
};

export function signInStrings(lang: Lang): SignInStrings {
  return lang === 'en' ? en : ru;
}
