-- Messages to the worker (issue 7): an outbox written in the same transaction as the event it reports
-- (lapse opened, reminder, cancellation, reinstatement, review outcome, address change). Only a kind
-- code and the facts are stored; the words are rendered when read, in Russian and the worker's language.
-- dedupe_key makes "once per lapse / per silence" a unique-index question (ON CONFLICT DO NOTHING).
-- delivered_at: first handed to the phone (device API) or to a gateway; acknowledged_at: the phone
-- showed it. Lock order (lib/server/lock-order.ts): insert only, after audit_log, no row locks taken
-- except the phone's own acknowledgement, which touches nothing else.
CREATE TABLE IF NOT EXISTS worker_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  worker_id uuid NOT NULL REFERENCES workers(id),
  registration_id uuid,
  lapse_id uuid,
  kind text NOT NULL,
  facts jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  acknowledged_at timestamptz,
  failed_at timestamptz,
  failure text
);
CREATE UNIQUE INDEX IF NOT EXISTS worker_notifications_dedupe_idx ON worker_notifications (dedupe_key);
CREATE INDEX IF NOT EXISTS worker_notifications_worker_idx ON worker_notifications (worker_id, seq);

-- Delivery through gateways chosen by configuration (NOTIFY_CHANNELS): one row per message and channel.
CREATE TABLE IF NOT EXISTS notification_deliveries (
  notification_id uuid NOT NULL REFERENCES worker_notifications(id),
  channel text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, channel)
);

-- A worker's chosen language for messages (ru, uz, tg, ky); NULL: chosen by citizenship.
ALTER TABLE workers ADD COLUMN IF NOT EXISTS notify_language text;
