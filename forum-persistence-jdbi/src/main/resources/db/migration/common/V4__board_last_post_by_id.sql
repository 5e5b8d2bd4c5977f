-- A board's last post is the visible thread's last post with the highest post id, no longer the latest time: ids grow
-- with every insert, a clock may step back. This index serves that choice (after a thread is deleted or moved, and in
-- the bulk recount) as the old one served the order by time.
DROP INDEX ix_threads_board_last_post;
CREATE INDEX ix_threads_board_last_post_id ON threads (board_id, last_post_id DESC);
