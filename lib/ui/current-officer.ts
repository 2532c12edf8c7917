// The signed-in officer for this request, looked up once even when the layout and the page both ask.
import 'server-only';
import { cache } from 'react';
import { requireOfficer } from '@/lib/server/session';

export const currentOfficer = cache(() => requireOfficer());
