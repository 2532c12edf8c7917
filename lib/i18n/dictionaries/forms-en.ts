// English messages of the forms; typed as the Russian ones, so keys cannot drift.
import type { FormsDictionary } from './forms-ru';

export const formsEn: FormsDictionary = {
  fixFields: 'Correct the marked fields.',
  officer: {
    username: 'Username: 3 to 40 characters, only Latin letters, digits, "_" and ".".',
    usernameTaken: 'This username is already taken. Choose another one.',
    name: 'Enter the first and last name (at most 200 characters).',
    password: 'The password must be 12 to 256 characters long.',
    role: 'Choose a role.',
    okrugs: 'Choose okrugs from the list.',
  },
  policy: {
    note: 'A note of at most 2000 characters, without control characters.',
  },
};
