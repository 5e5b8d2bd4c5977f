-- The fan-out asks, for every reply to a thread, which watchers still have an unread alert about it (news pending):
-- those get no second alert. One range of this index instead of a scan of every alert.
CREATE INDEX ix_alerts_thread ON alerts (thread_id, kind, is_read);

-- Unsubscribe links older than their retention are deleted every ten minutes: one range of this index.
CREATE INDEX ix_email_unsubscribes_created ON email_unsubscribes (created_at);
