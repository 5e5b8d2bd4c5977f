package dev.forumkit.search.lucene;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What only the Lucene index does: keep its entries on disk, and analysis beyond the contract. */
class LuceneSearchIndexTest {
    @TempDir
    Path dir;

    private static SearchDocument doc(long id, String text) {
        return new SearchDocument(PostId.of(id), ThreadId.of(id), BoardId.of(1), MemberId.of(1),
                Instant.parse("2026-01-01T00:00:00.123456Z"), 1, "Title " + id, text, false, false);
    }

    @Test
    void committedEntriesSurviveReopening() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.put(doc(1, "persisted words"));
            index.commit();
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.count()).isEqualTo(1);
            var hit = index.search(SearchQuery.words("persisted"), 0, 1).hits();
            assertThat(hit).extracting(h -> h.post().value()).containsExactly(1L);
            index.updateThread(ThreadId.of(1), BoardId.of(2), "New title", false);
            // the stored fields round-trip: the rewritten entry keeps its text and time to the microsecond
            assertThat(index.search(SearchQuery.words("persisted").inBoards(java.util.Set.of(BoardId.of(2)))
                    .between(Instant.parse("2026-01-01T00:00:00.123456Z"), Instant.parse("2026-01-01T00:00:00.123457Z")), 0, 1)
                    .hits()).hasSize(1);
        }
    }

    @Test
    void findsASingleKanjiAndStemmedPrefixes() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            index.put(doc(1, "東京で自転車に乗る"));
            index.put(doc(2, "I own three bicycles and a cyclometer"));

            assertThat(index.search(SearchQuery.words("東"), 0, 5).hits()).hasSize(1);
            assertThat(index.search(SearchQuery.all().prefix("bicycles"), 0, 5).hits()).hasSize(1);
            assertThat(index.search(SearchQuery.all().prefix("cyclo"), 0, 5).hits()).hasSize(1);
            // full-width Latin letters fold to the usual ones
            assertThat(index.search(SearchQuery.words("ｂｉｃｙｃｌｅ"), 0, 5).hits()).hasSize(1);
        }
    }

    @Test
    void keepsNoTextOfRepliesAndCutsSnippetsFromTheTextItIsGiven() throws Exception {
        SearchDocument reply = new SearchDocument(PostId.of(2), ThreadId.of(1), BoardId.of(1), MemberId.of(1),
                Instant.parse("2026-01-01T00:00:00Z"), 2, "Title 1", "a reply about gravel roads", false, false);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.updateThread(ThreadId.of(9), BoardId.of(2), "Nothing indexed yet", true); // harmless on an empty index
            index.put(doc(1, "the start"));
            index.put(reply);
            var hit = index.search(SearchQuery.words("gravel"), 0, 1).hits().get(0);
            assertThat(hit.snippet()).isEmpty();
            var snippet = index.snippet(SearchQuery.words("gravel"), hit, "now edited: <b>gravel</b> & mud");
            assertThat(dev.forumkit.core.search.Segment.text(snippet)).isEqualTo("now edited: <b>gravel</b> & mud");
            assertThat(snippet).filteredOn(dev.forumkit.core.search.Segment::highlighted)
                    .extracting(dev.forumkit.core.search.Segment::text).containsExactly("gravel");
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            var stored = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                var d = stored.document(i);
                // only the thread start keeps its text (a retitle rewrites that entry)
                assertThat(d.get(Fields.TEXT)).isEqualTo(d.get(Fields.ID).equals("1") ? "the start" : null);
            }
        }
    }

    @Test
    void anIndexOfAnOlderLayoutIsEmptiedOnOpenSoTheServerRebuildsIt() throws Exception {
        // what forumkit wrote before: bodies stored, no layout mark in the commit
        try (IndexWriter old = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(ForumAnalyzer.forIndexing()))) {
            Document d = new Document();
            d.add(new StringField(Fields.ID, "1", Field.Store.YES));
            d.add(new TextField(Fields.TEXT, "stored body", Field.Store.YES));
            old.addDocument(d);
            old.commit();
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.count()).isZero();
            index.put(doc(1, "rebuilt body"));
            index.commit();
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.count()).isEqualTo(1);
            assertThat(index.search(SearchQuery.words("rebuilt"), 0, 1).hits()).hasSize(1);
        }
    }

    @Test
    void anIndexNotSortedNewestFirstIsEmptiedOnOpenRatherThanRefused() throws Exception {
        // layout 2 (no stored reply bodies) without the index sort: Lucene refuses a writer with another index sort
        try (IndexWriter old = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(ForumAnalyzer.forIndexing()))) {
            old.addDocument(Fields.toLucene(doc(1, "unsorted body")));
            old.setLiveCommitData(java.util.Map.of(Fields.FORMAT_KEY, "2").entrySet());
            old.commit();
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.count()).isZero();
            index.put(doc(2, "sorted body"));
            index.commit();
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir);
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(index.search(SearchQuery.words("sorted"), 0, 1).hits()).hasSize(1);
            assertThat(reader.leaves().get(0).reader().getMetaData().getSort()).isEqualTo(LuceneSearchIndex.NEWEST);
        }
    }

    @Test
    void aPageKeepsTheRankedOrderAndEachThreadStartItsOwnTitle() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            for (long id = 1; id <= 60; id++) {
                long thread = (id + 2) / 3; // three posts a thread, the first its start
                int number = (int) ((id - 1) % 3) + 1;
                // scores differ by how often the word stands; every title has it too
                index.put(new SearchDocument(PostId.of(id), ThreadId.of(thread), BoardId.of(1), MemberId.of(1),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), number, "Gravel thread " + thread,
                        "gravel ".repeat(1 + (int) (id * 7 % 5)) + "and other words " + "x ".repeat((int) (id % 4)),
                        false, false));
                if (id % 13 == 0) {
                    index.commit(); // several segments
                }
            }
            SearchQuery q = SearchQuery.words("gravel");
            var page = index.search(q, 0, 20).hits();
            var oneByOne = new java.util.ArrayList<dev.forumkit.core.search.SearchHit>();
            for (int offset = 0; offset < 20; offset++) {
                oneByOne.addAll(index.search(q, offset, 1).hits());
            }
            assertThat(page).hasSize(20).isEqualTo(oneByOne);
            assertThat(page).extracting(h -> h.score()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            for (var hit : page) {
                long id = hit.post().value();
                String title = dev.forumkit.core.search.Segment.text(hit.title());
                assertThat(title).isEqualTo(id % 3 == 1 ? "Gravel thread " + (id + 2) / 3 : "");
            }
        }
    }
}
