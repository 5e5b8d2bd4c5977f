package dev.forumkit.search.lucene;

import dev.forumkit.core.post.PostId;
import dev.forumkit.core.search.SearchHit;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The hits of one page, made from the entries the search ranked: the post id from doc values, and only for a thread
 * start its stored title (reading stored fields decompresses a whole block of them), marked with the query's words.
 * The entries are read in index order, so each segment's id values, thread-start postings and stored-field blocks are
 * walked forward once instead of looked up afresh for every hit; the hits keep the search's order.
 */
final class PageHits {
    private static final Set<String> TITLE_FIELDS = Set.of(Fields.TITLE_STORED);
    private static final Term START = new Term(Fields.START, Fields.YES);

    private PageHits() {
    }

    /** The hits of {@code ranked[from..to)}, in that order; their scores only when {@code byScore}. */
    static List<SearchHit> of(IndexSearcher searcher, ScoreDoc[] ranked, int from, int to, boolean byScore,
                              Highlights.Prepared marks) throws IOException {
        if (from >= to) {
            return List.of();
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        StoredFields stored = searcher.storedFields();
        SearchHit[] hits = new SearchHit[to - from];
        int[] inIndexOrder = IntStream.range(from, to).boxed()
                .sorted(Comparator.comparingInt(i -> ranked[i].doc)).mapToInt(Integer::intValue).toArray();
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        PostingsEnum starts = null;
        for (int i : inIndexOrder) {
            ScoreDoc sd = ranked[i];
            if (leaf == null || sd.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                ids = DocValues.getNumeric(leaf.reader(), Fields.ID_SORT);
                starts = leaf.reader().postings(START, PostingsEnum.NONE);
            }
            int inLeaf = sd.doc - leaf.docBase;
            if (!ids.advanceExact(inLeaf)) {
                throw new IllegalStateException("an entry without a post id");
            }
            PostId post = PostId.of(ids.longValue());
            boolean start = starts != null
                    && (starts.docID() < inLeaf ? starts.advance(inLeaf) : starts.docID()) == inLeaf;
            String title = start ? stored.document(sd.doc, TITLE_FIELDS).get(Fields.TITLE_STORED) : null;
            // no snippet here: the index keeps no bodies; snippet() cuts it from the storage's text
            hits[i - from] = new SearchHit(post, byScore && !Float.isNaN(sd.score) ? sd.score : 0, List.of(),
                    title == null ? List.of() : marks.title(title));
        }
        return Arrays.asList(hits);
    }
}
