package dev.forumkit.persistence.jdbi.bench;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A plain benchmark main (no JMH) of the PostgreSQL search index: fills {@code search_entries} with generated posts
 * through {@code putAll} (batches of 1,000, as a rebuild writes them), then times searches single-threaded against
 * a {@code LIKE '%word%'} scan of the same rows. Arguments: jdbc-url user password [posts]; the database should be
 * a throw-away one (the search table is emptied first). Figures and command in docs/benchmarks.md.
 */
public final class PostgresSearchBenchmark {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "so", "na", "bi", "de", "fu", "go",
            "ha", "je", "ku", "pa", "ri", "tsu", "ve", "wa", "zo"};
    private static final int VOCABULARY = 20_000;

    private PostgresSearchBenchmark() {
    }

    public static void main(String[] args) {
        int posts = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        try (JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(args[0], args[1], args[2],
                c -> c.setConnectionTimeout(30_000)))) {
            SearchIndex index = storage.searchIndex().orElseThrow(() -> new IllegalArgumentException("not PostgreSQL"));
            String[] words = vocabulary();
            index.clear();
            long started = System.nanoTime();
            Random random = new Random(7);
            List<SearchDocument> batch = new ArrayList<>(1000);
            Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
            for (long id = 1; id <= posts; id++) {
                batch.add(new SearchDocument(PostId.of(id), ThreadId.of((id + 19) / 20), BoardId.of(1 + random.nextInt(10)),
                        MemberId.of(1 + random.nextInt(10_000)), t0.plusSeconds(id * 60), (int) ((id - 1) % 20) + 1,
                        "Thread " + sentence(random, words, 6), sentence(random, words, 20 + random.nextInt(60)), false, false));
                if (batch.size() == 1000) {
                    index.putAll(batch);
                    batch.clear();
                }
            }
            index.putAll(batch);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("indexed %,d posts in %.0f s: %,.0f posts/s%n", posts, seconds, posts / seconds);
            storage.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE search_entries"));
            String common = words[9];
            String rare = words[15_000];
            System.out.printf("common word %s in %,d posts, rare word %s in %,d posts%n", common, df(storage, common),
                    rare, df(storage, rare));
            time("common word, relevance", () -> index.search(SearchQuery.words(common), 0, 20));
            time("common word, newest first", () -> index.search(SearchQuery.words(common).sortedBy(SearchQuery.Sort.DATE), 0, 20));
            time("rare word, relevance", () -> index.search(SearchQuery.words(rare), 0, 20));
            time("two words, relevance", () -> index.search(SearchQuery.words(words[100], words[200]), 0, 20));
            time("common word, one board and a year, newest first", () -> index.search(SearchQuery.words(common)
                    .inBoards(Set.of(BoardId.of(3))).between(t0, t0.plusSeconds(365L * 86_400)).sortedBy(SearchQuery.Sort.DATE), 0, 20));
            time("phrase of two common words", () -> index.search(SearchQuery.all().phrase(words[0] + " " + words[1]), 0, 20));
            time("LIKE '%common%', newest 20", () -> like(storage, common));
            time("LIKE '%rare%', newest 20", () -> like(storage, rare));
        }
    }

    private static long df(JdbiForumStorage storage, String word) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM search_entries WHERE body LIKE :w")
                .bind("w", "%" + word + "%").mapTo(Long.class).one());
    }

    private static List<Long> like(JdbiForumStorage storage, String word) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT post_id FROM search_entries WHERE body ILIKE :w"
                + " AND NOT post_deleted AND NOT thread_deleted ORDER BY created_at DESC LIMIT 20")
                .bind("w", "%" + word + "%").mapTo(Long.class).list());
    }

    private static void time(String name, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        int runs = 0;
        long[] nanos = new long[200];
        long until = System.nanoTime() + 20_000_000_000L;
        while (runs < nanos.length && (runs < 10 || System.nanoTime() < until)) {
            long s = System.nanoTime();
            query.get();
            nanos[runs++] = System.nanoTime() - s;
        }
        long[] done = Arrays.copyOf(nanos, runs);
        Arrays.sort(done);
        System.out.printf("| %s | %d | %.1f ms | %.1f ms |%n", name, runs, done[runs / 2] / 1e6,
                done[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6);
    }

    /** Made-up words (none an English stem's victim), drawn with Zipf's law like a forum's words. */
    private static String[] vocabulary() {
        Random r = new Random(1);
        String[] words = new String[VOCABULARY];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < VOCABULARY; ) {
            StringBuilder b = new StringBuilder();
            int n = 2 + r.nextInt(3);
            for (int s = 0; s < n; s++) {
                b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(b.toString())) {
                words[i++] = b.toString();
            }
        }
        return words;
    }

    private static String sentence(Random r, String[] words, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                b.append(i % 12 == 0 ? ". " : " ");
            }
            // Zipf with exponent 1: rank k drawn with weight 1/k
            double u = r.nextDouble();
            int k = (int) Math.floor(Math.exp(u * Math.log(VOCABULARY))) - 1;
            b.append(words[Math.min(VOCABULARY - 1, Math.max(0, k))]);
        }
        return b.toString();
    }
}
