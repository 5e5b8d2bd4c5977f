package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The search index in PostgreSQL's own full-text search, in the forum's database (table {@code search_entries},
 * migration V9): every app node on the database shares it, and the outbox consumer's writes join the transaction
 * that records its position ({@link #inStorage()}). Matching, stemming and ranking ({@code ts_rank_cd}) are
 * PostgreSQL's; CJK text is indexed as character pairs (see {@link SearchText}); snippets are cut by Java from the
 * stored plain text around the words {@code ts_headline} marked (see {@link Headlines}).
 */
final class PostgresSearchIndex implements SearchIndex {
    private static final String TITLE = "(to_tsvector(" + SearchSql.CONFIG + ", :titleWords) || CAST(:titleCjk AS tsvector))";
    private static final String BODY = "(to_tsvector(" + SearchSql.CONFIG + ", :bodyWords) || CAST(:bodyCjk AS tsvector))";
    private static final String WORDS = "setweight(COALESCE(" + TITLE + ", CAST('' AS tsvector)), 'A') || " + BODY;
    private static final String PUT = "INSERT INTO search_entries (post_id, thread_id, board_id, author_id, created_at,"
            + " post_number, thread_title, body, post_deleted, thread_deleted, title_words, words) VALUES (:post, :thread,"
            + " :board, :author, :created, :number, :title, :body, :postDeleted, :threadDeleted, " + TITLE + ", " + WORDS + ")"
            + " ON CONFLICT (post_id) DO UPDATE SET thread_id = EXCLUDED.thread_id, board_id = EXCLUDED.board_id,"
            + " author_id = EXCLUDED.author_id, created_at = EXCLUDED.created_at, post_number = EXCLUDED.post_number,"
            + " thread_title = EXCLUDED.thread_title, body = EXCLUDED.body, post_deleted = EXCLUDED.post_deleted,"
            + " thread_deleted = EXCLUDED.thread_deleted, title_words = EXCLUDED.title_words, words = EXCLUDED.words";
    private static final String RETITLE = "UPDATE search_entries SET title_words = " + TITLE + ", words = " + WORDS
            + " WHERE thread_id = :thread AND post_number = 1";

    /** The advisory lock of the index's writers: "fksearch" in ASCII, a key nothing else in the database takes. */
    static final long WRITERS_LOCK = 0x666b_7365_6172_6368L;
    private final JdbiTransactions db;

    PostgresSearchIndex(JdbiTransactions db) {
        if (db.dialect() != Dialect.POSTGRES) {
            throw new IllegalArgumentException("the PostgreSQL search index needs PostgreSQL, not " + db.dialect());
        }
        this.db = db;
    }

    @Override
    public void put(SearchDocument document) {
        putAll(List.of(document));
    }

    /** One JDBC batch for the whole list: a rebuild writes a thousand posts per round trip. */
    @Override
    public void putAll(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        write(h -> {
            PreparedBatch batch = h.prepareBatch(PUT);
            for (SearchDocument d : documents) {
                bindTexts(batch, d.threadStart() ? d.threadTitle() : null, d.text())
                        .bind("post", d.post().value()).bind("thread", d.thread().value()).bind("board", d.board().value())
                        .bind("author", d.author().value()).bind("created", Rows.ts(d.createdAt()))
                        .bind("number", d.number()).bind("title", SearchText.stored(d.threadTitle()))
                        .bind("body", SearchText.stored(d.text())).bind("postDeleted", d.postDeleted())
                        .bind("threadDeleted", d.threadDeleted()).add();
            }
            batch.execute();
            return null;
        });
    }

    /** Binds the words and CJK pairs of the title (null: not a first post, no title vector) and of the text. */
    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindTexts(S s, String title, String text) {
        String foldedTitle = title == null ? null : SearchText.fold(title);
        String foldedText = SearchText.fold(text);
        return s.bind("titleWords", foldedTitle == null ? null : SearchText.parsed(foldedTitle))
                .bind("titleCjk", foldedTitle == null ? null : SearchText.cjkVector(foldedTitle))
                .bind("bodyWords", SearchText.parsed(foldedText))
                .bind("bodyCjk", SearchText.cjkVector(foldedText));
    }

    @Override
    public void remove(PostId post) {
        write(h -> h.createUpdate("DELETE FROM search_entries WHERE post_id = :post").bind("post", post.value()).execute());
    }

    @Override
    public void updateThread(ThreadId thread, BoardId board, String title, boolean deleted) {
        write(h -> {
            // the first post's vectors hold the title: made again when it changed
            Optional<String> retitled = h.createQuery("SELECT body FROM search_entries WHERE thread_id = :thread"
                            + " AND post_number = 1 AND thread_title <> :title")
                    .bind("thread", thread.value()).bind("title", SearchText.stored(title)).mapTo(String.class).findFirst();
            h.createUpdate("UPDATE search_entries SET board_id = :board, thread_title = :title, thread_deleted = :deleted"
                            + " WHERE thread_id = :thread")
                    .bind("board", board.value()).bind("title", SearchText.stored(title)).bind("deleted", deleted)
                    .bind("thread", thread.value()).execute();
            retitled.ifPresent(body -> bindTexts(h.createUpdate(RETITLE), title, body).bind("thread", thread.value()).execute());
            return null;
        });
    }

    @Override
    public void removeThread(ThreadId thread) {
        write(h -> h.createUpdate("DELETE FROM search_entries WHERE thread_id = :thread").bind("thread", thread.value()).execute());
    }

    @Override
    public void removeOthers(PostId after, PostId upTo, Set<PostId> kept) {
        write(h -> {
            var delete = h.createUpdate("DELETE FROM search_entries WHERE post_id > :after"
                    + (upTo == null ? "" : " AND post_id <= :upTo") + (kept.isEmpty() ? "" : " AND post_id NOT IN (<kept>)"))
                    .bind("after", after == null ? 0L : after.value());
            if (upTo != null) {
                delete.bind("upTo", upTo.value());
            }
            if (!kept.isEmpty()) {
                delete.bindList("kept", kept.stream().map(PostId::value).toList());
            }
            return delete.execute();
        });
    }

    /**
     * Takes the writers' advisory lock alone, until the rebuild's batch transaction ends: every other write of the
     * index takes it shared first ({@link #write}), on whichever node, so none waits across a batch's read and write.
     */
    @Override
    public void holdWriters() {
        if (!db.inWriteTransaction()) {
            throw new IllegalStateException("holdWriters needs the rebuild's write transaction");
        }
        db.with(h -> h.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", WRITERS_LOCK).mapToMap().one());
    }

    @Override
    public SearchHits search(SearchQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return db.with(h -> PostgresSearches.page(h, query, offset, limit));
    }

    @Override
    public void clear() {
        write(h -> h.execute("TRUNCATE search_entries"));
    }

    @Override
    public long count() {
        return db.with(h -> h.createQuery("SELECT count(*) FROM search_entries").mapTo(Long.class).one());
    }

    @Override
    public boolean stemsEnglish() {
        return true;
    }

    /** Its writes are rows of the forum's database, joining the transaction the outbox records a position in. */
    @Override
    public boolean inStorage() {
        return true;
    }

    /**
     * Joins this thread's write transaction (the outbox consumer's batch); inside a read-only one (a rebuild reading
     * posts through a cursor) or outside any, writes in a transaction of its own. Either way it first takes the
     * writers' lock shared, until that transaction ends: a rebuild in place, which takes it alone for each batch
     * ({@link #holdWriters}), then never writes an entry read from the storage before a write made after it.
     */
    private <T> T write(Function<Handle, T> work) {
        Function<Handle, T> locked = h -> {
            h.createQuery("SELECT pg_advisory_xact_lock_shared(:key)").bind("key", WRITERS_LOCK).mapToMap().one();
            return work.apply(h);
        };
        return db.inWriteTransaction() ? db.with(locked) : db.apart(locked);
    }
}
