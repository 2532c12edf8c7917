-- The live feed (lib/server/feed) reads new status events and lapses in commit order, once per
-- server instance. Each row records the transaction that wrote it; a row is read once every
-- transaction up to its own has finished (its id is below the oldest running transaction), so a
-- long transaction that commits late is still delivered, after the others, never skipped.
-- Rows written before this migration have no transaction id and are never sent as live events.
ALTER TABLE registration_events ADD COLUMN feed_xid bigint;
ALTER TABLE registration_events ALTER COLUMN feed_xid SET DEFAULT (pg_current_xact_id()::text)::bigint;
CREATE INDEX registration_events_feed_idx ON registration_events (feed_xid, id) WHERE feed_xid IS NOT NULL;
ALTER TABLE lapses ADD COLUMN feed_xid bigint;
ALTER TABLE lapses ALTER COLUMN feed_xid SET DEFAULT (pg_current_xact_id()::text)::bigint;
CREATE INDEX lapses_feed_idx ON lapses (feed_xid, id) WHERE feed_xid IS NOT NULL;
