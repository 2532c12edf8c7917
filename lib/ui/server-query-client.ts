// A QueryClient per server request, shared by the server components of that request.
import 'server-only';
import { cache } from 'react';
import { makeQueryClient } from './query-client';

export const getServerQueryClient = cache(makeQueryClient);
