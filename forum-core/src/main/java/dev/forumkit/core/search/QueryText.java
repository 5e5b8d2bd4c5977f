package dev.forumkit.core.search;

import dev.forumkit.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what people type into a search box: words, {@code "phrases"}, {@code -excluded} words or phrases and
 * {@code prefix*} words. Nothing in it is engine syntax: other punctuation only separates words, an unclosed quote
 * runs to the end, and {@code AND}/{@code OR} are ignored (every term must match anyway).
 */
public final class QueryText {
    /** The longest search accepted; beyond it the searcher gets an error, not a slow query. */
    public static final int MAX_LENGTH = 500;
    /** The most terms one search may have. */
    public static final int MAX_TERMS = 20;
    /** A prefix needs this many characters before the star, or it would match nearly everything. */
    public static final int MIN_PREFIX = 2;

    private QueryText() {
    }

    /** The terms of {@code text} on an otherwise unfiltered query sorted by relevance. */
    public static SearchQuery parse(String text) {
        String q = text == null ? "" : text;
        if (q.length() > MAX_LENGTH) {
            throw InvalidInputException.of("q", "too_long", "a search may be at most " + MAX_LENGTH + " characters");
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean exclude = false;
            if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                exclude = true;
                i++;
                c = q.charAt(i);
            }
            if (c == '"') {
                int end = q.indexOf('"', i + 1);
                String raw = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
                i = end < 0 ? q.length() : end + 1;
                List<String> inner = words(raw);
                if (!inner.isEmpty()) {
                    String phrase = String.join(" ", inner);
                    (exclude ? excluded : inner.size() == 1 ? words : phrases).add(phrase);
                }
                continue;
            }
            int end = i;
            while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                end++;
            }
            String chunk = q.substring(i, end);
            i = end;
            boolean prefix = chunk.endsWith("*");
            List<String> parts = words(chunk);
            for (int p = 0; p < parts.size(); p++) {
                String w = parts.get(p);
                if (!exclude && (w.equals("AND") || w.equals("OR"))) {
                    continue;
                }
                if (exclude) {
                    excluded.add(w);
                } else if (prefix && p == parts.size() - 1 && w.codePointCount(0, w.length()) >= MIN_PREFIX) {
                    prefixes.add(w);
                } else {
                    words.add(w);
                }
            }
        }
        if (words.size() + phrases.size() + prefixes.size() + excluded.size() > MAX_TERMS) {
            throw InvalidInputException.of("q", "too_many_terms", "a search may have at most " + MAX_TERMS + " words and phrases");
        }
        return SearchQuery.all().sortedBy(SearchQuery.Sort.RELEVANCE).with(words, phrases, prefixes, excluded);
    }

    /**
     * The words of a piece of text: runs of letters, digits and marks, which may hold single apostrophes, dots,
     * hyphens or underscores between them ("don't", "e-mail", "v1.2"). Everything else separates.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isWordChar(cp)) {
                w.appendCodePoint(cp);
            } else if (isJoiner(cp) && w.length() > 0 && i + n < text.length() && isWordChar(text.codePointAt(i + n))) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
            i += n;
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static boolean isJoiner(int cp) {
        return cp == '\'' || cp == '.' || cp == '-' || cp == '_' || cp == '\u2019';
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
