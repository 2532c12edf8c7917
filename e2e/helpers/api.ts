// Reading the officer API as a given demo account (its saved session), checked with the app's own
// zod schemas so a contract change shows up here as a clear parse error.
import { expect, request, type APIRequestContext } from '@playwright/test';
import type { z } from 'zod';
import { authFile, type AccountKey } from './accounts';

export async function apiAs(account: AccountKey, baseURL: string | undefined): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: authFile(account) });
}

/** What both a browser Response and an APIResponse offer. */
interface JsonAnswer {
  status(): number;
  url(): string;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export async function readJson<S extends z.ZodType>(response: JsonAnswer, schema: S): Promise<z.output<S>> {
  expect(response.status(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(
    200,
  );
  return schema.parse(await response.json());
}

export async function getJson<S extends z.ZodType>(
  api: APIRequestContext,
  path: string,
  schema: S,
): Promise<z.output<S>> {
  return readJson(await api.get(path), schema);
}
