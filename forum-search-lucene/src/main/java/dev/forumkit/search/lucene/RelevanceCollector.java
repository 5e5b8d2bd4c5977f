package dev.forumkit.search.lucene;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The best {@code size} matches by score, ties newest first (created, then post id, both descending): the order of
 * {@code Sort(score, created desc, id desc)}, made cheap on an index sorted newest first. A word in a third of the
 * posts gives thousands of matches the same top score (BM25 of one term takes few distinct values), and a collector
 * that breaks ties by a field may skip only matches scoring strictly less than its worst hit: block-max WAND then
 * skips almost nothing and every match is scored. Within a segment of this index a later match is older, so once the
 * worst hit is from the segment being read, a tie cannot enter and only strictly better scores are asked for
 * ({@link Math#nextUp}); across segments ties are compared by their doc values. Counts exactly up to {@code countUpTo}
 * matches, then lets the scorers skip (the total is then "at least").
 */
final class RelevanceCollector implements Collector {
    private record Hit(int doc, int leaf, float score, long created, long id) {
    }

    /** Worst first: lower score, then older, then lower id. */
    private static final Comparator<Hit> WORST_FIRST = Comparator.comparingDouble(Hit::score)
            .thenComparingLong(Hit::created).thenComparingLong(Hit::id);
    private final int size;
    private final int countUpTo;
    private final PriorityQueue<Hit> top;
    private int matches;
    private boolean skipping;

    RelevanceCollector(int size, int countUpTo) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        this.size = size;
        this.countUpTo = countUpTo;
        this.top = new PriorityQueue<>(size, WORST_FIRST);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues created = DocValues.getNumeric(context.reader(), Fields.CREATED);
        NumericDocValues ids = DocValues.getNumeric(context.reader(), Fields.ID_SORT);
        int leaf = context.ord;
        int base = context.docBase;
        return new LeafCollector() {
            private Scorable scorer;
            private float minScore;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                this.minScore = 0;
                competitive();
            }

            @Override
            public void collect(int doc) throws IOException {
                matches++;
                float score = scorer.score();
                Hit worst = top.size() < size ? null : top.peek();
                if (worst != null && (score < worst.score() || score == worst.score() && worst.leaf() == leaf)) {
                    // not better (a tie from this segment is older than the worst hit, also from it)
                    if (matches == countUpTo + 1) {
                        competitive();
                    }
                    return;
                }
                Hit hit = new Hit(base + doc, leaf, score, value(created, doc), value(ids, doc));
                if (worst != null) {
                    if (WORST_FIRST.compare(hit, worst) <= 0) {
                        return;
                    }
                    top.poll();
                }
                top.add(hit);
                competitive();
            }

            /** Past the count and with a full page: tell the scorer what it may skip. */
            private void competitive() throws IOException {
                if (matches <= countUpTo || top.size() < size || scorer == null) {
                    return;
                }
                Hit worst = top.peek();
                float min = worst.leaf() == leaf ? Math.nextUp(worst.score()) : worst.score();
                if (min > minScore) {
                    minScore = min;
                    scorer.setMinCompetitiveScore(min);
                    skipping = true;
                }
            }
        };
    }

    private static long value(NumericDocValues values, int doc) throws IOException {
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("an entry without its created or id doc values");
        }
        return values.longValue();
    }

    /** The hits best first, and the number of matches: exact unless the scorers were allowed to skip. */
    TopDocs topDocs() {
        Hit[] hits = top.toArray(Hit[]::new);
        java.util.Arrays.sort(hits, WORST_FIRST.reversed());
        ScoreDoc[] docs = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = new ScoreDoc(hits[i].doc(), hits[i].score());
        }
        return new TopDocs(new TotalHits(matches, skipping ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO
                : TotalHits.Relation.EQUAL_TO), docs);
    }
}
