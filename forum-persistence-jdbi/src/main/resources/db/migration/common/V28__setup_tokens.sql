-- One-time set-up links for the first admin (issue 17): kept by the SHA-256 of their token in the database, not in one
-- node's memory, so that any node accepts a link another node printed, a link works once across all nodes, and it
-- survives a restart until it is used. Emptied when the first admin is created.
CREATE TABLE setup_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
