package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.search.SearchQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link SearchQuery}'s terms as PostgreSQL tsquery expressions with bound parameters: never query syntax made
 * from what people typed. Each term goes through the same parser and stemmer as the text ({@code phraseto_tsquery},
 * so "e-mail" or "foo:bar" match as the phrase of their parts); its CJK runs become phrases of character pairs
 * ({@link SearchText#cjkQuery}); a prefix's last word gets {@code :*}.
 */
final class SearchSql {
    /** The text search configuration of V9: English stemming, no stop words. */
    static final String CONFIG = "CAST('forumkit_english' AS regconfig)";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private final Map<String, Object> binds = new LinkedHashMap<>();
    /** Every term that must match, or null when only filters choose. */
    final String match;
    /** The words, phrases and prefixes outside CJK, for {@code ts_headline}; null when there are none. */
    final String highlight;
    /** The CJK runs of the terms that must match, highlighted by Java (ts_headline cannot see them). */
    final List<String> cjkRuns = new ArrayList<>();

    SearchSql(SearchQuery q) {
        List<String> must = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String w : q.words()) {
            term(w, false, must, shown, cjkRuns);
        }
        for (String p : q.phrases()) {
            term(p, false, must, shown, cjkRuns);
        }
        for (String p : q.prefixes()) {
            term(p, true, must, shown, cjkRuns);
        }
        for (String x : q.excluded()) {
            List<String> parts = new ArrayList<>();
            term(x, false, parts, new ArrayList<>(), new ArrayList<>());
            if (!parts.isEmpty()) {
                must.add("!!(" + String.join(" && ", parts) + ")");
            }
        }
        this.match = must.isEmpty() ? null : String.join(" && ", must);
        this.highlight = shown.isEmpty() ? null : String.join(" && ", shown);
    }

    Map<String, Object> binds() {
        return binds;
    }

    private void term(String term, boolean prefix, List<String> must, List<String> shown, List<String> cjk) {
        String folded = SearchText.fold(term);
        String parsed = SearchText.parsed(folded);
        if (SearchText.hasParsedWords(parsed)) {
            String expr = prefix ? prefix(parsed) : "phraseto_tsquery(" + CONFIG + ", " + param(parsed) + ")";
            must.add(expr);
            shown.add(expr);
        }
        for (String run : SearchText.cjkRuns(folded)) {
            must.add("CAST(" + param(SearchText.cjkQuery(run)) + " AS tsquery)");
            cjk.add(run);
        }
    }

    /** The words before the last as a phrase, followed by the last as a prefix. */
    private String prefix(String parsed) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(parsed);
        while (m.find()) {
            words.add(m.group());
        }
        String last = "to_tsquery(" + CONFIG + ", " + param("'" + words.get(words.size() - 1) + "':*") + ")";
        if (words.size() == 1) {
            return last;
        }
        String lead = String.join(" ", words.subList(0, words.size() - 1));
        return "(phraseto_tsquery(" + CONFIG + ", " + param(lead) + ") <-> " + last + ")";
    }

    private String param(Object value) {
        String name = "q" + binds.size();
        binds.put(name, value);
        return ":" + name;
    }
}
