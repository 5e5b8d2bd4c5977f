package dev.forumkit.app.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.persistence.jdbi.ConnectionPools;
import dev.forumkit.persistence.jdbi.JdbiForumStorage;
import dev.forumkit.search.lucene.LuceneSearchIndex;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Lucene and PostgreSQL full-text search side by side on the same generated posts, with a {@code LIKE '%word%'} scan
 * of the same rows as the baseline: index build rate (batches of 1,000 from {@code SearchRebuild.WRITERS} threads,
 * as a rebuild writes them), then query p50/p99 through the {@link SearchIndex} port (page 1 of 20 with snippets).
 * Arguments: jdbc-url user password posts lucene-dir. Run by bench/search.sh, which writes docs/benchmarks.md.
 */
public final class SearchBenchmark {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "so", "na", "bi", "de", "fu", "go",
            "ha", "je", "ku", "pa", "ri", "tsu", "ve", "wa", "zo"};
    private static final int VOCABULARY = 20_000;
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("lucene")) {
            luceneOnly(Integer.parseInt(args[1]), Path.of(args[2]));
            return;
        }
        int posts = Integer.parseInt(args[3]);
        Path luceneDir = Path.of(args[4]);
        String[] words = vocabulary();
        try (JdbiForumStorage storage = JdbiForumStorage.owning(ConnectionPools.hikari(args[0], args[1], args[2],
                c -> c.setConnectionTimeout(30_000)));
             LuceneSearchIndex lucene = LuceneSearchIndex.open(luceneDir)) {
            SearchIndex pg = storage.searchIndex().orElseThrow(() -> new IllegalArgumentException("not PostgreSQL"));
            Map<String, SearchIndex> engines = new LinkedHashMap<>();
            engines.put("Lucene", lucene);
            engines.put("PostgreSQL", pg);
            System.out.println("| engine | posts | wall | process CPU | posts/s wall | posts per CPU-second |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, SearchIndex> e : engines.entrySet()) {
                build(e.getKey(), e.getValue(), posts, words, null);
            }
            storage.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE search_entries"));
            String common = words[9];
            String rare = words[15_000];
            System.out.printf("%nCommon word `%s` in %,d posts, rare word `%s` in %,d posts (counted with LIKE).%n%n",
                    common, df(storage, common), rare, df(storage, rare));
            Map<String, SearchQuery> queries = queries(words, posts);
            System.out.printf("%nIndex size: Lucene %,d KiB on disk (committed); PostgreSQL search_entries with its indexes %,d KiB.%n%n",
                    size(luceneDir) / 1024, storage.jdbi().withHandle(h -> h.createQuery(
                            "SELECT pg_total_relation_size('search_entries')").mapTo(Long.class).one()) / 1024);
            System.out.println("| query | engine | runs | p50 | p99 | CPU per query (this JVM's thread) | total |");
            System.out.println("|---|---|---:|---:|---:|---:|---|");
            for (Map.Entry<String, SearchQuery> q : queries.entrySet()) {
                for (Map.Entry<String, SearchIndex> e : engines.entrySet()) {
                    SearchHits hits = e.getValue().search(q.getValue(), 0, 20);
                    SearchIndex engine = e.getValue();
                    // a page as the service makes it: the hits, then their snippets from the texts the storage holds
                    // (one read of the page's bodies; Lucene keeps none, PostgreSQL made them while searching)
                    time(q.getKey(), e.getKey(), () -> snippets(storage, engine, q.getValue(), engine.search(q.getValue(), 0, 20)),
                            (hits.exact() ? "" : "more than ") + String.format("%,d", hits.total()));
                }
            }
            time("common word, newest 20", "`body ILIKE '%w%'` (PostgreSQL)", () -> like(storage, common), "-");
            time("rare word, newest 20", "`body ILIKE '%w%'` (PostgreSQL)", () -> like(storage, rare), "-");
        }
    }

    /**
     * Lucene alone (arguments: lucene posts lucene-dir), for profiling its queries without a PostgreSQL: the same
     * posts, the Lucene rows of the table; snippets from the generated texts kept in memory.
     */
    private static void luceneOnly(int posts, Path luceneDir) throws Exception {
        String[] words = vocabulary();
        String[] texts = new String[posts + 1];
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(luceneDir)) {
            System.out.println("| engine | posts | wall | process CPU | posts/s wall | posts per CPU-second |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            if (lucene.count() == posts) { // the directory of an earlier run: its texts only
                texts(posts, words, texts);
                System.out.printf("| Lucene | %,d | (reused the index in %s) | | | |%n", posts, luceneDir);
            } else {
                build("Lucene", lucene, posts, words, texts);
            }
            System.out.println();
            System.out.println("| query | engine | runs | p50 | p99 | CPU per query (this JVM's thread) | total |");
            System.out.println("|---|---|---:|---:|---:|---:|---|");
            for (Map.Entry<String, SearchQuery> q : queries(words, posts).entrySet()) {
                SearchHits hits = lucene.search(q.getValue(), 0, 20);
                time(q.getKey(), "Lucene", () -> lucene.search(q.getValue(), 0, 20).hits().stream()
                                .map(x -> lucene.snippet(q.getValue(), x, texts[(int) x.post().value()])).toList(),
                        (hits.exact() ? "" : "more than ") + String.format("%,d", hits.total()));
            }
        }
    }

    private static Map<String, SearchQuery> queries(String[] words, int posts) {
        String common = words[9];
        String rare = words[15_000];
        SearchQuery filtered = SearchQuery.words(common).inBoards(Set.of(BoardId.of(3)))
                .between(T0, T0.plusSeconds(posts * 60L / 4)).sortedBy(SearchQuery.Sort.DATE);
        Map<String, SearchQuery> queries = new LinkedHashMap<>();
        queries.put("common word, relevance", SearchQuery.words(common));
        queries.put("common word, newest first", SearchQuery.words(common).sortedBy(SearchQuery.Sort.DATE));
        queries.put("rare word, relevance", SearchQuery.words(rare));
        queries.put("two mid-frequency words, relevance", SearchQuery.words(words[100], words[200]));
        queries.put("common word, one board, first quarter of the dates, newest first (filtered)", filtered);
        queries.put("phrase of the two most common words", SearchQuery.all().phrase(words[0] + " " + words[1]));
        return queries;
    }

    /** The texts {@link #build} writes, without writing them. */
    private static void texts(int posts, String[] words, String[] texts) {
        Random random = new Random(7);
        for (int id = 1; id <= posts; id++) {
            random.nextInt(10);
            random.nextInt(10_000);
            sentence(random, words, 6);
            texts[id] = sentence(random, words, 20 + random.nextInt(60));
        }
    }

    private static void build(String name, SearchIndex index, int posts, String[] words, String[] texts) throws Exception {
        index.clear();
        index.commit();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long started = System.nanoTime();
        int writers = dev.forumkit.core.search.SearchRebuild.WRITERS;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> pending = new ArrayList<>();
        Random random = new Random(7);
        List<SearchDocument> batch = new ArrayList<>(1000);
        for (long id = 1; id <= posts; id++) {
            SearchDocument d = new SearchDocument(PostId.of(id), ThreadId.of((id + 19) / 20), BoardId.of(1 + random.nextInt(10)),
                    MemberId.of(1 + random.nextInt(10_000)), T0.plusSeconds(id * 60), (int) ((id - 1) % 20) + 1,
                    "Thread " + sentence(random, words, 6), sentence(random, words, 20 + random.nextInt(60)), false, false);
            batch.add(d);
            if (texts != null) {
                texts[(int) id] = d.text();
            }
            if (batch.size() == 1000 || id == posts) {
                List<SearchDocument> docs = List.copyOf(batch);
                batch.clear();
                pending.add(pool.submit(() -> index.putAll(docs)));
                if (pending.size() >= 2 * writers) {
                    pending.remove(0).get();
                }
            }
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        index.commit();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("| %s | %,d | %.1f s | %.1f s (this JVM; PostgreSQL's own CPU not counted) | %,.0f | %,.0f |%n",
                name, posts, seconds, cpu, posts / seconds, posts / cpu);
    }

    private static List<?> snippets(JdbiForumStorage storage, SearchIndex index, SearchQuery q, SearchHits hits) {
        if (hits.hits().isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = storage.jdbi().withHandle(h -> h.createQuery(
                        "SELECT post_id, body FROM search_entries WHERE post_id IN (<ids>)")
                .bindList("ids", hits.hits().stream().map(x -> x.post().value()).toList())
                .reduceRows(new java.util.HashMap<Long, String>(), (m, r) -> {
                    m.put(r.getColumn("post_id", Long.class), r.getColumn("body", String.class));
                    return m;
                }));
        return hits.hits().stream().map(x -> index.snippet(q, x, texts.getOrDefault(x.post().value(), ""))).toList();
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
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

    private static void time(String query, String engine, Supplier<?> run, String total) {
        for (int i = 0; i < 5; i++) {
            run.get();
        }
        int runs = 0;
        long[] nanos = new long[200];
        long until = System.nanoTime() + 15_000_000_000L;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        while (runs < nanos.length && (runs < 10 || System.nanoTime() < until)) {
            long s = System.nanoTime();
            run.get();
            nanos[runs++] = System.nanoTime() - s;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / runs;
        long[] done = Arrays.copyOf(nanos, runs);
        Arrays.sort(done);
        System.out.printf("| %s | %s | %d | %.1f ms | %.1f ms | %.2f ms | %s |%n", query, engine, runs,
                done[runs / 2] / 1e6, done[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6, cpuMs, total);
        System.out.flush();
    }

    /** Made-up words (none an English stem's victim), drawn with Zipf's law like a forum's words. */
    static String[] vocabulary() {
        Random r = new Random(1);
        String[] words = new String[VOCABULARY];
        Set<String> seen = new HashSet<>();
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
            double u = r.nextDouble(); // Zipf with exponent 1: rank k drawn with weight 1/k
            int k = (int) Math.floor(Math.exp(u * Math.log(VOCABULARY))) - 1;
            b.append(words[Math.min(VOCABULARY - 1, Math.max(0, k))]);
        }
        return b.toString();
    }
}
