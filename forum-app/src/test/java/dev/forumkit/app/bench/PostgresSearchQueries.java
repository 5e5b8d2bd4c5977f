package dev.forumkit.app.bench;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL rows of {@link SearchBenchmark} again, on a database it filled before (for example a copy of
 * forumkit_search_bench made with {@code CREATE DATABASE ... TEMPLATE}): no index build, so one query can be measured
 * before and after a change in minutes. Each query is timed in rounds (every query once per round, 200 rounds or
 * 150 s), so a slow spell of a shared machine falls on every row alike and a run-to-run pattern in one row stands out.
 * Arguments: jdbc-url user password posts [without-board-index]; the last drops V29's index first (and a run
 * without it builds it again), to compare.
 */
public final class PostgresSearchQueries {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    private PostgresSearchQueries() {
    }

    public static void main(String[] args) {
        int posts = Integer.parseInt(args[3]);
        boolean withoutBoardIndex = args.length > 4 && args[4].equals("without-board-index");
        String[] words = SearchBenchmark.vocabulary(); // the generator's words, the same seed
        try (JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(args[0], args[1], args[2],
                c -> c.setConnectionTimeout(30_000)))) {
            SearchIndex pg = storage.searchIndex().orElseThrow(() -> new IllegalArgumentException("not PostgreSQL"));
            storage.jdbi().useHandle(h -> {
                h.execute(withoutBoardIndex ? "DROP INDEX IF EXISTS ix_search_entries_board_created"
                        : "CREATE INDEX IF NOT EXISTS ix_search_entries_board_created ON search_entries"
                        + " (board_id, created_at DESC, post_id DESC)");
                h.execute("ANALYZE search_entries");
            });
            String common = words[9];
            Map<String, SearchQuery> queries = new LinkedHashMap<>();
            queries.put("common word, relevance", SearchQuery.words(common));
            queries.put("common word, newest first", SearchQuery.words(common).sortedBy(SearchQuery.Sort.DATE));
            queries.put("rare word, relevance", SearchQuery.words(words[15_000]));
            queries.put("two mid-frequency words, relevance", SearchQuery.words(words[100], words[200]));
            queries.put("common word, one board, first quarter of the dates, newest first (filtered)",
                    SearchQuery.words(common).inBoards(Set.of(BoardId.of(3)))
                            .between(T0, T0.plusSeconds(posts * 60L / 4)).sortedBy(SearchQuery.Sort.DATE));
            queries.put("common word, one board, first quarter of the dates, relevance",
                    SearchQuery.words(common).inBoards(Set.of(BoardId.of(3))).between(T0, T0.plusSeconds(posts * 60L / 4)));
            queries.put("common word, two boards, newest first",
                    SearchQuery.words(common).inBoards(Set.of(BoardId.of(3), BoardId.of(7))).sortedBy(SearchQuery.Sort.DATE));
            queries.put("phrase of the two most common words", SearchQuery.all().phrase(words[0] + " " + words[1]));
            String[] names = queries.keySet().toArray(String[]::new);
            String[] totals = new String[names.length];
            long[][] nanos = new long[names.length][200];
            for (int q = 0; q < names.length; q++) {
                SearchHits hits = pg.search(queries.get(names[q]), 0, 20);
                totals[q] = (hits.exact() ? "" : "more than ") + String.format("%,d", hits.total());
                for (int i = 0; i < 5; i++) {
                    pg.search(queries.get(names[q]), 0, 20);
                }
            }
            int rounds = 0;
            long until = System.nanoTime() + 150_000_000_000L;
            while (rounds < 200 && (rounds < 10 || System.nanoTime() < until)) {
                for (int q = 0; q < names.length; q++) {
                    long s = System.nanoTime();
                    pg.search(queries.get(names[q]), 0, 20);
                    nanos[q][rounds] = System.nanoTime() - s;
                }
                rounds++;
            }
            System.out.printf("%s, %d rounds%n%n", withoutBoardIndex ? "without V29's index" : "with V29's index", rounds);
            System.out.println("| query | p50 | p90 | p99 | max | total |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (int q = 0; q < names.length; q++) {
                long[] done = Arrays.copyOf(nanos[q], rounds);
                Arrays.sort(done);
                System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |%n", names[q], at(done, 0.5),
                        at(done, 0.9), at(done, 0.99), done[rounds - 1] / 1e6, totals[q]);
            }
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
    }
}
