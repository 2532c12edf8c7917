// Russian messages of the forms: errors shown next to a field, for client checks and for the
// server's field errors (problem+json `errors`), which are written in English for API clients.
export const formsRu = {
  fixFields: 'Исправьте отмеченные поля.',
  officer: {
    username: 'Логин: от 3 до 40 символов, только латинские буквы, цифры, «_» и «.».',
    usernameTaken: 'Такой логин уже занят. Выберите другой.',
    name: 'Укажите имя и фамилию (не длиннее 200 символов).',
    password: 'Пароль должен быть не короче 12 и не длиннее 256 символов.',
    role: 'Выберите роль.',
    okrugs: 'Выберите округа из списка.',
  },
  policy: {
    note: 'Комментарий не длиннее 2000 символов, без управляющих символов.',
  },
};

export type FormsDictionary = typeof formsRu;
