import 'server-only';
// A push gateway reached over HTTP: POSTs {notifications:[...]} as JSON to a configured URL (a push or
// SMS provider's adapter, or an integration bus). A 2xx answer delivers the whole batch; anything
// else, or no answer within the timeout, fails it so the dispatcher tries again later.
import type { ChannelOutcome, NotificationChannel, OutgoingNotice } from './channels';

const TIMEOUT_MS = 10_000;

export function createWebhookChannel(url: string, token?: string): NotificationChannel {
  if (!/^https?:\/\//.test(url)) {
    throw new Error('NOTIFY_CHANNELS includes "webhook": set NOTIFY_WEBHOOK_URL to an http(s) URL.');
  }
  return {
    name: 'webhook',
    async send(batch: readonly OutgoingNotice[]): Promise<ChannelOutcome[]> {
      const fail = (error: string) => batch.map((n) => ({ id: n.id, ok: false, error }));
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ notifications: batch }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.body?.cancel();
        if (!res.ok) return fail(`webhook answered ${res.status}`);
        return batch.map((n) => ({ id: n.id, ok: true }));
      } catch (error) {
        return fail(
          error instanceof Error && error.name === 'TimeoutError'
            ? 'webhook timed out'
            : 'webhook unreachable',
        );
      }
    },
  };
}
