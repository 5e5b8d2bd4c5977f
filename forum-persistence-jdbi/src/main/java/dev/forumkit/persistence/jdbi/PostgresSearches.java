package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchHit;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.Snippets;
import dev.forumkit.core.search.Snippets.Range;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The reading side of {@link PostgresSearchIndex}: one page of hits, its total, and its snippets. */
final class PostgresSearches {
    private PostgresSearches() {
    }

    /** More than this many matches are not counted further, and by relevance only the newest this many are ranked. */
    private static final int CANDIDATES = SearchIndex.COUNTED_UP_TO + 1;

    /** The page of {@code query}'s matches from {@code offset}, with snippets; the total, up to "more than 1,000". */
    static SearchHits page(Handle h, SearchQuery query, int offset, int limit) {
        SearchSql terms = new SearchSql(query);
        if (query.hasTerms() && terms.match == null) {
            return SearchHits.none(); // every term was punctuation: nothing can match it
        }
        boolean ranked = terms.match != null && query.sort() == SearchQuery.Sort.RELEVANCE;
        List<Row> rows = ranked ? ranked(h, query, terms, offset, limit) : newest(h, query, terms, offset, limit);
        long total;
        if (ranked && !rows.isEmpty()) {
            total = rows.get(0).total; // the candidates were counted in the same pass
        } else if (offset == 0 && rows.size() < limit) {
            total = rows.size();
        } else {
            total = count(h, query, terms);
        }
        List<SearchHit> hits = hits(h, rows, terms, query.titlesOnly());
        return total > SearchIndex.COUNTED_UP_TO ? SearchHits.moreThanCounted(hits) : new SearchHits(hits, total);
    }

    private record Row(long post, int number, String body, String title, double score, long total) {
    }

    /**
     * Newest first the page comes from the date index, stopping after the page: a common word's page is as cheap as
     * a rare one's.
     */
    private static List<Row> newest(Handle h, SearchQuery q, SearchSql terms, int offset, int limit) {
        Query select = h.createQuery("SELECT post_id, post_number, body, thread_title, 0, 0 FROM search_entries WHERE "
                + where(q, terms) + " ORDER BY created_at DESC, post_id DESC LIMIT :limit OFFSET :offset");
        return rows(bindFilters(plannedPerCall(select), q, terms).bind("limit", limit).bind("offset", offset));
    }

    /**
     * By relevance among the newest {@value #CANDIDATES} matches: ranking reads each candidate's vector, so a word
     * in a third of a million posts would cost seconds to rank in full (measured: 6 s at 1,000,000 posts) and the
     * newest of them take milliseconds. A query with fewer matches has every one ranked. The candidates are counted
     * in the same pass; the page's bodies are read for the page only.
     */
    private static List<Row> ranked(Handle h, SearchQuery q, SearchSql terms, int offset, int limit) {
        Query select = h.createQuery("WITH c AS (SELECT post_id, created_at, " + vector(q) + " AS v FROM search_entries"
                + " WHERE " + where(q, terms) + " ORDER BY created_at DESC, post_id DESC LIMIT " + CANDIDATES + "),"
                + " r AS (SELECT post_id, created_at, ts_rank_cd(v, " + terms.match + ", 1) AS score, count(*) OVER () AS total"
                + " FROM c ORDER BY score DESC, created_at DESC, post_id DESC LIMIT :limit OFFSET :offset)"
                + " SELECT e.post_id, e.post_number, e.body, e.thread_title, r.score, r.total FROM r"
                + " JOIN search_entries e ON e.post_id = r.post_id ORDER BY r.score DESC, r.created_at DESC, r.post_id DESC");
        return rows(bindFilters(plannedPerCall(select), q, terms).bind("limit", limit).bind("offset", offset));
    }

    private static List<Row> rows(Query q) {
        return q.map((rs, ctx) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getLong(6))).list();
    }

    /**
     * How many match, counting no further than {@value #CANDIDATES} (more is "more than 1,000"). The newest first,
     * as the page is read: unordered, PostgreSQL counted a common word in one board and a quarter of the dates by a
     * sequential scan, and a large table's sequential scans start where the previous one stopped (synchronized
     * scans), so every tenth count or so began past the dates and read the whole table (2 s against 60 ms at
     * 1,000,000 posts). In date order the scan starts at the range's newest row every time; with a board filter the
     * board's date index (V29) reads that board's rows only.
     */
    private static long count(Handle h, SearchQuery q, SearchSql terms) {
        Query count = h.createQuery("SELECT count(*) FROM (SELECT 1 FROM search_entries WHERE " + where(q, terms)
                + " ORDER BY created_at DESC, post_id DESC LIMIT " + CANDIDATES + ") AS m");
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
}
