package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHit;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.Snippets;
import dev.forumkit.core.search.Snippets.Range;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    public SearchHits search(SearchQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        SearchSql terms = new SearchSql(query);
        if (query.hasTerms() && terms.match == null) {
            return SearchHits.none(); // every term was punctuation: nothing can match it
        }
        boolean ranked = terms.match != null && query.sort() == SearchQuery.Sort.RELEVANCE;
        return db.with(h -> {
            List<Row> rows = rows(h, query, terms, ranked, offset, limit);
            long total;
            if (ranked && !rows.isEmpty()) {
                total = rows.get(0).total; // ranking reads every match anyway: counted in the same pass
            } else if (offset == 0 && rows.size() < limit) {
                total = rows.size();
            } else {
                total = count(h, query, terms);
            }
            return new SearchHits(hits(h, rows, terms, query.titlesOnly()), total);
        });
    }

    private record Row(long post, int number, String body, String title, double score, long total) {
    }

    /**
     * The page's rows. Newest first they come from the date index, stopping after the page (a common word's page is
     * as cheap as a rare one's; the total is counted apart). By relevance every match is ranked, and counted in the
     * same pass.
     */
    private List<Row> rows(Handle h, SearchQuery q, SearchSql terms, boolean ranked, int offset, int limit) {
        String score = terms.match == null ? "0" : "ts_rank_cd(" + vector(q) + ", " + terms.match + ", 1)";
        String order = ranked ? "score DESC, created_at DESC, post_id DESC" : "created_at DESC, post_id DESC";
        Query select = h.createQuery("SELECT post_id, post_number, body, thread_title, " + score + " AS score, "
                + (ranked ? "count(*) OVER ()" : "0") + " AS total FROM search_entries WHERE " + where(q, terms)
                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset");
        return bindFilters(plannedPerCall(select), q, terms).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                        rs.getLong(6))).list();
    }

    private long count(Handle h, SearchQuery q, SearchSql terms) {
        Query count = h.createQuery("SELECT count(*) FROM search_entries WHERE " + where(q, terms));
        return bindFilters(plannedPerCall(count), q, terms).mapTo(Long.class).one();
    }

    /**
     * Never a server-side prepared statement: PostgreSQL then plans each search with its words as constants, so the
     * tsquery is made once (a generic plan makes it again for every row it ranks, which took a third longer) and
     * the plan fits the words (newest first through the date index for a common word, through the GIN index for a
     * rare one).
     */
    private static Query plannedPerCall(Query q) {
        return q.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        });
    }

    private static String vector(SearchQuery q) {
        return q.titlesOnly() ? "title_words" : "words";
    }

    private static String where(SearchQuery q, SearchSql terms) {
        List<String> all = new ArrayList<>();
        if (terms.match != null) {
            all.add(vector(q) + " @@ (" + terms.match + ")");
        }
        if (!q.includeDeleted()) {
            all.add("NOT post_deleted AND NOT thread_deleted");
        }
        if (q.author() != null) {
            all.add("author_id = :author");
        }
        if (!q.boards().isEmpty()) {
            all.add("board_id IN (<boards>)");
        }
        if (q.from() != null) {
            all.add("created_at >= :from");
        }
        if (q.until() != null) {
            all.add("created_at < :until");
        }
        if (q.titlesOnly()) {
            all.add("post_number = 1");
        }
        return all.isEmpty() ? "TRUE" : String.join(" AND ", all);
    }

    private static Query bindFilters(Query s, SearchQuery q, SearchSql terms) {
        terms.binds().forEach(s::bind);
        if (q.author() != null) {
            s.bind("author", q.author().value());
        }
        if (!q.boards().isEmpty()) {
            s.bindList("boards", q.boards().stream().map(BoardId::value).toList());
        }
        if (q.from() != null) {
            s.bind("from", Rows.ts(q.from()));
        }
        if (q.until() != null) {
            s.bind("until", Rows.ts(q.until()));
        }
        return s;
    }

    /** The rows as hits: the matches marked by ts_headline (one statement for the page) and by Java for CJK. */
    private static List<SearchHit> hits(Handle h, List<Row> rows, SearchSql terms, boolean titlesOnly) {
        List<String> texts = new ArrayList<>();
        for (Row r : rows) {
            texts.add(SearchText.fold(r.body));
            texts.add(r.number == 1 ? SearchText.fold(r.title) : "");
        }
        List<String> marked = terms.highlight == null || rows.isEmpty() ? List.of() : headlines(h, texts, terms);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<Range> inText = titlesOnly ? List.of() : matches(texts.get(2 * i), marked, 2 * i, terms);
            List<Range> inTitle = r.number == 1 ? matches(texts.get(2 * i + 1), marked, 2 * i + 1, terms) : List.of();
            hits.add(new SearchHit(PostId.of(r.post), r.score, Snippets.around(r.body, inText),
                    r.number == 1 ? Snippets.whole(r.title, inTitle) : List.of()));
        }
        return hits;
    }

    private static List<Range> matches(String folded, List<String> marked, int i, SearchSql terms) {
        List<Range> out = new ArrayList<>(marked.isEmpty() ? List.of() : Headlines.ranges(marked.get(i), folded));
        out.addAll(Headlines.cjk(folded, terms.cjkRuns));
        return out;
    }

    private static List<String> headlines(Handle h, List<String> texts, SearchSql terms) {
        Query q = h.createQuery("SELECT ts_headline(" + SearchSql.CONFIG + ", t.x, " + terms.highlight + ", :options)"
                + " FROM unnest(:texts) WITH ORDINALITY AS t(x, n) ORDER BY t.n");
        terms.binds().forEach(q::bind);
        return plannedPerCall(q).bindArray("texts", String.class, texts).bind("options", Headlines.OPTIONS).mapTo(String.class).list();
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
     * posts through a cursor) or outside any, writes in a transaction of its own.
     */
    private <T> T write(Function<Handle, T> work) {
        return db.inWriteTransaction() ? db.with(work) : db.apart(work);
    }
}
