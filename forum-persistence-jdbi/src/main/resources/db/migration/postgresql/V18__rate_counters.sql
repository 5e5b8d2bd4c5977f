-- Rate limit windows shared by every app node (sign-in per address and per account, registration, posting, search,
-- ...): one row per hashed key, counted by one upsert per attempt. PostgreSQL only: on the embedded H2 database one
-- process owns the file, so the windows stay in its memory (InMemoryRateCounters) and cost no file write.
CREATE TABLE rate_counters (
    counter_key    VARCHAR(64) PRIMARY KEY,
    used           INTEGER     NOT NULL,
    window_ends_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_counters_window_ends_at ON rate_counters (window_ends_at);
