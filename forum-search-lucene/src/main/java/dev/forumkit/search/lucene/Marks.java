package dev.forumkit.search.lucene;

import dev.forumkit.core.search.Snippets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a highlight query ({@link Queries#highlight}) for one field, found in a text by analysing it once: the
 * marks the unified highlighter makes for such a query (a word's token anywhere, a phrase from its first to its last
 * character where the whole phrase stands, a prefix's tokens), without the index in memory it builds for every text,
 * which made up half of a relevance page. Made once per query; {@link #of} declines a query of another shape (the
 * caller then uses the unified highlighter).
 */
final class Marks {
    private record Phrase(String[] terms, int[] positions) {
    }

    private final String field;
    private final Set<String> terms = new HashSet<>();
    private final List<Phrase> phrases = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    private Marks(String field) {
        this.field = field;
    }

    /** The query's words in {@code field}, or null if it holds anything but words, exact phrases and prefixes. */
    static Marks of(Query query, String field) {
        Marks marks = new Marks(field);
        return marks.add(query) ? marks : null;
    }

    private boolean add(Query q) {
        if (q instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) {
                if (c.getOccur() == BooleanClause.Occur.MUST_NOT || c.getOccur() == BooleanClause.Occur.FILTER
                        || !add(c.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        if (q instanceof TermQuery t) {
            if (field.equals(t.getTerm().field())) {
                terms.add(t.getTerm().text());
            }
            return true;
        }
        if (q instanceof PrefixQuery p) {
            if (field.equals(p.getPrefix().field())) {
                prefixes.add(p.getPrefix().text());
            }
            return true;
        }
        if (q instanceof PhraseQuery p) {
            if (p.getSlop() != 0) {
                return false;
            }
            Term[] words = p.getTerms();
            if (words.length > 0 && field.equals(words[0].field())) {
                phrases.add(new Phrase(Arrays.stream(words).map(Term::text).toArray(String[]::new), p.getPositions()));
            }
            return true;
        }
        return false;
    }

    /** Whether nothing of the query is in this field (no text can then have a mark). */
    boolean none() {
        return terms.isEmpty() && phrases.isEmpty() && prefixes.isEmpty();
    }

    /**
     * Where the words stand in {@code text}, analysed by {@code analyzer} (the index's) as a whole: the unified
     * highlighter, given the text itself, marks all of it too (its maximum length bounds only what it loads).
     */
    List<Snippets.Range> in(Analyzer analyzer, String text) {
        if (none()) {
            return List.of();
        }
        Tokens tokens = Tokens.of(analyzer, field, text);
        List<Snippets.Range> out = new ArrayList<>();
        for (int i = 0; i < tokens.size; i++) {
            if (terms.contains(tokens.terms[i]) || startsWithAPrefix(tokens.terms[i])) {
                out.add(new Snippets.Range(tokens.starts[i], tokens.ends[i]));
            }
        }
        for (Phrase p : phrases) {
            for (int i = 0; i < tokens.size; i++) {
                if (p.terms[0].equals(tokens.terms[i])) {
                    Snippets.Range span = span(p, tokens, tokens.positions[i]);
                    if (span != null) {
                        out.add(span);
                    }
                }
            }
        }
        return out;
    }

    private boolean startsWithAPrefix(String term) {
        for (String p : prefixes) {
            if (term.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * From the first to the last character of the phrase when its first word is at {@code at} and every other word at
     * its place, else null: one mark over the whole phrase, punctuation between its words included, as the unified
     * highlighter marks a match of the query (its weight's matches).
     */
    private static Snippets.Range span(Phrase p, Tokens tokens, int at) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (int w = 0; w < p.terms.length; w++) {
            int i = tokens.at(at + p.positions[w] - p.positions[0], p.terms[w]);
            if (i < 0) {
                return null;
            }
            start = Math.min(start, tokens.starts[i]);
            end = Math.max(end, tokens.ends[i]);
        }
        return new Snippets.Range(start, end);
    }

    /** A text's tokens in order: term, position, offsets. */
    private static final class Tokens {
        private String[] terms = new String[64];
        private int[] positions = new int[64];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int size;

        static Tokens of(Analyzer analyzer, String field, String text) {
            Tokens t = new Tokens();
            try (TokenStream ts = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                int position = -1;
                while (ts.incrementToken()) {
                    position += inc.getPositionIncrement();
                    t.add(term.toString(), position, offsets.startOffset(), offsets.endOffset());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return t;
        }

        private void add(String term, int position, int start, int end) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            terms[size] = term;
            positions[size] = position;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        /** The index of the token {@code term} at {@code position}, or -1 (positions never decrease: binary search). */
        int at(int position, String term) {
            int i = Arrays.binarySearch(positions, 0, size, position);
            if (i < 0) {
                return -1;
            }
            while (i > 0 && positions[i - 1] == position) {
                i--;
            }
            for (; i < size && positions[i] == position; i++) {
                if (term.equals(terms[i])) {
                    return i;
                }
            }
            return -1;
        }
    }
}
