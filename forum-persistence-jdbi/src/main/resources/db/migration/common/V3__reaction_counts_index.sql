-- A thread page counts the reactions of its posts by type (post_id IN (...) GROUP BY post_id, type). With this index
-- the count reads the index alone instead of fetching every reaction row from the table (a random page per row).
CREATE INDEX ix_reactions_post_type ON reactions (post_id, type);
