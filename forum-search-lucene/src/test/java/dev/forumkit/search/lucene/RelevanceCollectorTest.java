package dev.forumkit.search.lucene;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchDocument;
import dev.forumkit.core.search.SearchIndex;
import dev.forumkit.core.search.SearchQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance collector against Lucene's own sort by score, then newest, then post id (what the index used before):
 * the same hits in the same order, on an index of several segments whose dates overlap (posts written out of order,
 * edits, deletes), where a common word ties thousands of matches on the same score.
 */
class RelevanceCollectorTest {
    private static final Sort SCORE_THEN_NEWEST = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.CREATED, SortField.Type.LONG, true), new SortField(Fields.ID_SORT, SortField.Type.LONG, true));
    private static final String[] WORDS = {"gravel", "tyre", "saddle", "chain", "brake", "lever", "spoke", "rim"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void ranksAsTheSortByScoreThenNewestOnAnIndexOfManySegments() throws Exception {
        Random random = new Random(3);
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= 6_000; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, random);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            for (int i = 0; i < ids.size(); i++) {
                int id = ids.get(i);
                // every post has "gravel"; short posts score alike, so ties are many; some dates are shared
                StringBuilder text = new StringBuilder("gravel");
                for (int w = random.nextInt(4); w > 0; w--) {
                    text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                }
                index.put(new SearchDocument(PostId.of(id), ThreadId.of(id), BoardId.of(1), MemberId.of(1),
                        T0.plusSeconds(id / 3), 1, "Title", text.toString(), false, false));
                if (i % 700 == 0) {
                    index.commit(); // a segment each
                }
                if (i % 997 == 0) {
                    index.remove(PostId.of(ids.get(random.nextInt(i + 1))));
                }
            }
            index.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reader.leaves()).hasSizeGreaterThan(3);
            IndexSearcher searcher = new IndexSearcher(reader);
            Queries queries = new Queries(ForumAnalyzer.forQueries());
            for (SearchQuery q : List.of(SearchQuery.words("gravel"), SearchQuery.words("gravel", "tyre"),
                    SearchQuery.words("spoke"), SearchQuery.all().phrase("gravel chain"), SearchQuery.words("rim", "lever"))) {
                for (int size : new int[] {1, 20, 200, 1_000}) {
                    Query query = queries.match(q);
                    TopDocs expected = searcher.search(query, size, SCORE_THEN_NEWEST, true);
                    RelevanceCollector collector = new RelevanceCollector(size, SearchIndex.COUNTED_UP_TO);
                    searcher.search(query, collector);
                    TopDocs actual = collector.topDocs();
                    assertThat(docs(actual)).as(q + " top " + size).containsExactly(docs(expected));
                    assertThat(scores(actual)).as(q + " top " + size).containsExactly(scores(expected));
                    int all = searcher.count(query);
                    if (all <= SearchIndex.COUNTED_UP_TO) {
                        assertThat(actual.totalHits).isEqualTo(new TotalHits(all, TotalHits.Relation.EQUAL_TO));
                    } else {
                        assertThat(actual.totalHits.value).isGreaterThan(SearchIndex.COUNTED_UP_TO);
                    }
                }
            }
        }
    }

    private static Integer[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(sd -> sd.doc).toArray(Integer[]::new);
    }

    private static Float[] scores(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map((ScoreDoc sd) -> sd.score).toArray(Float[]::new);
    }
}
