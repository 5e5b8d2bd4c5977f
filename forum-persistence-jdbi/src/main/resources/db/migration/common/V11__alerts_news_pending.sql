-- The fan-out asks, for every reply to a thread, which watchers still have an unread alert about it (news pending):
-- those get no second alert. One range of this index instead of a scan of every alert.
CREATE INDEX ix_alerts_thread ON alerts (thread_id, kind, is_read);
