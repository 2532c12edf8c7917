import 'server-only';
// Delivery channels behind one interface. 'device' is built in: the phone pulls its messages
// (GET /api/v1/device/notifications), so it has nothing to send. Gateways that push (webhook; an SMS
// or push gateway later) are chosen by configuration: NOTIFY_CHANNELS=device,webhook.
import { createWebhookChannel } from './webhook';

/** What a gateway receives: ids and rendered words, never names, documents or coordinates. */
export interface OutgoingNotice {
  id: string;
  workerId: string;
  kind: string;
  createdAt: string;
  language: string;
  texts: { lang: string; title: string; body: string }[];
}

export interface ChannelOutcome {
  id: string;
  ok: boolean;
  error?: string;
}

export interface NotificationChannel {
  readonly name: string;
  /** Absent for pull channels (the device API). */
  send?: (batch: readonly OutgoingNotice[]) => Promise<ChannelOutcome[]>;
}

type Env = Readonly<Record<string, string | undefined>>;
type ChannelFactory = (env: Env) => NotificationChannel;

const FACTORIES = new Map<string, ChannelFactory>([
  ['device', () => ({ name: 'device' })],
  ['webhook', (env) => createWebhookChannel(env.NOTIFY_WEBHOOK_URL ?? '', env.NOTIFY_WEBHOOK_TOKEN)],
]);

/** Adds a gateway kind (e.g. an SMS provider) that NOTIFY_CHANNELS can then name. */
export function registerChannelFactory(name: string, factory: ChannelFactory): void {
  FACTORIES.set(name, factory);
}

/** The configured channels; an unknown name fails at start-up rather than dropping messages. */
export function readChannels(env: Env = process.env): NotificationChannel[] {
  const names = (env.NOTIFY_CHANNELS ?? 'device')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)].map((name) => {
    const factory = FACTORIES.get(name);
    if (!factory) {
      throw new Error(`NOTIFY_CHANNELS names "${name}"; known channels: ${[...FACTORIES.keys()].join(', ')}`);
    }
    return factory(env);
  });
}
