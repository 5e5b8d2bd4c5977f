-- PostgreSQL full-text search (issue 13): one row per post, written by PostgresSearchIndex (the outbox consumer
-- 'search' and rebuilds), never by the forum's own ports. H2 has no such table: its index is Lucene's (see h2/V9).

-- English stemming without a stop-word list: "not", "and", "the" stay findable (a forum is searched for them, and
-- the query must not silently drop words people typed).
CREATE TEXT SEARCH DICTIONARY forumkit_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION forumkit_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION forumkit_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH forumkit_english_stem;

-- body and thread_title are the plain text as the index got it (snippets are cut from them). The vectors are
-- written by the adapter: words of the text lower-cased by Java (the database's locale may not know other
-- scripts' cases) plus Chinese, Japanese and Korean runs as overlapping two-character lexemes, which PostgreSQL's
-- parser cannot split itself. words holds the title (weight A, first posts only) and the text; title_words the
-- title alone (first posts only, else NULL) for titles-only searches.
CREATE TABLE search_entries (
    post_id        BIGINT PRIMARY KEY,
    thread_id      BIGINT NOT NULL,
    board_id       BIGINT NOT NULL,
    author_id      BIGINT NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    post_number    INTEGER NOT NULL,
    thread_title   VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,
    post_deleted   BOOLEAN NOT NULL,
    thread_deleted BOOLEAN NOT NULL,
    title_words    TSVECTOR,
    words          TSVECTOR NOT NULL
);

CREATE INDEX ix_search_entries_words ON search_entries USING GIN (words);
CREATE INDEX ix_search_entries_title_words ON search_entries USING GIN (title_words);
-- newest first: date-sorted and filter-only searches, and the tie-break of relevance
CREATE INDEX ix_search_entries_created ON search_entries (created_at DESC, post_id DESC);
CREATE INDEX ix_search_entries_thread ON search_entries (thread_id);
CREATE INDEX ix_search_entries_author ON search_entries (author_id, created_at DESC);
