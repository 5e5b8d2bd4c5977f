package dev.forumkit.search.lucene;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchHit;
import dev.forumkit.core.search.SearchHits;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import dev.forumkit.core.search.Segment;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link SearchIndex} on Apache Lucene. Writes go to one {@link IndexWriter} and are seen by the next search
 * (near-real-time: the searcher is reopened when something was written since); {@link #commit()} makes them durable.
 * Thread-safe; entries are written by several threads at once, a thread update (it reads and rewrites its posts) alone.
 *
 * <pre>{@code
 * try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("search"))) {
 *     Forum forum = Forum.create(storage, c -> c.searchIndex(index));
 * }
 * }</pre>
 */
public final class LuceneSearchIndex implements SearchIndex {
    /**
     * Newest first, ties by post id: the order of the index itself (its index sort), so a newest-first search stops
     * in each segment once it has the page and has counted {@link SearchIndex#COUNTED_UP_TO} matches.
     */
    static final Sort NEWEST = new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, true),
            new SortField(Fields.ID_SORT, SortField.Type.LONG, true));
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Queries queries;
    private final Highlights highlights;
    /**
     * Adding and deleting entries share it (IndexWriter takes several threads at once: a rebuild's writers); a thread
     * update (read, then rewrite), clearing, committing and closing take it alone.
     */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private volatile boolean changed;
    /** The last query's highlighting: the service asks for a page's snippets one hit at a time, with the same query. */
    private volatile Highlighting lastHighlighting;

    private record Highlighting(SearchQuery query, Highlights.Prepared marks) {
    }

    private LuceneSearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        Analyzer indexing = ForumAnalyzer.forIndexing();
        IndexWriterConfig config = new IndexWriterConfig(indexing);
        config.setIndexSort(NEWEST);
        // an index of an older layout (without the index sort Lucene refuses to open it with) is started afresh
        config.setOpenMode(currentLayout(directory) ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                : IndexWriterConfig.OpenMode.CREATE);
        // a larger buffer flushes fewer, larger segments during a rebuild (fewer merges); a sixth of the heap at most,
        // as the server may run with -Xmx256m
        config.setRAMBufferSizeMB(Math.max(16, Math.min(256, Runtime.getRuntime().maxMemory() / (6 << 20))));
        this.writer = new IndexWriter(directory, config);
        upgrade(writer);
        this.searchers = new SearcherManager(writer, null);
        this.queries = new Queries(ForumAnalyzer.forQueries());
        this.highlights = new Highlights(indexing);
    }

    /** Opens the index in {@code dir}, creating it (and the directory) if there is none. */
    public static LuceneSearchIndex open(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            return new LuceneSearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    /** An index in memory only (tests, demos). */
    public static LuceneSearchIndex inMemory() {
        try {
            return new LuceneSearchIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(SearchDocument document) {
        shared(() -> writer.updateDocument(Fields.idTerm(document.post()), Fields.toLucene(document)));
    }

    @Override
    public void putAll(List<SearchDocument> documents) {
        shared(() -> {
            for (SearchDocument d : documents) {
                writer.updateDocument(Fields.idTerm(d.post()), Fields.toLucene(d));
            }
        });
    }

    @Override
    public void remove(PostId post) {
        shared(() -> writer.deleteDocuments(Fields.idTerm(post)));
    }

    @Override
    public void updateThread(ThreadId thread, BoardId board, String title, boolean deleted) {
        write(() -> {
            // board and deleted flag are doc values: set in place on every entry of the thread, nothing re-analysed
            Term t = Fields.threadTerm(thread);
            if (!writer.getFieldNames().contains(Fields.BOARD)) {
                return; // no entry at all yet (Lucene refuses to update a field it has never seen)
            }
            writer.updateNumericDocValue(t, Fields.BOARD, board.value());
            writer.updateNumericDocValue(t, Fields.THREAD_DELETED, deleted ? 1 : 0);
            // the title is indexed on the thread start only, which keeps its text for this: rewrite it if it changed
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            try {
                BooleanQuery start = new BooleanQuery.Builder().add(new TermQuery(t), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.START, Fields.YES)), BooleanClause.Occur.FILTER).build();
                StoredFields stored = s.storedFields();
                for (ScoreDoc sd : s.search(start, 1).scoreDocs) {
                    Document doc = stored.document(sd.doc);
                    if (!title.equals(doc.get(Fields.TITLE_STORED))) {
                        SearchDocument d = Fields.startFromLucene(doc, board, title, deleted);
                        writer.updateDocument(Fields.idTerm(d.post()), Fields.toLucene(d));
                    }
                }
            } finally {
                searchers.release(s);
            }
        });
    }

    @Override
    public void removeThread(ThreadId thread) {
        shared(() -> writer.deleteDocuments(Fields.threadTerm(thread)));
    }

    /** By the post id's doc values (a slow range, fine for a rebuild's batch) less the kept ids' terms. */
    @Override
    public void removeOthers(PostId after, PostId upTo, Set<PostId> kept) {
        Query range = NumericDocValuesField.newSlowRangeQuery(Fields.ID_SORT,
                after == null ? Long.MIN_VALUE : after.value() + 1, upTo == null ? Long.MAX_VALUE : upTo.value());
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(range, BooleanClause.Occur.FILTER);
        if (!kept.isEmpty()) {
            q.add(new TermInSetQuery(Fields.ID, kept.stream().map(id -> Fields.idTerm(id).bytes()).toList()),
                    BooleanClause.Occur.MUST_NOT);
        }
        shared(() -> writer.deleteDocuments(q.build()));
    }

    @Override
    public SearchHits search(SearchQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        try {
            refreshIfChanged();
            IndexSearcher s = searchers.acquire();
            try {
                Query q = queries.match(query);
                int want = Math.max(1, offset + limit);
                boolean byScore = query.sort() == SearchQuery.Sort.RELEVANCE && query.hasTerms();
                TopDocs top;
                if (byScore) {
                    RelevanceCollector best = new RelevanceCollector(want, SearchIndex.COUNTED_UP_TO);
                    s.search(q, best);
                    top = best.topDocs();
                } else {
                    // the index's own order: each segment stops early (TopFieldCollector, threshold COUNTED_UP_TO)
                    top = s.search(q, want, NEWEST, false);
                }
                // Lucene stops counting past its threshold (at least COUNTED_UP_TO): that is "more than 1,000"
                boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                long total = exact ? top.totalHits.value : Math.max(top.totalHits.value, SearchIndex.COUNTED_UP_TO + 1L);
                Highlights.Prepared marks = highlighting(query);
                List<SearchHit> hits = PageHits.of(s, top.scoreDocs, offset,
                        (int) Math.min(top.scoreDocs.length, (long) offset + limit), byScore, marks);
                total = Math.max(total, hits.size());
                return total > SearchIndex.COUNTED_UP_TO ? SearchHits.moreThanCounted(hits) : new SearchHits(hits, total);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** Highlights the query's words in the post's text as the storage holds it, with the index's own analysis. */
    @Override
    public List<Segment> snippet(SearchQuery query, SearchHit hit, String text) {
        return highlighting(query).snippet(text);
    }

    private Highlights.Prepared highlighting(SearchQuery query) {
        Highlighting last = lastHighlighting;
        if (last == null || !last.query().equals(query)) {
            last = new Highlighting(query, highlights.prepare(queries.highlight(query)));
            lastHighlighting = last;
        }
        return last.marks();
    }

    @Override
    public void clear() {
        write(writer::deleteAll);
    }

    @Override
    public long count() {
        try {
            refreshIfChanged();
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean stemsEnglish() {
        return true;
    }

    @Override
    public void commit() {
        writes.writeLock().lock();
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** Commits and closes the index and its directory. */
    @Override
    public void close() {
        writes.writeLock().lock();
        try {
            searchers.close();
            writer.close(); // commits
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** Whether the directory holds no index, or one of this layout ({@link Fields#FORMAT}). */
    private static boolean currentLayout(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        return Fields.FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(Fields.FORMAT_KEY));
    }

    /**
     * An index written by an older forumkit (stored bodies; board and deleted flags as points and terms; not sorted
     * newest first) cannot be searched with this layout: it was opened afresh ({@link #currentLayout}) and is empty, so
     * the server's start-up rebuilds it from the storage once, as it builds any empty index. A new index is marked at
     * once.
     */
    private static void upgrade(IndexWriter writer) throws IOException {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (!Fields.FORMAT.equals(data.get(Fields.FORMAT_KEY))) {
            writer.deleteAll();
            data.put(Fields.FORMAT_KEY, Fields.FORMAT);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    private void refreshIfChanged() throws IOException {
        if (changed) {
            changed = false; // before the refresh: a write during it sets it again
            searchers.maybeRefreshBlocking();
        }
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private void shared(IndexWrite work) {
        writes.readLock().lock();
        try {
            work.run();
            changed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index", e);
        } finally {
            writes.readLock().unlock();
        }
    }

    private void write(IndexWrite work) {
        writes.writeLock().lock();
        try {
            work.run();
            changed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index", e);
        } finally {
            writes.writeLock().unlock();
        }
    }
}
