-- Search filtered by board (issue 13): the newest matches of one board, for the page and for its count (at most
-- 1,001). Through ix_search_entries_created a common word in one board of ten read every row of the date range,
-- 25,000 rows to count 1,001 matches in a quarter of 1,000,000 posts; through this index it reads that board's rows
-- only, about 2,600 (cold 60 ms against 180 ms; warm, at a load average of 17, 4-37 ms against 42-62 ms; see
-- docs/benchmarks.md). Built in one statement: it holds writes of search_entries (the search consumer's, on every
-- node) for the seconds it takes, 4 s at 1,000,000 entries.
CREATE INDEX ix_search_entries_board_created ON search_entries (board_id, created_at DESC, post_id DESC);
