-- The identity sequences of the two tables a reply inserts into (issue 18, task h2outbox in docs/performance.md): H2
-- hands out identity values from a cache of 32 by default, and each time the cache runs out it commits its system
-- session to write the sequence's new high-water mark, which writes every unsaved page to the file: the work of a
-- durable commit, once every 32 posts and every 32 alerts (about a third of the file's stores under a stream of
-- replies). With a cache of 1,000 that happens once every 1,000. The mark written is the end of the cached range, so
-- after a crash (kill -9) the next value comes after every value handed out: a gap of at most 1,000 ids, never a
-- reused one. Ids are keys, not post numbers (those are counted per thread), so a gap is invisible to members.
ALTER TABLE posts ALTER COLUMN id SET CACHE 1000;
ALTER TABLE alerts ALTER COLUMN id SET CACHE 1000;
