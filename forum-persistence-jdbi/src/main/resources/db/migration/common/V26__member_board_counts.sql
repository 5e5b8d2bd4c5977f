-- A member's counters split by board (issue 14: private boards leak nothing, counters included). Summed over all
-- boards a member's rows equal members.message_count and members.reaction_score; the core writes both in the same
-- transaction and recount checks both. A viewer who may not see some boards is shown the totals minus these rows'
-- sums over those boards, for every member on a page in one query. No row: nothing on that board.
CREATE TABLE member_board_counts (
    member_id      BIGINT NOT NULL,
    board_id       BIGINT NOT NULL,
    message_count  INTEGER NOT NULL,
    reaction_score BIGINT NOT NULL,
    CONSTRAINT pk_member_board_counts PRIMARY KEY (member_id, board_id)
);

-- the member list sorted for a viewer who may not see a board sums that board's rows
CREATE INDEX ix_member_board_counts_board ON member_board_counts (board_id, member_id);

-- Existing forums: visible posts (neither the post nor its thread deleted) per author and board, and the weights of
-- the reactions on them with the default reaction types (a forum with other weights: run recount once to repair).
INSERT INTO member_board_counts (member_id, board_id, message_count, reaction_score)
SELECT a.author_id, a.board_id, SUM(a.n), SUM(a.score) FROM (
    SELECT p.author_id, t.board_id, COUNT(*) AS n, 0 AS score
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL
    GROUP BY p.author_id, t.board_id
    UNION ALL
    SELECT p.author_id, t.board_id, 0 AS n,
           SUM(CASE r.type WHEN 'like' THEN 1 WHEN 'love' THEN 1 WHEN 'haha' THEN 1 WHEN 'wow' THEN 1
                           WHEN 'angry' THEN -1 ELSE 0 END) AS score
    FROM reactions r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id
    WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL
    GROUP BY p.author_id, t.board_id
) a
GROUP BY a.author_id, a.board_id;
