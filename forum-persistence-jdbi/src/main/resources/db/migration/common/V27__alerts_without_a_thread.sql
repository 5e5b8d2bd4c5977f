-- Alerts about something outside threads (issue 14): the outcome of a report of a member's profile points at that
-- profile, and a webhook the forum disabled after repeated failures at the webhook (its admin page). Such alerts
-- have no thread; the webhook one is a system alert and has no actor either. No foreign keys, as for the other
-- columns of alerts: the list shows a removed profile or webhook as gone rather than losing the alert.
ALTER TABLE alerts ALTER COLUMN thread_id DROP NOT NULL;
ALTER TABLE alerts ALTER COLUMN actor_id DROP NOT NULL;
ALTER TABLE alerts ADD COLUMN profile_id BIGINT;
ALTER TABLE alerts ADD COLUMN webhook_id BIGINT;
