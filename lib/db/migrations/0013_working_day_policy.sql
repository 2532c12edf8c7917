-- Published-rule policies (issue 7): a named preset, a cancellation deadline counted in working days
-- on the production calendar, a reminder time, and for every lapse the policy version and the rule
-- that cancelled the registration, so explanations are written at read time from stored facts.
ALTER TABLE policy_versions ADD COLUMN preset text NOT NULL DEFAULT 'strict';
ALTER TABLE policy_versions ADD COLUMN cancel_unit text NOT NULL DEFAULT 'calendar';
ALTER TABLE policy_versions ADD COLUMN cancel_after_working_days integer NOT NULL DEFAULT 3;
ALTER TABLE policy_versions ADD COLUMN reminder_after_seconds integer;

-- policy_version: the version in force when the lapse opened; trigger: silence, device or fix;
-- cancel_rule: immediate, grace_elapsed or working_days_elapsed; cause_facts: what the
-- likely-cause rules found (event time, battery, station), rendered into words when read.
ALTER TABLE lapses ADD COLUMN policy_version integer;
ALTER TABLE lapses ADD COLUMN trigger text;
ALTER TABLE lapses ADD COLUMN cancel_rule text;
ALTER TABLE lapses ADD COLUMN cancelled_at timestamptz;
ALTER TABLE lapses ADD COLUMN cause_facts jsonb;

-- Address changes (issue 7): what changed, when the worker moved, and whether it was declared late.
ALTER TABLE registration_events ADD COLUMN detail jsonb;
