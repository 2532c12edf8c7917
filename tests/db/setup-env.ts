// Points lib/db/client at the database the global setup made, before any test opens it.
import { inject } from 'vitest';

const url = inject('databaseUrl');
if (url) process.env.DATABASE_URL = url;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = inject('pgliteDir');
}
