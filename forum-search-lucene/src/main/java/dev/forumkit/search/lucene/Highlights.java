package dev.forumkit.search.lucene;

import dev.forumkit.core.search.Segment;
import dev.forumkit.core.search.Snippets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a query matched a text by re-analysing it with the index's analysis (phrases strictly) and cuts the
 * snippet with {@link Snippets}, so it comes out as plain-text segments like every other index's. The query's words,
 * phrases and prefixes are matched against the text's tokens directly ({@link Marks}); a query of another shape goes
 * through Lucene's unified highlighter, which marks the same places at several times the cost.
 */
final class Highlights {
    private static final int MAX_TEXT = 60_000;
    private final Analyzer analyzer;
    private final UnifiedHighlighter highlighter;

    Highlights(Analyzer indexAnalyzer) {
        this.analyzer = indexAnalyzer;
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
                .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new)
                .withFormatter(new RangesFormatter())
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withMaxLength(MAX_TEXT)
                .build();
    }

    /** A highlight query ({@link Queries#highlight}) made ready once for all the titles and snippets of a page. */
    final class Prepared {
        private final Query query;
        private final Marks text;
        private final Marks title;

        private Prepared(Query query) {
            this.query = query;
            this.text = Marks.of(query, Fields.TEXT);
            this.title = Marks.of(query, Fields.TITLE);
        }

        List<Segment> snippet(String content) {
            return Snippets.around(content,
                    text != null ? text.in(analyzer, content) : unified(Fields.TEXT, query, content));
        }

        List<Segment> title(String content) {
            return Snippets.whole(content,
                    title != null ? title.in(analyzer, content) : unified(Fields.TITLE, query, content));
        }
    }

    Prepared prepare(Query query) {
        return new Prepared(query);
    }

    List<Segment> snippet(Query query, String text) {
        return prepare(query).snippet(text);
    }

    List<Segment> title(Query query, String title) {
        return prepare(query).title(title);
    }

    /** The unified highlighter's marks (queries {@link Marks} does not take; and the yardstick of its tests). */
    @SuppressWarnings("unchecked")
    List<Snippets.Range> unified(String field, Query query, String text) {
        try {
            Object found = highlighter.highlightWithoutSearcher(field, query, text, 1);
            return found == null ? List.of() : (List<Snippets.Range>) found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands back the match offsets instead of marked-up text. */
    private static final class RangesFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<Snippets.Range> out = new ArrayList<>();
            for (Passage p : passages) {
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = p.getMatchStarts()[i];
                    int end = p.getMatchEnds()[i];
                    if (end > start && end <= content.length()) {
                        out.add(new Snippets.Range(start, end));
                    }
                }
            }
            return out;
        }
    }
}
