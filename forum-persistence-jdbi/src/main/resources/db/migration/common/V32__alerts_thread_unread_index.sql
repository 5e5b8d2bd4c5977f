-- Issue 18, task newsread: a member's alerts about posts they have read are marked read with their read mark, so a
-- thread's UNREAD alerts stay few while its alerts of all time grow. This index puts is_read right after thread_id:
-- the fan-out's news-pending read (per thread: thread_id = ?, is_read = FALSE) and the mark-read-with-the-thread update
-- (recipient, thread, unread) read one short range of the thread's unread alerts, and find recipient and post in the
-- index itself. It replaces V11's (thread_id, kind, is_read): H2 uses an index only up to its first column given by an
-- IN list, so with kind second a range covered every alert the thread ever had, read or not. Same number of indexes.
CREATE INDEX ix_alerts_thread_unread ON alerts (thread_id, is_read, kind, recipient_id, post_id);
DROP INDEX ix_alerts_thread;
