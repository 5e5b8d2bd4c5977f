package dev.forumkit.search.lucene;

import dev.forumkit.core.board.BoardId;
import dev.forumkit.core.search.SearchQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link SearchQuery} into a Lucene query, term by term: people's words never go through a query syntax, so
 * nothing they type can be an operator. A word or phrase is a phrase of its analysed tokens in the text or (on first
 * posts) the title.
 */
final class Queries {
    private static final String[] BOTH = {Fields.TEXT, Fields.TITLE};
    private static final String[] TITLE = {Fields.TITLE};
    private final Analyzer analyzer;
    private final QueryBuilder builder;

    Queries(Analyzer queryAnalyzer) {
        this.analyzer = queryAnalyzer;
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    /** The query that selects matches; scores come from its terms. */
    Query match(SearchQuery q) {
        String[] fields = q.titlesOnly() ? TITLE : BOTH;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (String term : q.words()) {
            positive |= must(b, phrase(fields, term));
        }
        for (String term : q.phrases()) {
            positive |= must(b, phrase(fields, term));
        }
        for (String term : q.prefixes()) {
            positive |= must(b, prefix(fields, term));
        }
        for (String term : q.excluded()) {
            Query x = phrase(BOTH, term);
            if (x != null) {
                b.add(x, Occur.MUST_NOT);
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (!q.includeDeleted()) {
            // doc values, checked only on the entries the words matched: they change in place when a thread is deleted
            b.add(NumericDocValuesField.newSlowExactQuery(Fields.POST_DELETED, 0), Occur.FILTER);
            b.add(NumericDocValuesField.newSlowExactQuery(Fields.THREAD_DELETED, 0), Occur.FILTER);
        }
        if (q.titlesOnly()) {
            b.add(new TermQuery(new Term(Fields.START, Fields.YES)), Occur.FILTER);
        }
        if (q.author() != null) {
            b.add(org.apache.lucene.document.LongPoint.newExactQuery(Fields.AUTHOR, q.author().value()), Occur.FILTER);
        }
        if (!q.boards().isEmpty()) {
            b.add(NumericDocValuesField.newSlowSetQuery(Fields.BOARD,
                    q.boards().stream().mapToLong(BoardId::value).toArray()), Occur.FILTER);
        }
        if (q.from() != null || q.until() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : Fields.micros(q.from());
            long until = q.until() == null ? Long.MAX_VALUE : Fields.micros(q.until()) - 1;
            b.add(org.apache.lucene.document.LongPoint.newRangeQuery(Fields.CREATED, from, until), Occur.FILTER);
        }
        return b.build();
    }

    /**
     * What to highlight: each word, phrase and prefix on its own. The highlighter runs the query against the one text
     * it highlights, so filters on other fields (and terms missing from this text) must not be required.
     */
    Query highlight(SearchQuery q) {
        String[] fields = q.titlesOnly() ? TITLE : BOTH;
        List<Query> each = new ArrayList<>();
        for (String term : q.words()) {
            add(each, phrase(fields, term));
        }
        for (String term : q.phrases()) {
            add(each, phrase(fields, term));
        }
        for (String term : q.prefixes()) {
            add(each, prefix(fields, term));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        each.forEach(x -> b.add(x, Occur.SHOULD));
        return b.build();
    }

    private static void add(List<Query> list, Query q) {
        if (q != null) {
            list.add(q);
        }
    }

    /** A term that analyses to no words (only punctuation) is dropped, as the in-memory index drops it. */
    private static boolean must(BooleanQuery.Builder b, Query q) {
        if (q == null) {
            return false;
        }
        b.add(q, Occur.MUST);
        return true;
    }

    private Query phrase(String[] fields, String text) {
        List<Query> each = new ArrayList<>();
        for (String f : fields) {
            Query q = builder.createPhraseQuery(f, text);
            if (q != null) {
                each.add(q);
            }
        }
        return either(each);
    }

    /** The prefix as typed (lower case) and as stemmed, so "bicycles*" still finds "bicycles" stored as "bicycl". */
    private Query prefix(String[] fields, String text) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(text.toLowerCase(Locale.ROOT));
        List<String> tokens = tokens(text);
        if (tokens.size() == 1) {
            forms.add(tokens.get(0));
        } else if (tokens.size() > 1) {
            return phrase(fields, text); // "e-mai*": the words before the star as a phrase
        }
        List<Query> each = new ArrayList<>();
        for (String f : fields) {
            for (String form : forms) {
                each.add(new PrefixQuery(new Term(f, form)));
            }
        }
        return either(each);
    }

    private static Query either(List<Query> queries) {
        if (queries.isEmpty()) {
            return null;
        }
        if (queries.size() == 1) {
            return queries.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        queries.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
